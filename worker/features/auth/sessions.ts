// Cookie sessions, behind this one module so Lucia (in maintenance upstream) can be
// swapped for its single-file successor without touching a route. The cookie holds
// a 256-bit random token; the database keeps only its SHA-256 as the session id.
// Sessions end after 7 idle days or 30 days in all.
import { eq } from "drizzle-orm";
import { Lucia, type Session, TimeSpan, type User } from "lucia";
import type { Database } from "../../../db/database";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { createSessionAdapter, type MembershipProbe } from "./session-adapter";
import { toAuthUserAttributes } from "./to-auth-user";

/** Idle expiry. Lucia renews a session once half of it has passed, so renewals are at least 3.5 days apart. */
export const SESSION_IDLE = new TimeSpan(7, "d");
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** last_activity is refreshed at most this often, so "active sessions" stays honest without a write per request. */
const ACTIVITY_RESOLUTION_S = 60 * 60;

export type SessionUser = {
  name: string;
  email: string;
  email_verified_at: Date | null;
  avatar: string | null;
  role: "admin" | "user" | null;
  status: "active" | "inactive" | "suspended" | null;
  preferences: Record<string, unknown> | null;
  google_id: string | null;
  created_at: Date | null;
  updated_at: Date | null;
};

export type SessionAttributes = {
  ip_address: string | null;
  user_agent: string | null;
  last_activity: number;
  /** Start of the session in ms, for the absolute expiry. */
  started_at: number;
};

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: SessionUser;
    DatabaseSessionAttributes: SessionAttributes;
  }
}

export const cookieName = (secure: boolean) => (secure ? "__Host-mewayz_session" : "mewayz_session");

function createLucia(db: Database, secure: boolean, probe?: MembershipProbe) {
  return new Lucia(createSessionAdapter(db, toAuthUserAttributes, probe), {
    sessionExpiresIn: SESSION_IDLE,
    sessionCookie: { name: cookieName(secure), attributes: { secure, sameSite: "lax", path: "/" } },
    getUserAttributes: (attributes) => attributes,
    getSessionAttributes: (attributes) => attributes,
  });
}

export type ValidSession = { session: Session; user: User; token: string; refreshedCookie: string | null };

/** `probe`: a workspace whose membership validate() reads along with the session. */
export function sessionsFor(db: Database, options: { secure: boolean; probe?: MembershipProbe }) {
  const lucia = createLucia(db, options.secure, options.probe);
  return {
    cookieName: lucia.sessionCookieName,

    async create(userId: string, client: { ip: string | null; userAgent: string | null }) {
      const token = randomToken();
      const now = Date.now();
      const session = await lucia.createSession(
        userId,
        {
          ip_address: client.ip,
          user_agent: client.userAgent?.slice(0, 1000) ?? null,
          last_activity: Math.floor(now / 1000),
          started_at: now,
        },
        { sessionId: await sha256Hex(token) },
      );
      return { session, token, cookie: lucia.createSessionCookie(token).serialize() };
    },

    /** The session a cookie token names, if it is still good and its user may sign in. */
    async validate(token: string): Promise<ValidSession | null> {
      if (!/^[A-Za-z0-9_-]{20,128}$/.test(token)) return null;
      const id = await sha256Hex(token);
      const { session, user } = await lucia.validateSession(id);
      if (!session || !user) return null;
      if (Date.now() - session.started_at > SESSION_ABSOLUTE_MS) {
        await lucia.invalidateSession(id);
        return null;
      }
      if (user.status !== "active") return null;
      if (!session.fresh && Date.now() / 1000 - session.last_activity > ACTIVITY_RESOLUTION_S) {
        await db.atomic((q) => [
          q
            .update(db.t.sessions)
            .set({ last_activity: Math.floor(Date.now() / 1000) })
            .where(eq(db.t.sessions.id, id)),
        ]);
      }
      return {
        session,
        user,
        token,
        refreshedCookie: session.fresh ? lucia.createSessionCookie(token).serialize() : null,
      };
    },

    list: (userId: string) => lucia.getUserSessions(userId),
    invalidate: (sessionId: string) => lucia.invalidateSession(sessionId),
    invalidateAll: (userId: string) => lucia.invalidateUserSessions(userId),
    readCookie: (header: string | undefined) => (header ? lucia.readSessionCookie(header) : null),
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
  };
}

export type Sessions = ReturnType<typeof sessionsFor>;
