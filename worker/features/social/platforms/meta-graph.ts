// Meta's Graph API, shared by Instagram (through Facebook Login) and Facebook Pages:
// the dialog and token endpoints, the long-lived token exchange Arctic does not do,
// and Graph error answers sorted into PlatformError kinds.
import type { Env } from "../../../lib/env";
import type { PlatformTokens } from "./platform-adapter";
import { PlatformError, resetTimeOf } from "./platform-error";
import { type CallOptions, jsonOf, platformFetch } from "./platform-http";
import { tokenExpiresAt } from "./token-expires-at";

export type MetaConfig = { graph: string; dialog: string; appId: string; appSecret: string };

export function metaConfig(env: Env): MetaConfig {
  return {
    graph: (env.SOCIAL_META_GRAPH_URL || "https://graph.facebook.com/v21.0").replace(/\/$/, ""),
    dialog: env.SOCIAL_META_DIALOG_URL || "https://www.facebook.com/v21.0/dialog/oauth",
    appId: env.SOCIAL_META_APP_ID ?? "",
    appSecret: env.SOCIAL_META_APP_SECRET ?? "",
  };
}

type GraphError = { message?: string; code?: number; error_subcode?: number; type?: string };

/** Rate-limit codes (application, user, page, custom) that Meta answers with HTTP 400 or 403. */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 80002]);

/** Calls the Graph API; a Graph error becomes the PlatformError the publisher acts on. */
export async function graphCall(
  config: MetaConfig,
  path: string,
  params: Record<string, string>,
  call: CallOptions & { method?: "GET" | "POST" },
): Promise<Record<string, unknown>> {
  const url = new URL(`${config.graph}${path}`);
  const init: RequestInit = { method: call.method ?? "GET" };
  if (call.method === "POST") {
    init.body = new URLSearchParams(params);
    init.headers = { "Content-Type": "application/x-www-form-urlencoded" };
  } else {
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  }
  const res = await platformFetch(url.toString(), init, call);
  const body = await jsonOf(res);
  if (res.ok && body && !body.error) return body;
  const error = (body?.error ?? {}) as GraphError;
  const said = `${call.what}: ${error.message ?? `HTTP ${res.status}`}`;
  if (res.status === 429 || RATE_LIMIT_CODES.has(error.code ?? -1)) {
    throw new PlatformError("retryable", said, resetTimeOf(res.headers) ?? regainAccessAt(res.headers));
  }
  if (error.code === 190) {
    // 463/467: expired or invalidated by logout — a refresh cannot help once the long-lived token is gone.
    throw new PlatformError(error.error_subcode === 460 ? "disconnected" : "refresh_needed", said);
  }
  if (error.code === 10 || error.code === 200) throw new PlatformError("disconnected", said);
  if (res.status >= 500) throw new PlatformError(call.irreversible ? "unknown_outcome" : "retryable", said);
  throw new PlatformError("rejected", error.message ?? said);
}

/** Meta's usage headers say in minutes when the business use case may call again. */
function regainAccessAt(headers: Headers): number | null {
  const usage = headers.get("x-business-use-case-usage");
  if (!usage) return null;
  try {
    const parsed = JSON.parse(usage) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Math.max(
      ...Object.values(parsed).flatMap((list) => list.map((u) => u.estimated_time_to_regain_access ?? 0)),
    );
    return minutes > 0 ? Date.now() + minutes * 60_000 : null;
  } catch {
    return null;
  }
}

/** Swaps a token for a long-lived one (about 60 days); also how Meta "refreshes" — there are no refresh tokens. */
export async function longLivedToken(config: MetaConfig, token: string, timeoutMs: number): Promise<PlatformTokens> {
  const body = await graphCall(
    config,
    "/oauth/access_token",
    {
      grant_type: "fb_exchange_token",
      client_id: config.appId,
      client_secret: config.appSecret,
      fb_exchange_token: token,
    },
    { timeoutMs, irreversible: false, what: "Facebook token exchange" },
  );
  if (typeof body.access_token !== "string") throw new PlatformError("rejected", "Facebook sent no long-lived token.");
  return {
    access_token: body.access_token,
    refresh_token: null,
    expires_at: tokenExpiresAt(body.expires_in, 60 * 24 * 3600),
  };
}
