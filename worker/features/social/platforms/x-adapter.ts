// X (Twitter) API v2: OAuth 2.0 with PKCE (Arctic's client), POST /2/tweets to publish
// (one irreversible call), public_metrics for engagement. Images go up first through
// POST /2/media/upload (a reversible step kept in the row: nothing is public until the
// post names them). X rotates refresh tokens: each refresh spends the old one, which is
// why refreshes run under a per-account lease.
import { CodeChallengeMethod } from "arctic";
import type { Env } from "../../../lib/env";
import { oauthClient, tokenRequest } from "./oauth-tokens";
import type { AdapterOptions, PlatformAdapter, PlatformTokens } from "./platform-adapter";
import { PlatformError } from "./platform-error";
import { errorForStatus, jsonOf, platformFetch } from "./platform-http";
import { checkLimits, composeText } from "./platform-limits";

export const X_SCOPES = ["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"];

export function xAdapter(env: Env, options: AdapterOptions): PlatformAdapter {
  const api = (env.SOCIAL_X_API_URL || "https://api.x.com").replace(/\/$/, "");
  const authUrl = env.SOCIAL_X_AUTH_URL || "https://x.com/i/oauth2/authorize";
  const clientId = env.SOCIAL_X_CLIENT_ID ?? "";
  const secret = env.SOCIAL_X_CLIENT_SECRET ?? "";
  const tokenUrl = `${api}/2/oauth2/token`;
  const bearer = (tokens: PlatformTokens) => ({ Authorization: `Bearer ${tokens.access_token}` });

  async function read(path: string, tokens: PlatformTokens, what: string) {
    const call = { timeoutMs: options.timeoutMs, irreversible: false, what };
    const res = await platformFetch(`${api}${path}`, { headers: bearer(tokens) }, call);
    const body = await jsonOf(res);
    if (!res.ok) throw errorForStatus(res, reasonOf(body), call);
    return body ?? {};
  }

  /** One image, fetched from its public URL and sent whole; answers X's media id. */
  async function uploadImage(url: string, tokens: PlatformTokens): Promise<string> {
    const call = { timeoutMs: options.timeoutMs, irreversible: false, what: "X" };
    const source = await platformFetch(url, {}, { ...call, what: "the image file" });
    if (!source.ok) throw new PlatformError("rejected", `The image could not be read (${source.status}): ${url}`);
    const type = source.headers.get("Content-Type")?.split(";")[0]?.trim() || "application/octet-stream";
    const form = new FormData();
    form.append("media", new Blob([await source.arrayBuffer()], { type }), "image");
    form.append("media_category", "tweet_image");
    const res = await platformFetch(
      `${api}/2/media/upload`,
      { method: "POST", headers: bearer(tokens), body: form },
      call,
    );
    const body = await jsonOf(res);
    if (!res.ok) throw errorForStatus(res, reasonOf(body), call);
    const id = (body?.data as { id?: string } | undefined)?.id;
    if (!id) throw new PlatformError("retryable", "X took the image but sent no media id.");
    return id;
  }

  return {
    platform: "twitter",
    configured: Boolean(clientId && secret),
    authorizationUrl: (state, verifier, redirectUri) =>
      oauthClient(clientId, secret, redirectUri).createAuthorizationURLWithPKCE(
        authUrl,
        state,
        CodeChallengeMethod.S256,
        verifier,
        X_SCOPES,
      ),
    exchangeCode: (code, verifier, redirectUri) =>
      tokenRequest("X token exchange", () =>
        oauthClient(clientId, secret, redirectUri).validateAuthorizationCode(tokenUrl, code, verifier),
      ),
    refresh: (tokens) => {
      if (!tokens.refresh_token)
        throw new PlatformError("disconnected", "X gave no refresh token: reconnect the account.");
      const refreshToken = tokens.refresh_token;
      return tokenRequest("X token refresh", () =>
        oauthClient(clientId, secret, null).refreshAccessToken(tokenUrl, refreshToken, []),
      );
    },
    async accountInfo(tokens) {
      const body = await read("/2/users/me?user.fields=profile_image_url", tokens, "X");
      const user = (body.data ?? {}) as { id?: string; username?: string; name?: string; profile_image_url?: string };
      if (!user.id || !user.username) throw new PlatformError("rejected", "X did not say which account this is.");
      return {
        tokens,
        profile: {
          account_id: user.id,
          username: user.username,
          display_name: user.name ?? null,
          profile_picture: user.profile_image_url ?? null,
          info: { profile_url: `https://x.com/${user.username}` },
        },
      };
    },
    validate: (draft) => checkLimits("twitter", draft),
    nextStep({ post, tokens }, state) {
      // Images first (nothing public yet), then the post that shows them.
      if (!state && post.media_urls.length > 0) {
        return {
          irreversible: false,
          async run() {
            const mediaIds: string[] = [];
            for (const url of post.media_urls) mediaIds.push(await uploadImage(url, tokens));
            return { kind: "pending", data: { stage: "post", media_ids: mediaIds }, check_after_seconds: 0 };
          },
        };
      }
      const mediaIds = Array.isArray(state?.media_ids) ? state.media_ids.map(String) : [];
      return {
        irreversible: true,
        async run() {
          const call = { timeoutMs: options.timeoutMs, irreversible: true, what: "X" };
          const res = await platformFetch(
            `${api}/2/tweets`,
            {
              method: "POST",
              headers: { ...bearer(tokens), "Content-Type": "application/json" },
              body: JSON.stringify({
                text: composeText(post.content, post.hashtags),
                ...(mediaIds.length > 0 && { media: { media_ids: mediaIds } }),
              }),
            },
            call,
          );
          const body = await jsonOf(res);
          if (!res.ok) throw errorForStatus(res, reasonOf(body), call);
          const id = (body?.data as { id?: string } | undefined)?.id;
          if (!id) throw new PlatformError("unknown_outcome", "X accepted the post but sent no id.");
          return { kind: "published", external_id: id };
        },
      };
    },
    async fetchMetrics(externalId, { tokens }) {
      const body = await read(`/2/tweets/${encodeURIComponent(externalId)}?tweet.fields=public_metrics`, tokens, "X");
      const m = ((body.data as { public_metrics?: Record<string, number> } | undefined)?.public_metrics ??
        {}) as Record<string, number>;
      return {
        likes: m.like_count ?? 0,
        comments: m.reply_count ?? 0,
        shares: (m.retweet_count ?? 0) + (m.quote_count ?? 0),
        impressions: m.impression_count ?? 0,
      };
    },
  };
}

/** X's error answers: { detail } (v2 problems) or { errors: [{ message }] }. */
function reasonOf(body: Record<string, unknown> | null): string {
  if (!body) return "no details";
  if (typeof body.detail === "string") return body.detail;
  const first = Array.isArray(body.errors) ? (body.errors[0] as { message?: string } | undefined) : undefined;
  return first?.message ?? (typeof body.title === "string" ? body.title : "no details");
}
