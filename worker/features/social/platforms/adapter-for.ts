// The adapter for an account: its platform's, or the sandbox's for a sandbox account.
import type { Env } from "../../../lib/env";
import { facebookAdapter } from "./facebook-adapter";
import { instagramAdapter } from "./instagram-adapter";
import { linkedinAdapter } from "./linkedin-adapter";
import type { PlatformAdapter } from "./platform-adapter";
import type { Platform } from "./platform-limits";
import { sandboxAdapter } from "./sandbox-adapter";
import { tiktokAdapter } from "./tiktok-adapter";
import { xAdapter } from "./x-adapter";
import { youtubeAdapter } from "./youtube-adapter";

const FACTORIES = {
  twitter: xAdapter,
  linkedin: linkedinAdapter,
  instagram: instagramAdapter,
  facebook: facebookAdapter,
  tiktok: tiktokAdapter,
  youtube: youtubeAdapter,
} satisfies Record<Platform, (env: Env, options: { timeoutMs: number }) => PlatformAdapter>;

export const platformTimeout = (env: Env) => Number(env.SOCIAL_HTTP_TIMEOUT_MS) || 15_000;

export function adapterFor(env: Env, platform: Platform, options: { sandbox?: boolean } = {}): PlatformAdapter {
  if (options.sandbox) return sandboxAdapter(platform);
  return FACTORIES[platform](env, { timeoutMs: platformTimeout(env) });
}

/** Whether an account row is a sandbox account (account_info.sandbox). */
export const isSandboxAccount = (account: { account_info: Record<string, unknown> | null }) =>
  account.account_info?.sandbox === true;
