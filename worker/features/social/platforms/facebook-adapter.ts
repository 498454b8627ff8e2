// Facebook Pages through Facebook Login: the Page's own token (from /me/accounts)
// publishes to its feed — text, a photo with its caption, or several photos: each
// uploaded unpublished first (a reversible step kept in the row: nothing shows on the
// Page), then one feed post that attaches them all.
import type { Env } from "../../../lib/env";
import { graphCall, longLivedToken, metaConfig } from "./meta-graph";
import { oauthClient } from "./oauth-tokens";
import type { AdapterOptions, ConnectedAccount, PlatformAdapter, PlatformTokens } from "./platform-adapter";
import { PlatformError } from "./platform-error";
import { checkLimits, composeText, mediaKindOf } from "./platform-limits";

export const FACEBOOK_SCOPES = ["pages_show_list", "pages_manage_posts", "pages_read_engagement"];

export function facebookAdapter(env: Env, options: AdapterOptions): PlatformAdapter {
  const config = metaConfig(env);
  const read = { timeoutMs: options.timeoutMs, irreversible: false, what: "Facebook" };
  async function accountChoices(tokens: PlatformTokens): Promise<ConnectedAccount[]> {
    const body = await graphCall(
      config,
      "/me/accounts",
      { fields: "id,name,access_token,picture{url}", access_token: tokens.access_token },
      read,
    );
    const pages = (body.data ?? []) as {
      id: string;
      name: string;
      access_token: string;
      picture?: { data?: { url?: string } };
    }[];
    if (pages.length === 0) throw new PlatformError("rejected", "This Facebook account manages no Page.");
    // Each Page posts with its own token, kept beside the person's.
    return pages.map((page) => ({
      tokens: { ...tokens, extra: { page_token: page.access_token } },
      profile: {
        account_id: page.id,
        username: page.name,
        display_name: page.name,
        profile_picture: page.picture?.data?.url ?? null,
        info: { profile_url: `https://www.facebook.com/${page.id}` },
      },
    }));
  }

  return {
    platform: "facebook",
    configured: Boolean(config.appId && config.appSecret),
    authorizationUrl: (state, _verifier, redirectUri) =>
      oauthClient(config.appId, config.appSecret, redirectUri).createAuthorizationURL(
        config.dialog,
        state,
        FACEBOOK_SCOPES,
      ),
    async exchangeCode(code, _verifier, redirectUri) {
      const short = await graphCall(
        config,
        "/oauth/access_token",
        { client_id: config.appId, client_secret: config.appSecret, redirect_uri: redirectUri, code },
        { ...read, what: "Facebook token exchange" },
      );
      if (typeof short.access_token !== "string") throw new PlatformError("rejected", "Facebook sent no token.");
      return longLivedToken(config, short.access_token, options.timeoutMs);
    },
    async refresh(tokens) {
      const next = await longLivedToken(config, tokens.access_token, options.timeoutMs);
      // Page tokens made from a long-lived user token do not expire; keep the one we have.
      return { ...next, extra: tokens.extra ?? {} };
    },
    async accountInfo(tokens) {
      const [first] = await accountChoices(tokens);
      if (!first) throw new PlatformError("rejected", "This Facebook account manages no Page.");
      return first;
    },
    accountChoices,
    validate: (draft) => checkLimits("facebook", draft),
    nextStep({ post, account, tokens }, state) {
      const token = tokens.extra?.page_token ?? tokens.access_token;
      const images = post.media_urls.filter((u) => mediaKindOf(u) === "image");
      if (!state && images.length > 1) {
        return {
          irreversible: false,
          async run() {
            const call = { ...read, method: "POST" as const };
            const photoIds: string[] = [];
            for (const url of images) {
              const body = await graphCall(
                config,
                `/${account.account_id}/photos`,
                { url, published: "false", access_token: token },
                call,
              );
              if (typeof body.id !== "string")
                throw new PlatformError("retryable", "Facebook took a photo but sent no id.");
              photoIds.push(body.id);
            }
            return { kind: "pending", data: { stage: "post", photo_ids: photoIds }, check_after_seconds: 0 };
          },
        };
      }
      const photoIds = Array.isArray(state?.photo_ids) ? state.photo_ids.map(String) : [];
      return {
        irreversible: true,
        async run() {
          const message = composeText(post.content, post.hashtags);
          const call = { timeoutMs: options.timeoutMs, irreversible: true, what: "Facebook", method: "POST" as const };
          const attached = Object.fromEntries(
            photoIds.map((id, i) => [`attached_media[${i}]`, JSON.stringify({ media_fbid: id })]),
          );
          const [image] = images;
          const body =
            photoIds.length === 0 && image
              ? await graphCall(
                  config,
                  `/${account.account_id}/photos`,
                  { url: image, caption: message, access_token: token },
                  call,
                )
              : await graphCall(
                  config,
                  `/${account.account_id}/feed`,
                  { message, ...attached, access_token: token },
                  call,
                );
          const id = typeof body.post_id === "string" ? body.post_id : body.id;
          if (typeof id !== "string") throw new PlatformError("unknown_outcome", "Facebook published but sent no id.");
          return { kind: "published", external_id: id };
        },
      };
    },
    async fetchMetrics(externalId, { tokens }) {
      const body = await graphCall(
        config,
        `/${externalId}`,
        {
          fields: "reactions.summary(total_count),comments.summary(total_count),shares",
          access_token: tokens.extra?.page_token ?? tokens.access_token,
        },
        read,
      );
      const total = (key: string) =>
        Number((body[key] as { summary?: { total_count?: number } } | undefined)?.summary?.total_count ?? 0);
      return {
        likes: total("reactions"),
        comments: total("comments"),
        shares: Number((body.shares as { count?: number } | undefined)?.count ?? 0),
      };
    },
  };
}
