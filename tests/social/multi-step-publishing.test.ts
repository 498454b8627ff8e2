// Multi-step networks after the irreversible step: once TikTok has the video, no
// failure may lead to sending it again (by itself or through bulk retry), and no
// post waits on a network forever.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PUBLISH_DEADLINE_MS } from "../../worker/features/social/publish-post";
import type { Client } from "../helpers/api";
import { db, duePost, fake, isFinal, readPost, runCron, settled } from "./social-helpers";

const scheduledVideo = (platform: "tiktok" | "instagram", prefix: string) =>
  duePost(platform, prefix, { content: "A clip", media_urls: ["https://cdn.example.com/clip.mp4"] });

/** TikTok's status check answers 429 five times, one later tick after another, until the publisher stops trying. */
async function failStatusChecksFiveTimes(name: string, id: string) {
  await fake.fail({ platform: "tiktok", user: name, path: "/status", mode: "rate_limit", times: 5, reset_seconds: 1 });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await runCron(new Date(Date.now() + attempt * 20 * 60_000));
    await settled(id, (r) => r.publish_attempts === attempt || r.status !== "publishing");
  }
  return settled(id, (r) => r.status !== "publishing");
}

/** Moves the first step of a waiting post back in time, as if it had been waiting that long. */
async function startedAgo(postId: string, ms: number) {
  const row = await readPost(postId);
  const d = db();
  const t = d.t.socialMediaPosts;
  const started_at = new Date(Date.now() - ms).toISOString();
  await d.atomic((q) => [
    q
      .update(t)
      .set({ publish_data: { ...row.publish_data, started_at } })
      .where(eq(t.id, postId)),
  ]);
}

async function bulkRetry(who: Client, workspaceId: string, postId: string) {
  const res = await who.fetch(`/api/v1/workspaces/${workspaceId}/posts/retry`, {
    method: "POST",
    json: { post_ids: [postId] },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { retried: number }).retried;
}

describe("multi-step publishing after the irreversible step", { timeout: 30_000 }, () => {
  it("leaves a TikTok post unconfirmed, out of bulk retry, when the account dies after the video was sent", async () => {
    const { owner, workspace, name, id } = await scheduledVideo("tiktok", "ttrev");
    await runCron();
    const waiting = await settled(id, isFinal);
    expect(waiting).toMatchObject({ status: "publishing", publish_state: "waiting" });
    expect(waiting.publish_data).toMatchObject({ stage: "status", sent_at: expect.any(String) });
    // The person removes the app: the status check is refused and so is the refresh.
    await fake.expireTokens("tiktok", name);
    await fake.revoke("tiktok", name);
    await runCron(new Date(Date.now() + 31_000));
    const row = await settled(id, (r) => r.status !== "publishing");
    expect(row.status).toBe("unconfirmed");
    expect(row.failure_reason).toMatch(/TikTok may already have the post/);
    expect(await bulkRetry(owner.client, workspace.id, id)).toBe(0);
    await runCron(new Date(Date.now() + 120_000));
    expect((await readPost(id)).status).toBe("unconfirmed");
    expect(await fake.published("tiktok", name)).toHaveLength(1);
  });

  it("leaves a TikTok post unconfirmed when its account was marked revoked while TikTok processed the video", async () => {
    const { owner, workspace, name, id } = await scheduledVideo("tiktok", "ttmark");
    await runCron();
    await settled(id, isFinal);
    const d = db();
    const a = d.t.socialMediaAccounts;
    const post = await readPost(id);
    await d.atomic((q) => [
      q
        .update(a)
        .set({ status: "revoked", last_error: "Access was removed." })
        .where(eq(a.id, post.social_media_account_id)),
    ]);
    await runCron(new Date(Date.now() + 31_000));
    const row = await settled(id, (r) => r.status !== "publishing");
    expect(row.status).toBe("unconfirmed");
    expect(row.failure_reason).toMatch(/needs reconnecting/);
    expect(await bulkRetry(owner.client, workspace.id, id)).toBe(0);
    expect(await fake.published("tiktok", name)).toHaveLength(1);
  });

  it("takes a pending TikTok step saved without the publisher's progress (an older row) as already sent", async () => {
    const { owner, workspace, name, id } = await scheduledVideo("tiktok", "ttold");
    await runCron();
    const waiting = await settled(id, isFinal);
    const d = db();
    const t = d.t.socialMediaPosts;
    const { stage, publish_id } = waiting.publish_data ?? {};
    await d.atomic((q) => [q.update(t).set({ publish_data: { stage, publish_id } }).where(eq(t.id, id))]);
    const row = await failStatusChecksFiveTimes(name, id);
    expect(row.status).toBe("unconfirmed");
    expect(row.failure_reason).toMatch(/Gave up after 5 attempts/);
    expect(await bulkRetry(owner.client, workspace.id, id)).toBe(0);
  });

  it("retries TikTok's status check on transient failures, then asks a person instead of failing", async () => {
    const { owner, workspace, name, id } = await scheduledVideo("tiktok", "tt429");
    await runCron();
    await settled(id, isFinal);
    const row = await failStatusChecksFiveTimes(name, id);
    expect(row.status).toBe("unconfirmed");
    expect(row.failure_reason).toMatch(/Gave up after 5 attempts/);
    expect(await bulkRetry(owner.client, workspace.id, id)).toBe(0);
    expect(await fake.published("tiktok", name)).toHaveLength(1);
  });

  it("stops waiting for TikTok an hour after the video was sent, and asks a person", async () => {
    const { name, id } = await scheduledVideo("tiktok", "ttlate");
    await fake.fail({ platform: "tiktok", user: name, path: "/status", mode: "in_progress", times: 100 });
    await runCron();
    await settled(id, isFinal);
    await runCron(new Date(Date.now() + 31_000));
    await settled(id, (r) => r.publish_state === "waiting" && r.next_attempt_at !== null);
    expect((await readPost(id)).status).toBe("publishing");
    await startedAgo(id, PUBLISH_DEADLINE_MS + 60_000);
    await runCron(new Date(Date.now() + 62_000));
    const row = await settled(id, (r) => r.status !== "publishing");
    expect(row.status).toBe("unconfirmed");
    expect(row.failure_reason).toMatch(/TikTok had not finished the post 60 minutes after/);
    expect(await fake.published("tiktok", name)).toHaveLength(1);
  });

  it("fails an Instagram post whose container is still processing an hour later; nothing went out, so it can be retried", async () => {
    const { owner, workspace, name, id } = await scheduledVideo("instagram", "iglate");
    await fake.fail({ platform: "meta", user: name, path: "/status", mode: "in_progress", times: 100 });
    await runCron();
    const waiting = await settled(id, isFinal);
    expect(waiting.publish_data).toMatchObject({ stage: "check", started_at: expect.any(String), sent_at: null });
    await startedAgo(id, PUBLISH_DEADLINE_MS + 60_000);
    await runCron(new Date(Date.now() + 31_000));
    const row = await settled(id, (r) => r.status !== "publishing");
    expect(row.status).toBe("failed");
    expect(row.failure_reason).toMatch(/Instagram had not finished the post 60 minutes after/);
    expect(await fake.published("meta", name)).toHaveLength(0);
    expect(await bulkRetry(owner.client, workspace.id, id)).toBe(1);
  });
});
