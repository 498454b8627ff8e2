// The server's check of a post against each target platform's limits (the same
// table the composer counts with); all problems of all accounts in one answer.
// Media uploaded here is measured in R2, so each network's size limit applies too.

import type { Env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { adapterFor } from "./platforms/adapter-for";
import type { MediaKind, Platform, PostDraft } from "./platforms/platform-limits";

/** Our own media URLs: /media/social/{workspaceId}/{uuid}.{ext} (see media-routes.ts). */
const OWN_MEDIA = /^\/media\/(social\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.[a-z0-9]{2,5})$/;

/** Each URL with its kind and size when it is a file uploaded to this workspace; other URLs as they are. */
export async function measureMedia(env: Env, workspaceId: string, urls: string[]): Promise<PostDraft["media"]> {
  const bucket = env.SOCIAL_MEDIA;
  return Promise.all(
    urls.map(async (url) => {
      let key: string | undefined;
      try {
        key = OWN_MEDIA.exec(new URL(url).pathname)?.[1];
      } catch {
        key = undefined;
      }
      if (!bucket || !key?.startsWith(`social/${workspaceId}/`)) return { url };
      const object = await bucket.head(key);
      if (!object) {
        throw new AppError("validation_failed", `This media file is no longer stored: upload it again (${url}).`, [
          { path: "media_urls", message: "Not found in storage.", code: "custom" },
        ]);
      }
      const type = object.httpMetadata?.contentType ?? "";
      const kind: MediaKind | undefined = type.startsWith("video/")
        ? "video"
        : type.startsWith("image/")
          ? "image"
          : undefined;
      return { url, kind, bytes: object.size };
    }),
  );
}

export async function assertWithinLimits(
  env: Env,
  workspaceId: string,
  accounts: { id: string; platform: string; username: string; sandbox: boolean }[],
  draft: { content: string; hashtags: string[]; media_urls: string[] },
) {
  const media = await measureMedia(env, workspaceId, draft.media_urls);
  const details = accounts.flatMap((account) =>
    adapterFor(env, account.platform as Platform, { sandbox: account.sandbox })
      .validate({ content: draft.content, hashtags: draft.hashtags, media })
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
