// LinkedIn: OAuth 2.0 (Arctic's client) with OpenID userinfo for the member, the
// Posts API (POST /rest/posts, the id comes back in x-restli-id) to publish, and
// socialActions for likes and comments. Images go up first through the Images API
// (a reversible step kept in the row), then the post names them.
import type { Env } from "../../../lib/env";
import { oauthClient, tokenRequest } from "./oauth-tokens";
import type { AdapterOptions, PlatformAdapter, PlatformTokens } from "./platform-adapter";
import { PlatformError } from "./platform-error";
import { errorForStatus, jsonOf, platformFetch } from "./platform-http";
import { checkLimits, composeText } from "./platform-limits";

export const LINKEDIN_SCOPES = ["openid", "profile", "w_member_social"];
const LINKEDIN_VERSION = "202501";

export function linkedinAdapter(env: Env, options: AdapterOptions): PlatformAdapter {
  const api = (env.SOCIAL_LINKEDIN_API_URL || "https://api.linkedin.com").replace(/\/$/, "");
  const oauth = (env.SOCIAL_LINKEDIN_OAUTH_URL || "https://www.linkedin.com/oauth/v2").replace(/\/$/, "");
  const clientId = env.SOCIAL_LINKEDIN_CLIENT_ID ?? "";
  const secret = env.SOCIAL_LINKEDIN_CLIENT_SECRET ?? "";
  const headers = (tokens: PlatformTokens) => ({
    Authorization: `Bearer ${tokens.access_token}`,
    "LinkedIn-Version": LINKEDIN_VERSION,
    "X-Restli-Protocol-Version": "2.0.0",
  });

  async function read(path: string, tokens: PlatformTokens) {
    const call = { timeoutMs: options.timeoutMs, irreversible: false, what: "LinkedIn" };
    const res = await platformFetch(`${api}${path}`, { headers: headers(tokens) }, call);
    const body = await jsonOf(res);
    if (!res.ok) throw errorForStatus(res, reasonOf(body), call);
    return body ?? {};
  }

  /** The Images API: initializeUpload names an upload URL and the image's URN; the bytes go to that URL. */
  async function uploadImage(url: string, author: string, tokens: PlatformTokens): Promise<string> {
    const call = { timeoutMs: options.timeoutMs, irreversible: false, what: "LinkedIn" };
    const init = await platformFetch(
      `${api}/rest/images?action=initializeUpload`,
      {
        method: "POST",
        headers: { ...headers(tokens), "Content-Type": "application/json" },
        body: JSON.stringify({ initializeUploadRequest: { owner: author } }),
      },
      call,
    );
    const body = await jsonOf(init);
    if (!init.ok) throw errorForStatus(init, reasonOf(body), call);
    const value = (body?.value ?? {}) as { uploadUrl?: string; image?: string };
    if (!value.uploadUrl || !value.image)
      throw new PlatformError("retryable", "LinkedIn gave no place to upload the image.");
    const source = await platformFetch(url, {}, { ...call, what: "the image file" });
    if (!source.ok || !source.body)
      throw new PlatformError("rejected", `The image could not be read (${source.status}): ${url}`);
    const put = await platformFetch(
      value.uploadUrl,
      { method: "PUT", headers: { Authorization: `Bearer ${tokens.access_token}` }, body: await source.arrayBuffer() },
      call,
    );
    if (!put.ok) throw errorForStatus(put, reasonOf(await jsonOf(put)), call);
    return value.image;
  }

  return {
    platform: "linkedin",
    configured: Boolean(clientId && secret),
    authorizationUrl: (state, _verifier, redirectUri) =>
      oauthClient(clientId, secret, redirectUri).createAuthorizationURL(
        `${oauth}/authorization`,
        state,
        LINKEDIN_SCOPES,
      ),
    exchangeCode: (code, _verifier, redirectUri) =>
      tokenRequest("LinkedIn token exchange", () =>
        oauthClient(clientId, secret, redirectUri).validateAuthorizationCode(`${oauth}/accessToken`, code, null),
      ),
    refresh: (tokens) => {
      if (!tokens.refresh_token) {
        throw new PlatformError("disconnected", "LinkedIn access ended and it gave no refresh token: reconnect.");
      }
      const refreshToken = tokens.refresh_token;
      return tokenRequest("LinkedIn token refresh", () =>
        oauthClient(clientId, secret, null).refreshAccessToken(`${oauth}/accessToken`, refreshToken, []),
      );
    },
    async accountInfo(tokens) {
      const me = (await read("/v2/userinfo", tokens)) as {
        sub?: string;
        name?: string;
        picture?: string;
        email?: string;
      };
      if (!me.sub) throw new PlatformError("rejected", "LinkedIn did not say which member this is.");
      return {
        tokens,
        profile: {
          account_id: me.sub,
          username: me.email ?? me.name ?? me.sub,
          display_name: me.name ?? null,
          profile_picture: me.picture ?? null,
          info: { author_urn: `urn:li:person:${me.sub}` },
        },
      };
    },
    validate: (draft) => checkLimits("linkedin", draft),
    nextStep({ post, account, tokens }, state) {
      const author = String(account.info.author_urn ?? `urn:li:person:${account.account_id}`);
      // Images first, each uploaded where LinkedIn says (nothing public yet); then the post that shows them.
      if (!state && post.media_urls.length > 0) {
        return {
          irreversible: false,
          async run() {
            const images: string[] = [];
            for (const url of post.media_urls) images.push(await uploadImage(url, author, tokens));
            return { kind: "pending", data: { stage: "post", images }, check_after_seconds: 0 };
          },
        };
      }
      const images = Array.isArray(state?.images) ? state.images.map(String) : [];
      return {
        irreversible: true,
        async run() {
          const call = { timeoutMs: options.timeoutMs, irreversible: true, what: "LinkedIn" };
          const content =
            images.length > 1
              ? { multiImage: { images: images.map((id) => ({ id })) } }
              : images[0]
                ? { media: { id: images[0] } }
                : undefined;
          const res = await platformFetch(
            `${api}/rest/posts`,
            {
              method: "POST",
              headers: { ...headers(tokens), "Content-Type": "application/json" },
              body: JSON.stringify({
                author,
                commentary: composeText(post.content, post.hashtags),
                visibility: "PUBLIC",
                distribution: { feedDistribution: "MAIN_FEED", targetEntities: [], thirdPartyDistributionChannels: [] },
                ...(content && { content }),
                lifecycleState: "PUBLISHED",
                isReshareDisabledByAuthor: false,
              }),
            },
            call,
          );
          const body = res.ok ? null : await jsonOf(res);
          if (!res.ok) throw errorForStatus(res, reasonOf(body), call);
          const id = res.headers.get("x-restli-id");
          if (!id) throw new PlatformError("unknown_outcome", "LinkedIn accepted the post but sent no id.");
          return { kind: "published", external_id: id };
        },
      };
    },
    async fetchMetrics(externalId, { tokens }) {
      const body = (await read(`/rest/socialActions/${encodeURIComponent(externalId)}`, tokens)) as {
        likesSummary?: { totalLikes?: number };
        commentsSummary?: { aggregatedTotalComments?: number };
      };
      return {
        likes: body.likesSummary?.totalLikes ?? 0,
        comments: body.commentsSummary?.aggregatedTotalComments ?? 0,
      };
    },
  };
}

function reasonOf(body: Record<string, unknown> | null): string {
  return typeof body?.message === "string" ? body.message : "no details";
}
