// TikTok: its OAuth 2.0 speaks `client_key`, so the token calls are our own (Arctic's
// TikTok provider has fixed endpoints). Direct Post pulls the video from our public
// URL: init is the irreversible call; the status is checked by later ticks.
// TikTok rotates refresh tokens, so refreshes run under the per-account lease.
import type { Env } from "../../../lib/env";
import type { AdapterOptions, PlatformAdapter, PlatformTokens } from "./platform-adapter";
import { PlatformError } from "./platform-error";
import { type CallOptions, errorForStatus, jsonOf, platformFetch } from "./platform-http";
import { checkLimits, composeText } from "./platform-limits";
import { tokenExpiresAt } from "./token-expires-at";

export const TIKTOK_SCOPES = ["user.info.basic", "video.publish", "video.list"];
const STATUS_CHECK_SECONDS = 30;

export function tiktokAdapter(env: Env, options: AdapterOptions): PlatformAdapter {
  const api = (env.SOCIAL_TIKTOK_API_URL || "https://open.tiktokapis.com").replace(/\/$/, "");
  const authUrl = env.SOCIAL_TIKTOK_AUTH_URL || "https://www.tiktok.com/v2/auth/authorize/";
  const clientKey = env.SOCIAL_TIKTOK_CLIENT_KEY ?? "";
  const secret = env.SOCIAL_TIKTOK_CLIENT_SECRET ?? "";

  async function call(path: string, tokens: PlatformTokens | null, body: unknown, opts: CallOptions) {
    const headers: Record<string, string> = {};
    let payload: BodyInit | undefined;
    if (tokens) headers.Authorization = `Bearer ${tokens.access_token}`;
    if (body instanceof URLSearchParams) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      payload = body;
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json; charset=UTF-8";
      payload = JSON.stringify(body);
    }
    const res = await platformFetch(
      `${api}${path}`,
      { method: body === undefined ? "GET" : "POST", headers, body: payload },
      opts,
    );
    const json = await jsonOf(res);
    const error = json?.error as { code?: string; message?: string } | string | undefined;
    const code = typeof error === "string" ? error : error?.code;
    if (res.ok && (!code || code === "ok")) return json ?? {};
    const reason =
      (typeof error === "object" ? error?.message : String(json?.error_description ?? "")) || code || "no details";
    if (code === "access_token_invalid") throw new PlatformError("refresh_needed", `TikTok: ${reason}`);
    if (code === "invalid_grant" || code === "scope_not_authorized")
      throw new PlatformError("disconnected", `TikTok: ${reason}`);
    if (code === "rate_limit_exceeded")
      throw errorForStatus(new Response(null, { status: 429, headers: res.headers }), reason, opts);
    throw errorForStatus(res.ok ? new Response(null, { status: 400 }) : res, reason, opts);
  }

  async function tokens(form: Record<string, string>, what: string): Promise<PlatformTokens> {
    const body = await call(
      "/v2/oauth/token/",
      null,
      new URLSearchParams({ client_key: clientKey, client_secret: secret, ...form }),
      { timeoutMs: options.timeoutMs, irreversible: false, what },
    );
    if (typeof body.access_token !== "string") throw new PlatformError("rejected", `${what}: no access token`);
    const refresh = typeof body.refresh_token === "string" && body.refresh_token ? body.refresh_token : null;
    return {
      access_token: body.access_token,
      refresh_token: refresh,
      // TikTok documents access tokens of a day.
      expires_at: tokenExpiresAt(body.expires_in, 86_400),
      extra: typeof body.open_id === "string" ? { open_id: body.open_id } : {},
    };
  }

  const read = { timeoutMs: options.timeoutMs, irreversible: false, what: "TikTok" };

  return {
    platform: "tiktok",
    configured: Boolean(clientKey && secret),
    // Login Kit for the web uses no PKCE; the state binds the callback to this browser.
    authorizationUrl(state, _verifier, redirectUri) {
      const url = new URL(authUrl);
      url.searchParams.set("client_key", clientKey);
      url.searchParams.set("response_type", "code");
      url.searchParams.set("scope", TIKTOK_SCOPES.join(","));
      url.searchParams.set("redirect_uri", redirectUri);
      url.searchParams.set("state", state);
      return url;
    },
    exchangeCode: (code, _verifier, redirectUri) =>
      tokens({ code, grant_type: "authorization_code", redirect_uri: redirectUri }, "TikTok token exchange"),
    refresh: (current) => {
      if (!current.refresh_token) throw new PlatformError("disconnected", "TikTok gave no refresh token: reconnect.");
      return tokens({ grant_type: "refresh_token", refresh_token: current.refresh_token }, "TikTok token refresh");
    },
    async accountInfo(current) {
      const body = await call(
        "/v2/user/info/?fields=open_id,avatar_url,display_name,username",
        current,
        undefined,
        read,
      );
      const user = ((body.data as { user?: Record<string, string> } | undefined)?.user ?? {}) as Record<string, string>;
      if (!user.open_id) throw new PlatformError("rejected", "TikTok did not say which account this is.");
      return {
        tokens: current,
        profile: {
          account_id: user.open_id,
          username: user.username ?? user.display_name ?? user.open_id,
          display_name: user.display_name ?? null,
          profile_picture: user.avatar_url ?? null,
          info: {},
        },
      };
    },
    validate: (draft) => checkLimits("tiktok", draft),
    nextStep({ post, tokens: current }, state) {
      if (!state) {
        return {
          irreversible: true,
          async run() {
            const body = await call(
              "/v2/post/publish/video/init/",
              current,
              {
                post_info: { title: composeText(post.content, post.hashtags), privacy_level: "PUBLIC_TO_EVERYONE" },
                source_info: { source: "PULL_FROM_URL", video_url: post.media_urls[0] },
              },
              { timeoutMs: options.timeoutMs, irreversible: true, what: "TikTok" },
            );
            const publishId = (body.data as { publish_id?: string } | undefined)?.publish_id;
            if (!publishId)
              throw new PlatformError("unknown_outcome", "TikTok accepted the video but sent no publish id.");
            return {
              kind: "pending",
              data: { stage: "status", publish_id: publishId },
              check_after_seconds: STATUS_CHECK_SECONDS,
            };
          },
        };
      }
      return {
        irreversible: false,
        async run() {
          const body = await call("/v2/post/publish/status/fetch/", current, { publish_id: state.publish_id }, read);
          const data = (body.data ?? {}) as {
            status?: string;
            fail_reason?: string;
            publicaly_available_post_id?: (string | number)[];
          };
          if (data.status === "PUBLISH_COMPLETE") {
            return {
              kind: "published",
              external_id: String(data.publicaly_available_post_id?.[0] ?? state.publish_id),
            };
          }
          if (data.status === "FAILED")
            throw new PlatformError("not_published", `TikTok: ${data.fail_reason ?? "publishing failed"}`);
          return { kind: "pending", data: state, check_after_seconds: STATUS_CHECK_SECONDS };
        },
      };
    },
    async fetchMetrics(externalId, { tokens: current }) {
      const body = await call(
        "/v2/video/query/?fields=like_count,comment_count,share_count,view_count",
        current,
        { filters: { video_ids: [externalId] } },
        read,
      );
      const video = ((body.data as { videos?: Record<string, number>[] } | undefined)?.videos?.[0] ?? {}) as Record<
        string,
        number
      >;
      return {
        likes: video.like_count ?? 0,
        comments: video.comment_count ?? 0,
        shares: video.share_count ?? 0,
        impressions: video.view_count ?? 0,
      };
    },
  };
}
