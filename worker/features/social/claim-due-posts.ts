// The minute cron's half of exactly-once: claim what is due with a compare-and-set
// (`status='scheduled'` → `publishing`, one row each, rows affected = 1 means ours) and
// hand each claimed post to the publishing queue. Two crons at once claim disjoint
// sets. The same tick resumes posts waiting for a retry or a multi-step check, re-sends
// claims whose message never arrived, and turns posts stuck mid-call into "unconfirmed".
import { and, asc, eq, gte, inArray, lt, lte } from "drizzle-orm";
import type { Database, Query, Statement } from "../../../db/database";
import type { Env } from "../../lib/env";
import { finishPost } from "./finish-post";
import { publishPost } from "./publish-post";

/** Claims per tick; the rest wait a minute. */
const MAX_PER_TICK = 10_000;
/** Compare-and-sets per database round trip. */
const CLAIM_CHUNK = 50;
/** A message the queue has not delivered in this long is sent again (the claim makes that safe). */
const QUEUED_STALE_MS = 5 * 60_000;
/** A consumer gone this long (the queue's wall-time limit is 15 minutes) has died. */
const WORKING_STALE_MS = 16 * 60_000;
/**
 * A scheduled post later than this is not sent but failed, for a person to retry or move:
 * "this weekend only" on a Tuesday does harm, and a backlog (publishing stopped for a day,
 * an old Mewayz database imported with its never-sent posts) must not all go out at once.
 */
export const MISSED_AFTER_MS = 24 * 3600_000;

export type ClaimReport = { claimed: number; resumed: number; requeued: number; unconfirmed: number; missed: number };

export async function claimDuePosts(env: Env, db: Database, now = new Date()): Promise<ClaimReport> {
  const t = db.t.socialMediaPosts;
  const missedBefore = new Date(now.getTime() - MISSED_AFTER_MS);
  const missed = await db.q
    .select()
    .from(t)
    .where(and(eq(t.status, "scheduled"), lt(t.scheduled_at, missedBefore)))
    .orderBy(asc(t.scheduled_at))
    .limit(1000);
  let missedCount = 0;
  for (const post of missed) {
    const due = post.scheduled_at?.toISOString().slice(0, 16).replace("T", " ");
    const ended = await finishPost(
      env,
      db,
      post,
      {
        status: "failed",
        reason: `Not sent: it was due ${due} UTC, more than a day ago. Retry to publish it now, or give it a new time.`,
      },
      "scheduled",
      "scheduled",
    );
    if (ended) missedCount++;
  }
  const due = await db.q
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.status, "scheduled"), gte(t.scheduled_at, missedBefore), lte(t.scheduled_at, now)))
    .orderBy(asc(t.scheduled_at))
    .limit(MAX_PER_TICK);
  const claimed = await compareAndSet(
    db,
    due.map((r) => r.id),
    (q, id) =>
      q
        .update(t)
        .set({
          status: "publishing",
          publish_state: "queued",
          claimed_at: now,
          publish_attempts: 0,
          failure_reason: null,
          publish_data: null,
        })
        .where(and(eq(t.id, id), eq(t.status, "scheduled"))),
  );

  const waiting = await db.q
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.status, "publishing"), eq(t.publish_state, "waiting"), lte(t.next_attempt_at, now)))
    .limit(MAX_PER_TICK);
  const resumed = await compareAndSet(
    db,
    waiting.map((r) => r.id),
    (q, id) =>
      q
        .update(t)
        .set({ publish_state: "queued", claimed_at: now })
        .where(and(eq(t.id, id), eq(t.status, "publishing"), eq(t.publish_state, "waiting"))),
  );

  // Claimed but never picked up (the send failed, or the consumer died before owning it): send again.
  const lost = await db.q
    .select({ id: t.id })
    .from(t)
    .where(
      and(
        eq(t.status, "publishing"),
        inArray(t.publish_state, ["queued", "working"]),
        lt(t.claimed_at, new Date(now.getTime() - QUEUED_STALE_MS)),
      ),
    )
    .limit(1000);
  const lostIds: string[] = [];
  for (const row of lost) {
    const [current] = await db.q.select().from(t).where(eq(t.id, row.id)).limit(1);
    if (!current?.claimed_at) continue;
    const staleFor = current.publish_state === "working" ? WORKING_STALE_MS : QUEUED_STALE_MS;
    if (now.getTime() - current.claimed_at.getTime() < staleFor) continue;
    // Working means no irreversible call was started (that would be `sending`): safe to hand out again.
    const [res] = await db.atomic((q) => [
      q
        .update(t)
        .set({ publish_state: "queued", claimed_at: now })
        .where(
          and(
            eq(t.id, row.id),
            eq(t.publish_state, current.publish_state ?? "queued"),
            eq(t.claimed_at, current.claimed_at as Date),
          ),
        ),
    ]);
    if (res?.rowsAffected === 1) lostIds.push(row.id);
  }

  // Stuck in the irreversible call: the platform may have it. Ask a person; never send again.
  const stuck = await db.q
    .select()
    .from(t)
    .where(
      and(
        eq(t.status, "publishing"),
        eq(t.publish_state, "sending"),
        lt(t.claimed_at, new Date(now.getTime() - WORKING_STALE_MS)),
      ),
    )
    .limit(1000);
  let unconfirmed = 0;
  for (const post of stuck) {
    const ended = await finishPost(
      env,
      db,
      post,
      {
        status: "unconfirmed",
        reason:
          "Publishing stopped while the post was being sent, so it may be live. Check the account, then mark it published or retry.",
      },
      "scheduled",
    );
    if (ended) unconfirmed++;
  }

  await enqueue(env, db, [...claimed, ...resumed, ...lostIds]);
  return {
    claimed: claimed.length,
    resumed: resumed.length,
    requeued: lostIds.length,
    unconfirmed,
    missed: missedCount,
  };
}

/** Runs one guarded update per id, in chunks; the ids whose update changed a row are ours. */
async function compareAndSet(
  db: Database,
  ids: string[],
  statement: (q: Query, id: string) => Statement,
): Promise<string[]> {
  const won: string[] = [];
  for (let i = 0; i < ids.length; i += CLAIM_CHUNK) {
    const chunk = ids.slice(i, i + CLAIM_CHUNK);
    const results = await db.atomic((q) => chunk.map((id) => statement(q, id)));
    results.forEach((r, index) => {
      const id = chunk[index];
      if (r.rowsAffected === 1 && id) won.push(id);
    });
  }
  return won;
}

/** Hands post ids to the publishing queue (100 per send, the queue's batch limit); without a queue, publishes here. */
async function enqueue(env: Env, db: Database, ids: string[]) {
  const queue = env.SOCIAL_PUBLISH_QUEUE;
  if (!queue) {
    for (const id of ids) await publishPost(env, db, id);
    return;
  }
  for (let i = 0; i < ids.length; i += 100) {
    await queue.sendBatch(ids.slice(i, i + 100).map((post_id) => ({ body: { post_id } })));
  }
}
