// The end states of publishing, each written with its activity entry in one unit and
// announced on the live feed after the commit. Each write is guarded by the state the
// publisher expects, so a post that someone else already moved is never overwritten.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { takeBackEntry } from "../../lib/activity";
import type { Env } from "../../lib/env";
import { publishFromJob } from "../../lib/realtime";
import type { PostRow } from "./account-row";
import { toPostJson } from "./to-post-json";

type Ending =
  | { status: "published"; external_post_id: string }
  | { status: "failed"; reason: string }
  | { status: "unconfirmed"; reason: string };

const ACTIVE_STATES = ["queued", "working", "sending", "waiting"] as const;

const DESCRIBE = {
  published: "was published",
  failed: "failed to publish",
  unconfirmed: "may have been published; the network did not confirm it",
} as const;

/**
 * Writes a post's end state; false when it was no longer where it was read (someone else
 * finished or moved it). It ends a post being published, or — failed only — one still
 * scheduled that will not be sent.
 */
export async function finishPost(
  env: Env,
  db: Database,
  post: PostRow,
  ending: Ending,
  platform: string,
  from: "publishing" | "scheduled" = "publishing",
): Promise<boolean> {
  const t = db.t.socialMediaPosts;
  const now = new Date();
  const columns =
    ending.status === "published"
      ? {
          status: "published" as const,
          external_post_id: ending.external_post_id,
          published_at: now,
          failure_reason: null,
        }
      : { status: ending.status, failure_reason: ending.reason.slice(0, 5000) };
  const set = {
    ...columns,
    publish_state: "done" as const,
    publish_data: null,
    next_attempt_at: null,
    updated_at: now,
  };
  const activityId = uuidv7();
  const [result] = await db.atomic((q) => [
    q
      .update(t)
      .set(set)
      .where(
        from === "publishing"
          ? and(eq(t.id, post.id), eq(t.status, "publishing"), inArray(t.publish_state, [...ACTIVE_STATES]))
          : // Still scheduled at the time it was read: a post moved meanwhile is someone's new plan.
            and(eq(t.id, post.id), eq(t.status, "scheduled"), eq(t.scheduled_at, post.scheduled_at as Date)),
      ),
    q.insert(db.t.activityLogs).values({
      id: activityId,
      workspace_id: post.workspace_id,
      // The cron acts for the post's author.
      user_id: post.created_by,
      type: `social_media_post.${ending.status}`,
      description:
        `A ${platform} post ${DESCRIBE[ending.status]}${"reason" in ending ? `: ${ending.reason}` : ""}`.slice(0, 5000),
      entity_type: "social_media_post",
      entity_id: post.id,
      metadata:
        ending.status === "published" ? { external_post_id: ending.external_post_id } : { reason: ending.reason },
    }),
  ]);
  if (result?.rowsAffected !== 1) {
    // The guard refused (another run already ended the post): its entry must not stand alone.
    await takeBackEntry(db, activityId);
    return false;
  }
  // The row as written, without reading it back: the guard proved it was this post, as it was read.
  const row = { ...post, ...set, updated_at: now };
  await publishFromJob(env, post.workspace_id, [
    {
      entity_type: "social_media_post",
      entity_id: post.id,
      op: "update",
      changed: { status: { from, to: ending.status } },
      data: toPostJson(row),
      actor_id: null,
    },
  ]);
  return true;
}
