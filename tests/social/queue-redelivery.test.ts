// The queue delivers at least once: a message can arrive again while its first
// consumer is still publishing, and a consumer that hits a passing database error asks
// for the message again (message.retry). Either way the post goes out once.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { PublishMessage } from "../../worker/features/social/publish-message";
import { handlePublishBatch } from "../../worker/features/social/publish-queue-handler";
import type { Env } from "../../worker/lib/env";
import {
  connectAccount,
  createPosts,
  db,
  deliver,
  fake,
  fakeUser,
  inMinutes,
  isFinal,
  readPost,
  runCron,
  settled,
  socialWorkspace,
} from "./social-helpers";

/** A post the cron has claimed and queued, whose message the test delivers itself. */
async function queuedXPost(content: string) {
  const { owner, workspace } = await socialWorkspace();
  const name = fakeUser("q");
  const account = await connectAccount(owner.client, workspace.id, "twitter", name);
  const { data } = await createPosts(owner.client, workspace.id, {
    account_ids: [account.id],
    content,
    status: "scheduled",
    scheduled_at: inMinutes(30),
  });
  const postId = data[0]?.id ?? "";
  const d = db();
  const t = d.t.socialMediaPosts;
  await d.atomic((q) => [
    q.update(t).set({ status: "publishing", publish_state: "queued", claimed_at: new Date() }).where(eq(t.id, postId)),
  ]);
  return { name, postId };
}

/**
 * The D1 binding with a passing fault: the first `times` statements whose SQL matches
 * fail as a dropped database connection does; everything else reaches the real database.
 */
function flakyDatabase(pattern: RegExp, times = 1) {
  const real = env.DB;
  let left = times;
  const seen: string[] = [];
  const binding = new Proxy(real, {
    get(target, prop) {
      if (prop === "prepare") {
        return (query: string) => {
          if (left > 0 && pattern.test(query)) {
            left--;
            seen.push(query);
            throw new Error("D1_ERROR: Network connection lost.");
          }
          return target.prepare(query);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { env: { ...env, DB: binding } as Env, failed: () => seen.length };
}

/** One delivery through the consumer with the given env; what it did with the message. */
async function consume(postId: string, withEnv: Env) {
  const batch = createMessageBatch<PublishMessage>("mewayz-social-publish", [
    { id: `m-${postId}-${Date.now()}`, timestamp: new Date(), attempts: 1, body: { post_id: postId } },
  ]);
  await handlePublishBatch(batch, withEnv);
  return getQueueResult(batch, createExecutionContext());
}

describe("queue redelivery", { timeout: 30_000 }, () => {
  it("publishes once when the same message arrives while the first consumer is mid-publish", async () => {
    const { name, postId } = await queuedXPost("Delivered twice, at once");
    // X takes its time answering, so the second delivery lands while the first is sending.
    await fake.fail({ platform: "x", user: name, path: "/2/tweets", mode: "hold", delay_ms: 800 });
    const first = deliver([postId]);
    const during = await settled(postId, (r) => r.publish_state === "sending", 4000);
    expect(during.status).toBe("publishing");
    const second = await consume(postId, env as Env);
    // The duplicate found the post owned, did nothing and was acknowledged (not retried).
    expect(second.retryMessages).toEqual([]);
    expect(second.explicitAcks).toHaveLength(1);
    expect((await readPost(postId)).publish_state).toBe("sending");
    await first;
    const row = await settled(postId, isFinal);
    expect(row.status).toBe("published");
    const published = await fake.published("x", name);
    expect(published).toHaveLength(1);
    expect(row.external_post_id).toBe(published[0]?.id);
  });

  it("publishes once after message.retry when the database failed before the consumer owned the post", async () => {
    const { name, postId } = await queuedXPost("Retried after a database hiccup");
    const flaky = flakyDatabase(
      /^update "social_media_posts" set "updated_at" = \?, "publish_state" = \?, "claimed_at"/,
    );
    const first = await consume(postId, flaky.env);
    expect(flaky.failed()).toBe(1);
    expect(first.retryMessages).toEqual([expect.objectContaining({ msgId: expect.any(String) })]);
    expect(first.explicitAcks).toEqual([]);
    // Nothing happened: still queued, nothing sent.
    expect((await readPost(postId)).publish_state).toBe("queued");
    expect(await fake.published("x", name)).toHaveLength(0);
    // The queue delivers it again, twice even: one copy.
    await Promise.all([consume(postId, env as Env), consume(postId, env as Env)]);
    expect((await settled(postId, isFinal)).status).toBe("published");
    expect(await fake.published("x", name)).toHaveLength(1);
  });

  it("records the platform's id when the database fails once writing it, instead of asking a person", async () => {
    const { name, postId } = await queuedXPost("Sent, then a write hiccup");
    const flaky = flakyDatabase(/^update "social_media_posts" set .*"external_post_id" = \?/);
    const result = await consume(postId, flaky.env);
    expect(flaky.failed()).toBe(1);
    expect(result.explicitAcks).toHaveLength(1);
    const row = await readPost(postId);
    const published = await fake.published("x", name);
    expect(published).toHaveLength(1);
    expect(row).toMatchObject({ status: "published", external_post_id: published[0]?.id });
  });

  it("never sends again after message.retry when the database stays away while the platform's id is written", async () => {
    const { name, postId } = await queuedXPost("Sent, then the database went away");
    const flaky = flakyDatabase(/^update "social_media_posts" set .*"external_post_id" = \?/, 100);
    const first = await consume(postId, flaky.env);
    expect(flaky.failed()).toBeGreaterThan(1);
    expect(first.retryMessages).toHaveLength(1);
    expect(await fake.published("x", name)).toHaveLength(1);
    // The row still says "sending": the retried message must not send it again.
    expect((await readPost(postId)).publish_state).toBe("sending");
    const again = await consume(postId, env as Env);
    expect(again.explicitAcks).toHaveLength(1);
    expect(again.retryMessages).toEqual([]);
    expect(await fake.published("x", name)).toHaveLength(1);
    // The sweep hands it to a person instead.
    await runCron(new Date(Date.now() + 20 * 60_000));
    const row = await readPost(postId);
    expect(row.status).toBe("unconfirmed");
    expect(row.failure_reason).toMatch(/may be live/);
    expect(await fake.published("x", name)).toHaveLength(1);
  });
});
