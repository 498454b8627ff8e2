// The server's check of a post against each target platform's limits (the same
// table the composer counts with); all problems of all accounts in one answer.

import type { Env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { adapterFor } from "./platforms/adapter-for";
import type { Platform } from "./platforms/platform-limits";

export function assertWithinLimits(
  env: Env,
  accounts: { id: string; platform: string; username: string; sandbox: boolean }[],
  draft: { content: string; hashtags: string[]; media_urls: string[] },
) {
  const details = accounts.flatMap((account) =>
    adapterFor(env, account.platform as Platform, { sandbox: account.sandbox })
      .validate({ content: draft.content, hashtags: draft.hashtags, media: draft.media_urls.map((url) => ({ url })) })
      .map((p) => ({
        path: p.field,
        message: p.message,
        code: "platform_limit",
        account_id: account.id,
        platform: account.platform,
      })),
  );
  if (details.length) {
    throw new AppError("validation_failed", details.map((d) => d.message).join(" "), details);
  }
}
