// The hourly sweep of the BIO_MEDIA bucket: deletes files no page shows any more —
// those whose deletion failed when the page changed, uploads whose page change never
// happened, and the files of pages that went with their workspace. It walks the bucket
// a slice per run, keeping its place in the cache table, so no run lists it all.
import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { Env } from "../../lib/env";
import { mediaKey } from "./delete-bio-media";

/** The minute of each hour the minute cron runs the sweep. */
export const SWEEP_MINUTE = 17;
/** An upload stores its file just before the page points at it: younger files are left alone. */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;
/** Files looked at per run (one list call per thousand). */
const PER_RUN = 5000;
const PLACE_KEY = "bio_media_sweep:after";
const PLACE_TTL_SECONDS = 7 * 86_400;

export type SweepResult = { checked: number; deleted: number; done: boolean };

export async function sweepBioMedia(env: Env, db: Database, now = new Date()): Promise<SweepResult> {
  const cache = db.t.cache;
  const [place] = await db.q.select().from(cache).where(eq(cache.key, PLACE_KEY)).limit(1);
  let startAfter = place?.value || undefined;
  let checked = 0;
  let deleted = 0;
  let done = false;
  while (checked < PER_RUN) {
    const listed = await env.BIO_MEDIA.list({ startAfter, limit: 1000 });
    checked += listed.objects.length;
    const old = listed.objects.filter((o) => o.uploaded.getTime() <= now.getTime() - SWEEP_GRACE_MS);
    const pageIds = [...new Set(old.map((o) => o.key.split("/")[0] ?? ""))];
    const pages = [];
    // D1 binds at most 100 parameters per query.
    for (let i = 0; i < pageIds.length; i += 90) {
      const t = db.t.linkInBioPages;
      pages.push(
        ...(await db.q
          .select({ profile_picture: t.profile_picture, background_image: t.background_image })
          .from(t)
          .where(inArray(t.id, pageIds.slice(i, i + 90)))),
      );
    }
    const shown = new Set(pages.flatMap((p) => [mediaKey(p.profile_picture), mediaKey(p.background_image)]));
    const unused = old.map((o) => o.key).filter((key) => !shown.has(key));
    if (unused.length > 0) {
      await env.BIO_MEDIA.delete(unused);
      deleted += unused.length;
    }
    startAfter = listed.objects.at(-1)?.key ?? startAfter;
    if (!listed.truncated) {
      done = true;
      break;
    }
  }
  // The next run carries on from here; after the last file it starts again from the first.
  await db.atomic((q) => [
    q.delete(cache).where(eq(cache.key, PLACE_KEY)),
    ...(done || !startAfter
      ? []
      : [
          q.insert(cache).values({
            key: PLACE_KEY,
            value: startAfter,
            expiration: Math.floor(now.getTime() / 1000) + PLACE_TTL_SECONDS,
          }),
        ]),
  ]);
  return { checked, deleted, done };
}
