// A page's images leave R2 with it: the files a change stopped using, and every file of
// a deleted page. Always after the database change has committed, and never at the cost
// of the request: a file that could not be deleted is logged, and the hourly sweep
// (sweep-bio-media.ts) finds it again.
import type { Env } from "../../lib/env";
import { MEDIA_PATH } from "./render-bio-page";

type PageMedia = { profile_picture: string | null; background_image: string | null };

/** The R2 key of an upload's address (`/bio-media/{pageId}/{hash}.{ext}` → `{pageId}/{hash}.{ext}`). */
export const mediaKey = (url: string | null): string | null =>
  url && MEDIA_PATH.test(url) ? url.slice("/bio-media/".length) : null;

/** The files `before` showed that `after` does not (a file is named by its content, so one file may serve both fields). */
export function unusedMedia(before: PageMedia, after: PageMedia | null): string[] {
  const kept = new Set([mediaKey(after?.profile_picture ?? null), mediaKey(after?.background_image ?? null)]);
  const old = [mediaKey(before.profile_picture), mediaKey(before.background_image)];
  return [...new Set(old.filter((key): key is string => key !== null && !kept.has(key)))];
}

function logFailure(msg: string, detail: Record<string, unknown>, err: unknown) {
  console.error(JSON.stringify({ level: "error", msg, ...detail, error: String(err) }));
}

/** Deletes these files; resolves either way. */
export async function deleteBioMedia(env: Env, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  try {
    await env.BIO_MEDIA.delete(keys);
  } catch (err) {
    logFailure("bio media not deleted; the sweep will retry", { keys }, err);
  }
}

/** Deletes every file stored for a page, the ones no row named included (an upload cut short). */
export async function deletePageMedia(env: Env, pageId: string): Promise<void> {
  try {
    let cursor: string | undefined;
    do {
      const listed = await env.BIO_MEDIA.list({ prefix: `${pageId}/`, cursor });
      if (listed.objects.length > 0) await env.BIO_MEDIA.delete(listed.objects.map((o) => o.key));
      cursor = listed.truncated ? listed.cursor : undefined;
    } while (cursor);
  } catch (err) {
    logFailure("bio media of a deleted page not deleted; the sweep will retry", { page_id: pageId }, err);
  }
}
