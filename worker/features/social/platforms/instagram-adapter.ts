// Instagram through Facebook Login and the Graph API. Publishing takes steps the
// publisher keeps in the post's row: create a media container (nothing public yet),
// check it until Instagram has fetched and processed the media, then media_publish —
// the one irreversible call. A waiting container is looked at again by a later tick.
import type { JsonObject } from "../../../../db/schema/json-types";
import type { Env } from "../../../lib/env";
import { graphCall, longLivedToken, metaConfig } from "./meta-graph";
import { oauthClient } from "./oauth-tokens";
import type {
  AdapterOptions,
  ConnectedAccount,
  PlatformAdapter,
  PlatformTokens,
  PublishContext,
  PublishStep,
} from "./platform-adapter";
import { PlatformError } from "./platform-error";
import { checkLimits, composeText, mediaKindOf } from "./platform-limits";

export const INSTAGRAM_SCOPES = [
  "instagram_basic",
  "instagram_content_publish",
  "instagram_manage_insights",
  "pages_show_list",
  "business_management",
];

/** Seconds before a video container is looked at again; images are usually ready at once. */
const VIDEO_CHECK_SECONDS = 30;

export function instagramAdapter(env: Env, options: AdapterOptions): PlatformAdapter {
  const config = metaConfig(env);
  const read = { timeoutMs: options.timeoutMs, irreversible: false, what: "Instagram" };

  function step(context: PublishContext, state: JsonObject | null): PublishStep {
    const { post, account, tokens } = context;
    const ig = account.account_id;
    const token = tokens.access_token;
    const stage = state?.stage ?? "create";
    if (stage === "create") {
      return {
        irreversible: false,
        async run() {
          const caption = composeText(post.content, post.hashtags);
          const mediaParams = (url: string): Record<string, string> =>
            mediaKindOf(url) === "video" ? { media_type: "REELS", video_url: url } : { image_url: url };
          let containerId: string;
          if (post.media_urls.length > 1) {
            const children: string[] = [];
            for (const url of post.media_urls) {
              const child = await graphCall(
                config,
                `/${ig}/media`,
                { ...mediaParams(url), is_carousel_item: "true", access_token: token },
                { ...read, method: "POST" },
              );
              children.push(String(child.id));
            }
            const parent = await graphCall(
              config,
              `/${ig}/media`,
              { media_type: "CAROUSEL", children: children.join(","), caption, access_token: token },
              { ...read, method: "POST" },
            );
            containerId = String(parent.id);
          } else {
            const url = post.media_urls[0];
            if (!url) throw new PlatformError("rejected", "Instagram needs an image or a video.");
            const created = await graphCall(
              config,
              `/${ig}/media`,
              { ...mediaParams(url), caption, access_token: token },
              { ...read, method: "POST" },
            );
            containerId = String(created.id);
          }
          const video = post.media_urls.some((u) => mediaKindOf(u) === "video");
          return {
            kind: "pending",
            data: { stage: "check", container_id: containerId },
            check_after_seconds: video ? VIDEO_CHECK_SECONDS : 0,
          };
        },
      };
    }
    const containerId = String(state?.container_id ?? "");
    if (stage === "check") {
      return {
        irreversible: false,
        async run() {
          const body = await graphCall(config, `/${containerId}`, { fields: "status_code", access_token: token }, read);
          const status = String(body.status_code ?? "");
          if (status === "FINISHED")
            return { kind: "pending", data: { stage: "publish", container_id: containerId }, check_after_seconds: 0 };
          if (status === "IN_PROGRESS") {
            return {
              kind: "pending",
              data: { stage: "check", container_id: containerId },
              check_after_seconds: VIDEO_CHECK_SECONDS,
            };
          }
          throw new PlatformError("rejected", `Instagram could not process the media (${status || "no status"}).`);
        },
      };
    }
    return {
      irreversible: true,
      async run() {
        const body = await graphCall(
          config,
          `/${ig}/media_publish`,
          { creation_id: containerId, access_token: token },
          { timeoutMs: options.timeoutMs, irreversible: true, what: "Instagram", method: "POST" },
        );
        if (typeof body.id !== "string")
          throw new PlatformError("unknown_outcome", "Instagram published but sent no id.");
        return { kind: "published", external_id: body.id };
      },
    };
  }

  async function accountChoices(tokens: PlatformTokens): Promise<ConnectedAccount[]> {
    const body = await graphCall(
      config,
      "/me/accounts",
      {
        fields: "id,name,access_token,instagram_business_account{id,username,name,profile_picture_url}",
        access_token: tokens.access_token,
      },
      read,
    );
    const pages = (body.data ?? []) as {
      id: string;
      instagram_business_account?: { id: string; username: string; name?: string; profile_picture_url?: string };
    }[];
    const linked = pages.filter((p) => p.instagram_business_account);
    if (linked.length === 0) {
      throw new PlatformError("rejected", "No Instagram professional account is linked to your Facebook Pages.");
    }
    return linked.map((page) => {
      const ig = page.instagram_business_account as NonNullable<typeof page.instagram_business_account>;
      return {
        tokens,
        profile: {
          account_id: ig.id,
          username: ig.username,
          display_name: ig.name ?? null,
          profile_picture: ig.profile_picture_url ?? null,
          info: { page_id: page.id, profile_url: `https://www.instagram.com/${ig.username}` },
        },
      };
    });
  }

  return {
    platform: "instagram",
    configured: Boolean(config.appId && config.appSecret),
    authorizationUrl: (state, _verifier, redirectUri) =>
      oauthClient(config.appId, config.appSecret, redirectUri).createAuthorizationURL(
        config.dialog,
        state,
        INSTAGRAM_SCOPES,
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
    refresh: (tokens) => longLivedToken(config, tokens.access_token, options.timeoutMs),
    async accountInfo(tokens) {
      const [first] = await accountChoices(tokens);
      if (!first)
        throw new PlatformError("rejected", "No Instagram professional account is linked to your Facebook Pages.");
      return first;
    },
    accountChoices,
    validate: (draft) => checkLimits("instagram", draft),
    nextStep: step,
    async fetchMetrics(externalId, { tokens }) {
      const body = await graphCall(
        config,
        `/${externalId}`,
        { fields: "like_count,comments_count", access_token: tokens.access_token },
        read,
      );
      return { likes: Number(body.like_count ?? 0), comments: Number(body.comments_count ?? 0) };
    },
  };
}
