// Who is calling: a cookie session (the web app) or a personal access token
// (`Authorization: Bearer {id}|{secret}`, scripts and integrations).
import type { Context, MiddlewareHandler } from "hono";
import type { User } from "lucia";
import type { MembershipProbe } from "../features/auth/session-adapter";
import { sessionsFor } from "../features/auth/sessions";
import { authenticateToken } from "../features/tokens/authenticate-token";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

export type AuthUser = User;

export type Identity =
  | { kind: "session"; user: AuthUser; sessionId: string }
  | { kind: "token"; user: AuthUser; tokenId: number; abilities: string[] };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Secure cookies everywhere but plain-HTTP localhost, where browsers would drop them. */
export const isSecureRequest = (c: Context<AppEnv>) => !LOCAL_HOSTS.has(new URL(c.req.url).hostname);

export const sessionsOf = (c: Context<AppEnv>) => sessionsFor(c.var.db, { secure: isSecureRequest(c) });

const WORKSPACE_PATH =
  /^\/api\/v1\/workspaces\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/** The workspace a request's path names, whose membership is worth reading along with the session. */
function probeFor(c: Context<AppEnv>): MembershipProbe | undefined {
  const id = WORKSPACE_PATH.exec(new URL(c.req.url).pathname)?.[1];
  return id ? { workspaceId: id.toLowerCase() } : undefined;
}

/** Resolves the caller, if any, into c.var.identity; never refuses by itself. */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("identity", null);
  // Browsers cannot set headers on a WebSocket, so live connections may carry the token in the URL.
  const queryToken = c.req.header("Upgrade") === "websocket" ? c.req.query("access_token") : undefined;
  const authorization = c.req.header("Authorization") ?? (queryToken ? `Bearer ${queryToken}` : undefined);
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match?.[1] ? await authenticateToken(c.var.db, match[1]) : null;
    if (!found) throw new AppError("unauthorized", "The API token is invalid, expired or revoked.");
    c.set("identity", { kind: "token", ...found });
    return next();
  }
  const probe = probeFor(c);
  const sessions = sessionsFor(c.var.db, { secure: isSecureRequest(c), probe });
  const token = sessions.readCookie(c.req.header("Cookie"));
  if (token) {
    const valid = await sessions.validate(token);
    if (valid) {
      c.set("identity", { kind: "session", user: valid.user, sessionId: valid.session.id });
      if (probe?.row !== undefined) c.set("membershipProbe", probe);
      await next();
      if (valid.refreshedCookie) c.header("Set-Cookie", valid.refreshedCookie, { append: true });
      return;
    }
    // A stale cookie is dropped so the browser stops sending it.
    c.header("Set-Cookie", sessions.blankCookie(), { append: true });
  }
  return next();
};

export function currentIdentity(c: Context<AppEnv>): Identity {
  const identity = c.var.identity;
  if (!identity) throw new AppError("unauthorized", "Sign in to continue.");
  return identity;
}

/** Refuses anonymous callers, and tokens that were not given the ability. */
export const requireUser =
  (ability?: string): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const identity = currentIdentity(c);
    if (ability && identity.kind === "token" && !tokenAllows(identity.abilities, ability)) {
      throw new AppError("forbidden", `This API token lacks the "${ability}" ability.`, { ability });
    }
    return next();
  };

/** A token's abilities arrive expanded (see effectiveAbilities), so this is an exact match. */
export const tokenAllows = (abilities: string[], ability: string) => abilities.includes(ability);
