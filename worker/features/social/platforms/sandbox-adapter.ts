// The local sandbox network: what a sandbox account publishes to while no platform
// credentials are configured (a fresh `npm start`). It runs through the same cron,
// queue and publisher as the real networks and fails on demand — a post containing
// #fail is refused, #ratelimit is rate limited for a minute, #timeout leaves the
// outcome unknown — so every path can be seen without an outside service.
import type { Env } from "../../../lib/env";
import type { PlatformAdapter, PlatformTokens } from "./platform-adapter";
import { PlatformError } from "./platform-error";
import { checkLimits, type Platform } from "./platform-limits";

/** The sandbox is for local development only. */
export const sandboxAllowed = (env: Env) => env.APP_ENV !== "production";

export function sandboxTokens(): PlatformTokens {
  return {
    access_token: `sandbox-${crypto.randomUUID()}`,
    refresh_token: `sandbox-refresh-${crypto.randomUUID()}`,
    expires_at: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
  };
}

export function sandboxAdapter(platform: Platform): PlatformAdapter {
  const refuse = (): never => {
    throw new PlatformError("rejected", "Sandbox accounts are connected with POST …/social-accounts/sandbox.");
  };
  return {
    platform,
    configured: true,
    authorizationUrl: refuse,
    exchangeCode: refuse,
    refresh: async () => sandboxTokens(),
    accountInfo: refuse,
    validate: (draft) => checkLimits(platform, draft),
    nextStep: ({ post }) => ({
      irreversible: true,
      async run() {
        const text = post.content.toLowerCase();
        if (text.includes("#fail"))
          throw new PlatformError("rejected", "The sandbox refused this post, as asked by #fail.");
        if (text.includes("#ratelimit")) {
          throw new PlatformError(
            "retryable",
            "The sandbox is rate limiting, as asked by #ratelimit.",
            Date.now() + 60_000,
          );
        }
        if (text.includes("#timeout")) {
          throw new PlatformError(
            "unknown_outcome",
            "The sandbox did not answer after the post was sent, as asked by #timeout.",
          );
        }
        return { kind: "published", external_id: `sandbox-${post.id}` };
      },
    }),
    async fetchMetrics(externalId) {
      // Numbers that grow with the post's age, so charts have something to show.
      const hours = (Math.max(0, Date.now() - createdAtOf(externalId)) / 3_600_000) % 1000;
      const seed = [...externalId].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
      return {
        likes: Math.floor((seed % 40) + hours * 2),
        comments: Math.floor((seed % 7) + hours / 4),
        shares: Math.floor(seed % 5),
        impressions: Math.floor((seed % 400) + hours * 30),
      };
    },
  };
}

/**
 * When a sandbox post was made, from its id (`sandbox-{post id}`): a UUIDv7 starts with
 * 48 bits of Unix milliseconds, the first 8 and the next 4 hex digits around the dash.
 */
export function createdAtOf(externalId: string): number {
  const uuid = externalId.slice("sandbox-".length);
  const ms = Number.parseInt(`${uuid.slice(0, 8)}${uuid.slice(9, 13)}`, 16);
  return Number.isFinite(ms) ? ms : Date.now();
}
