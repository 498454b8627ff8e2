// Publishes one claimed post: what the queue consumer runs for each message. The
// rules that make it exactly-once:
// - a consumer owns a post only after moving it queued → working (compare-and-set), so a
//   redelivered or duplicated message finds nothing to do;
// - before the irreversible call the row says `sending`; the platform's id is written the
//   moment it answers; a crash in between leaves `sending`, which the sweep turns into
//   "unconfirmed" for a person to check — it is never sent again by itself;
// - only failures where nothing can have been published are retried, after a backoff
//   that honours the platform's reset time; multi-step platforms wait in `waiting` and
//   are advanced by later cron ticks, never by polling here;
// - once an irreversible step of a multi-step publish has gone out (TikTok's init), the
//   row remembers it (`publish_data.sent_at`): from then on no failure ends in `failed`
//   (which bulk retry would send again) but in `unconfirmed`, for a person to settle;
// - a multi-step publish that has not finished an hour after its first step stops there.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { JsonObject } from "../../../db/schema/json-types";
import type { Env } from "../../lib/env";
import { publishFromJob } from "../../lib/realtime";
import type { AccountRow, PostRow } from "./account-row";
import { finishPost } from "./finish-post";
import { markAccount } from "./mark-account";
import { adapterFor, isSandboxAccount } from "./platforms/adapter-for";
import type { PlatformTokens, StepOutcome } from "./platforms/platform-adapter";
import { PlatformError } from "./platforms/platform-error";
import { PLATFORM_LIMITS, type Platform } from "./platforms/platform-limits";
import { sandboxAllowed } from "./platforms/sandbox-adapter";
import { freshTokens } from "./refresh-account";
import { toPostJson } from "./to-post-json";

export const MAX_ATTEMPTS = 5;
/** Steps one run may take back to back (create → check → publish); anything longer waits for a tick. */
const MAX_STEPS = 4;
/**
 * How long a multi-step publish may take from its first step (an Instagram container
 * processing, a TikTok upload being checked) before it stops waiting: Instagram keeps a
 * container for 24 hours, but a post an hour late is no longer "scheduled".
 */
export const PUBLISH_DEADLINE_MS = 60 * 60_000;

/** What the publisher keeps beside an adapter's own pending state. */
type Progress = {
  /** When the first step ran (ISO): the deadline counts from here. */
  started_at: string;
  /** When an irreversible step went out (ISO), or null while nothing can be public yet. */
  sent_at: string | null;
};

function progressOf(state: JsonObject | null, now: Date): Progress {
  const started = typeof state?.started_at === "string" ? state.started_at : now.toISOString();
  // A pending state written before the publisher kept its progress cannot say whether something
  // went out (a TikTok status check can follow the upload): it is taken to have, never to be sent twice.
  const legacy = state !== null && !("started_at" in state);
  const sent = typeof state?.sent_at === "string" ? state.sent_at : legacy ? now.toISOString() : null;
  return { started_at: started, sent_at: sent };
}

export type PublishResult = "published" | "waiting" | "failed" | "unconfirmed" | "skipped";

/** Minutes before retry n (1, 2, 4, 8…), or the platform's reset time when that is later. */
export function retryAt(attempt: number, platformReset: number | null, now = Date.now()): Date {
  const backoff = now + 60_000 * 2 ** Math.max(0, attempt - 1);
  return new Date(Math.max(backoff, platformReset ?? 0));
}

async function setState(db: Database, postId: string, from: PostRow["publish_state"][], set: Partial<PostRow>) {
  const t = db.t.socialMediaPosts;
  const states = from.filter((s): s is NonNullable<typeof s> => s !== null);
  const [result] = await db.atomic((q) => [
    q
      .update(t)
      .set({ ...set, updated_at: new Date() })
      .where(and(eq(t.id, postId), eq(t.status, "publishing"), inArray(t.publish_state, states))),
  ]);
  return result?.rowsAffected === 1;
}

export async function publishPost(env: Env, db: Database, postId: string): Promise<PublishResult> {
  const t = db.t.socialMediaPosts;
  // Ownership: only one consumer gets past this, however often the message arrives.
  if (!(await setState(db, postId, ["queued"], { publish_state: "working", claimed_at: new Date() }))) return "skipped";
  const [post] = await db.q.select().from(t).where(eq(t.id, postId)).limit(1);
  if (!post) return "skipped";
  const a = db.t.socialMediaAccounts;
  const [account] = await db.q.select().from(a).where(eq(a.id, post.social_media_account_id)).limit(1);
  const platform = account?.platform ?? "social";
  let state: JsonObject | null = post.publish_data ?? null;
  const progress = progressOf(state, new Date());
  // Before anything went out a failure is final and may be retried in bulk; after, only a person can tell.
  const fail = async (reason: string) => {
    const ending = progress.sent_at ? unconfirmedEnding(platform, reason) : { status: "failed" as const, reason };
    return (await finishPost(env, db, post, ending, platform)) ? ending.status : "skipped";
  };
  if (!account) return fail("The account was removed.");
  if (account.status !== "active") {
    return fail(`The ${account.platform} account @${account.username} needs reconnecting before it can publish.`);
  }
  if (isSandboxAccount(account) && !sandboxAllowed(env)) {
    return fail("Sandbox accounts do not publish in production: connect the real account instead.");
  }
  if (state && Date.now() - Date.parse(progress.started_at) > PUBLISH_DEADLINE_MS) {
    return fail(
      `${labelOf(platform)} had not finished the post ${PUBLISH_DEADLINE_MS / 60_000} minutes after publishing began, so it stopped waiting.`,
    );
  }
  const adapter = adapterFor(env, account.platform as Platform, { sandbox: isSandboxAccount(account) });
  if (!state) {
    // Media the adapter cannot send is refused, never dropped: a post composed before a limit changed stops here.
    const media = adapter
      .validate({
        content: post.content,
        hashtags: post.hashtags ?? [],
        media: (post.media_urls ?? []).map((url) => ({ url })),
      })
      .filter((p) => p.field === "media_urls");
    if (media.length > 0) return fail(media.map((p) => p.message).join(" "));
  }
  const context = {
    post: {
      id: post.id,
      title: post.title,
      content: post.content,
      hashtags: post.hashtags ?? [],
      media_urls: post.media_urls ?? [],
    },
    account: { account_id: account.account_id, username: account.username, info: account.account_info ?? {} },
  };

  let tokens: PlatformTokens;
  try {
    tokens = await freshTokens(env, db, account.id, { loaded: account });
  } catch (err) {
    return handleFailure(env, db, post, account, err, false, progress);
  }
  let refreshed = false;
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = adapter.nextStep({ ...context, tokens }, state);
    if (next.irreversible && !(await setState(db, post.id, ["working"], { publish_state: "sending" })))
      return "skipped";
    let outcome: StepOutcome;
    try {
      outcome = await next.run();
    } catch (err) {
      if (err instanceof PlatformError && err.kind === "refresh_needed" && !refreshed) {
        // Refused before anything was published: refresh, then try this step once more.
        refreshed = true;
        if (next.irreversible) await setState(db, post.id, ["sending"], { publish_state: "working" });
        try {
          tokens = await freshTokens(env, db, account.id, { force: true });
        } catch (refreshError) {
          return handleFailure(env, db, post, account, refreshError, false, progress);
        }
        step--;
        continue;
      }
      return handleFailure(env, db, post, account, err, next.irreversible, progress);
    }
    // The network answered with its id: a database error from here on is ours, not the network's.
    if (outcome.kind === "published") return recordPublished(env, db, post, outcome.external_id, platform);
    try {
      // The adapter's state, with the publisher's progress beside it; an irreversible step that
      // returns "pending" has handed something over that may become public without us.
      if (next.irreversible) progress.sent_at ??= new Date().toISOString();
      state = { ...outcome.data, ...progress };
      if (outcome.check_after_seconds > 0) {
        // The platform holds it now (a container, an upload): a later tick looks again.
        await setState(db, post.id, ["working", "sending"], {
          publish_state: "waiting",
          publish_data: state,
          next_attempt_at: new Date(Date.now() + outcome.check_after_seconds * 1000),
        });
        await announce(env, db, post.id);
        return "waiting";
      }
      // Written before the next step, so a crash resumes from here and never repeats this one.
      if (!(await setState(db, post.id, ["working", "sending"], { publish_state: "working", publish_data: state }))) {
        return "skipped";
      }
    } catch (err) {
      // Keeping the pending step failed: after an irreversible step that is "may be out there".
      return handleFailure(env, db, post, account, err, next.irreversible, progress);
    }
  }
  await setState(db, post.id, ["working", "sending"], {
    publish_state: "waiting",
    publish_data: state,
    next_attempt_at: new Date(Date.now() + 60_000),
  });
  return "waiting";
}

/** Tries to record a published post and its id this many times before giving up. */
const RECORD_TRIES = 3;

/**
 * Records the network's id the moment it is known. A passing database error is tried
 * again a few times: read as the network's failure it would leave a live post
 * "unconfirmed" without its id. If the database stays away the error goes to the queue
 * (message.retry) with the id in the log; the row still says `sending`, so a
 * redelivery sends nothing and the sweep hands the post to a person.
 */
async function recordPublished(
  env: Env,
  db: Database,
  post: PostRow,
  externalId: string,
  platform: string,
): Promise<PublishResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const ok = await finishPost(env, db, post, { status: "published", external_post_id: externalId }, platform);
      return ok ? "published" : "skipped";
    } catch (err) {
      if (attempt >= RECORD_TRIES) {
        throw new Error(
          `${labelOf(platform)} published post ${post.id} as ${externalId}, but it could not be recorded: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function handleFailure(
  env: Env,
  db: Database,
  post: PostRow,
  account: AccountRow,
  err: unknown,
  irreversible: boolean,
  progress: Progress,
): Promise<PublishResult> {
  const platform = account.platform;
  const error =
    err instanceof PlatformError
      ? err
      : new PlatformError(
          irreversible ? "unknown_outcome" : "retryable",
          err instanceof Error ? err.message : String(err),
        );
  const end = async (ending: Parameters<typeof finishPost>[3]) => {
    // Something already went out (TikTok has the video): "failed" would invite a bulk retry that sends it twice.
    const safe = ending.status === "failed" && progress.sent_at ? unconfirmedEnding(platform, ending.reason) : ending;
    return (await finishPost(env, db, post, safe, platform)) ? safe.status : "skipped";
  };
  switch (error.kind) {
    case "retryable": {
      const attempts = post.publish_attempts + 1;
      if (attempts >= MAX_ATTEMPTS) {
        return end({ status: "failed", reason: `Gave up after ${attempts} attempts: ${error.message}` });
      }
      await setState(db, post.id, ["working", "sending"], {
        publish_state: "waiting",
        publish_attempts: sql`${db.t.socialMediaPosts.publish_attempts} + 1` as unknown as number,
        failure_reason: error.message.slice(0, 5000),
        next_attempt_at: retryAt(attempts, error.retryAt),
      });
      await announce(env, db, post.id);
      return "waiting";
    }
    case "unknown_outcome":
      if (!irreversible)
        return handleFailure(env, db, post, account, new PlatformError("retryable", error.message), false, progress);
      return end(unconfirmedEnding(platform, error.message));
    case "disconnected":
    case "refresh_needed":
      await markAccount(env, db, account, error.kind === "disconnected" ? "revoked" : "expired", error.message);
      return end({ status: "failed", reason: `The account needs reconnecting: ${error.message}` });
    case "rejected":
      return end({ status: "failed", reason: error.message });
    case "not_published": {
      // The network's own word that nothing went out: a retry cannot duplicate anything.
      const ending = { status: "failed" as const, reason: error.message };
      return (await finishPost(env, db, post, ending, platform)) ? ending.status : "skipped";
    }
  }
}

const labelOf = (platform: string) =>
  platform in PLATFORM_LIMITS ? PLATFORM_LIMITS[platform as Platform].label : platform;

function unconfirmedEnding(platform: string, reason: string) {
  return {
    status: "unconfirmed" as const,
    reason: `${reason} ${labelOf(platform)} may already have the post. Check the account, then mark it published or retry.`,
  };
}

async function announce(env: Env, db: Database, postId: string) {
  const t = db.t.socialMediaPosts;
  const [row] = await db.q.select().from(t).where(eq(t.id, postId)).limit(1);
  if (!row) return;
  await publishFromJob(env, row.workspace_id, [
    { entity_type: "social_media_post", entity_id: row.id, op: "update", data: toPostJson(row), actor_id: null },
  ]);
}
