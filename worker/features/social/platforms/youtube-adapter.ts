// YouTube through Google sign-in (Arctic's OAuth 2.0 client, the GOOGLE_* endpoints):
// a resumable upload. Opening the upload session changes nothing public; sending the
// video bytes to the session completes the upload and is the irreversible call.
import { CodeChallengeMethod } from "arctic";
import type { Env } from "../../../lib/env";
import { oauthClient, tokenRequest } from "./oauth-tokens";
import type { AdapterOptions, PlatformAdapter, PlatformTokens } from "./platform-adapter";
import { PlatformError } from "./platform-error";
import { errorForStatus, jsonOf, platformFetch } from "./platform-http";
import { checkLimits, composeText } from "./platform-limits";

export const YOUTUBE_SCOPES = [
  "https://www.googleapis.com/auth/youtube.upload",
  "https://www.googleapis.com/auth/youtube.readonly",
];

export function youtubeAdapter(env: Env, options: AdapterOptions): PlatformAdapter {
  const api = (env.SOCIAL_YOUTUBE_API_URL || "https://www.googleapis.com").replace(/\/$/, "");
  const upload = (env.SOCIAL_YOUTUBE_UPLOAD_URL || "https://www.googleapis.com/upload").replace(/\/$/, "");
  const authUrl = env.GOOGLE_AUTH_URL || "https://accounts.google.com/o/oauth2/v2/auth";
  const tokenUrl = env.GOOGLE_TOKEN_URL || "https://oauth2.googleapis.com/token";
  const clientId = env.GOOGLE_CLIENT_ID ?? "";
  const secret = env.GOOGLE_CLIENT_SECRET ?? "";
  const read = { timeoutMs: options.timeoutMs, irreversible: false, what: "YouTube" };
  const bearer = (tokens: PlatformTokens) => ({ Authorization: `Bearer ${tokens.access_token}` });

  async function get(path: string, tokens: PlatformTokens) {
    const res = await platformFetch(`${api}${path}`, { headers: bearer(tokens) }, read);
    const body = await jsonOf(res);
    if (!res.ok) throw errorForStatus(res, reasonOf(body), read);
    return body ?? {};
  }

  return {
    platform: "youtube",
    configured: Boolean(clientId && secret),
    authorizationUrl(state, verifier, redirectUri) {
      const url = oauthClient(clientId, secret, redirectUri).createAuthorizationURLWithPKCE(
        authUrl,
        state,
        CodeChallengeMethod.S256,
        verifier,
        YOUTUBE_SCOPES,
      );
      // Without offline access Google sends no refresh token, and the account would die in an hour.
      url.searchParams.set("access_type", "offline");
      url.searchParams.set("prompt", "consent");
      return url;
    },
    exchangeCode: (code, verifier, redirectUri) =>
      tokenRequest("Google token exchange", () =>
        oauthClient(clientId, secret, redirectUri).validateAuthorizationCode(tokenUrl, code, verifier),
      ),
    refresh: (tokens) => {
      if (!tokens.refresh_token) throw new PlatformError("disconnected", "Google gave no refresh token: reconnect.");
      const refreshToken = tokens.refresh_token;
      return tokenRequest("Google token refresh", () =>
        oauthClient(clientId, secret, null).refreshAccessToken(tokenUrl, refreshToken, []),
      );
    },
    async accountInfo(tokens) {
      const body = await get("/youtube/v3/channels?part=snippet&mine=true", tokens);
      const channel = (
        body.items as
          | {
              id: string;
              snippet?: { title?: string; customUrl?: string; thumbnails?: { default?: { url?: string } } };
            }[]
          | undefined
      )?.[0];
      if (!channel) throw new PlatformError("rejected", "This Google account has no YouTube channel.");
      return {
        tokens,
        profile: {
          account_id: channel.id,
          username: channel.snippet?.customUrl ?? channel.snippet?.title ?? channel.id,
          display_name: channel.snippet?.title ?? null,
          profile_picture: channel.snippet?.thumbnails?.default?.url ?? null,
          info: { profile_url: `https://www.youtube.com/channel/${channel.id}` },
        },
      };
    },
    validate: (draft) => checkLimits("youtube", draft),
    nextStep({ post, tokens }, state) {
      if (!state) {
        return {
          irreversible: false,
          async run() {
            const res = await platformFetch(
              `${upload}/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
              {
                method: "POST",
                headers: { ...bearer(tokens), "Content-Type": "application/json", "X-Upload-Content-Type": "video/*" },
                body: JSON.stringify({
                  snippet: {
                    title: (post.title || post.content).slice(0, 100),
                    description: composeText(post.content, post.hashtags),
                  },
                  status: { privacyStatus: "public" },
                }),
              },
              read,
            );
            if (!res.ok) throw errorForStatus(res, reasonOf(await jsonOf(res)), read);
            const session = res.headers.get("Location");
            if (!session) throw new PlatformError("retryable", "YouTube opened no upload session.");
            return { kind: "pending", data: { stage: "upload", session_url: session }, check_after_seconds: 0 };
          },
        };
      }
      return {
        irreversible: true,
        async run() {
          const call = { timeoutMs: options.timeoutMs, irreversible: true, what: "YouTube" };
          const source = await platformFetch(post.media_urls[0] ?? "", {}, { ...read, what: "the video file" });
          if (!source.ok || !source.body)
            throw new PlatformError("rejected", `The video could not be read (${source.status}).`);
          const res = await platformFetch(
            String(state.session_url),
            { method: "PUT", headers: bearer(tokens), body: source.body },
            call,
          );
          const body = await jsonOf(res);
          if (!res.ok) throw errorForStatus(res, reasonOf(body), call);
          if (typeof body?.id !== "string")
            throw new PlatformError("unknown_outcome", "YouTube took the upload but sent no id.");
          return { kind: "published", external_id: body.id };
        },
      };
    },
    async fetchMetrics(externalId, { tokens }) {
      const body = await get(`/youtube/v3/videos?part=statistics&id=${encodeURIComponent(externalId)}`, tokens);
      const s = ((body.items as { statistics?: Record<string, string> }[] | undefined)?.[0]?.statistics ??
        {}) as Record<string, string>;
      return {
        likes: Number(s.likeCount ?? 0),
        comments: Number(s.commentCount ?? 0),
        impressions: Number(s.viewCount ?? 0),
      };
    },
  };
}

function reasonOf(body: Record<string, unknown> | null): string {
  const error = body?.error as { message?: string } | undefined;
  return error?.message ?? "no details";
}
