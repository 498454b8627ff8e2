// Exactly-once publishing, end to end inside workerd: the cron claims, the queue
// delivers, the publisher calls the fake networks — and every way that can go wrong.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { publishPost } from "../../worker/features/social/publish-post";
import type { Env } from "../../worker/lib/env";
import {
  connectAccount,
  createPosts,
  db,
  deliver,
  duePost,
  fake,
  fakeUser,
  inMinutes,
  isFinal,
  makeDue,
  readPost,
  runCron,
  settled,
  socialWorkspace,
} from "./social-helpers";

const scheduledXPost = (content: string, prefix = "pub") => duePost("twitter", prefix, { content });

describe("publishing from the cron", { timeout: 20_000 }, () => {
  it("publishes a due post once, recording the platform's id", async () => {
    const { name, post } = await scheduledXPost("Hello from the scheduler");
    await runCron();
    const row = await settled(post.id, isFinal);
    expect(row.status).toBe("published");
    const published = await fake.published("x", name);
    expect(published).toHaveLength(1);
    expect(row.external_post_id).toBe(published[0]?.id);
    expect(row.published_at).toBeInstanceOf(Date);
  });

  it("does not send a post more than a day late: it fails, saying so, and a retry publishes it now", async () => {
    const { owner, workspace, name, post } = await scheduledXPost("This weekend only: 20% off");
    const dueAt = new Date(Date.now() - 25 * 3600_000);
    const recent = await createPosts(owner.client, workspace.id, {
      account_ids: [post.social_media_account_id],
      content: "Two hours late is still worth sending",
      status: "scheduled",
      scheduled_at: inMinutes(30),
    });
    const recentId = recent.data[0]?.id ?? "";
    await makeDue([post.id], dueAt);
    await makeDue([recentId], new Date(Date.now() - 2 * 3600_000));
    await runCron();

    const missed = await readPost(post.id);
    expect(missed).toMatchObject({ status: "failed", publish_state: "done", external_post_id: null });
    expect(missed.failure_reason).toContain(`due ${dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC`);
    expect((await settled(recentId, isFinal)).status).toBe("published");
    expect((await fake.published("x", name)).map((p) => p.text)).toEqual(["Two hours late is still worth sending"]);
    const { activityLogs } = db().t;
    const entries = await db().q.select().from(activityLogs).where(eq(activityLogs.entity_id, post.id));
    expect(entries.map((e) => e.type)).toContain("social_media_post.failed");

    // Another tick does not touch it again; a retry sends it, now.
    await runCron();
    expect((await readPost(post.id)).updated_at).toEqual(missed.updated_at);
    const retry = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/${post.id}/retry`, {
      method: "POST",
    });
    expect(retry.status).toBe(200);
    await runCron();
    expect((await settled(post.id, isFinal)).status).toBe("published");
    expect(await fake.published("x", name)).toHaveLength(2);
  });

  it("publishes each post once when two cron runs happen at once", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("twice");
    const account = await connectAccount(owner.client, workspace.id, "twitter", name);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { data } = await createPosts(owner.client, workspace.id, {
        account_ids: [account.id],
        content: `Concurrent post ${i}`,
        status: "scheduled",
        scheduled_at: inMinutes(30),
      });
      ids.push(data[0]?.id ?? "");
    }
    await makeDue(ids);
    await Promise.all([runCron(), runCron(), runCron()]);
    for (const id of ids) expect((await settled(id, isFinal)).status).toBe("published");
    const published = await fake.published("x", name);
    expect(published.map((p) => p.text).sort()).toEqual(ids.map((_, i) => `Concurrent post ${i}`).sort());
  });

  it("publishes once when the queue delivers the same message again", async () => {
    const { name, post } = await scheduledXPost("Delivered twice");
    await runCron();
    await settled(post.id, isFinal);
    await Promise.all([deliver([post.id, post.id]), deliver([post.id])]);
    await runCron();
    expect(await fake.published("x", name)).toHaveLength(1);
    expect((await readPost(post.id)).status).toBe("published");
  });

  it("records 'sending' before the irreversible call", async () => {
    const { name, post } = await scheduledXPost("Watch me send");
    await fake.fail({ platform: "x", user: name, path: "/2/tweets", mode: "hold", delay_ms: 800 });
    await runCron();
    const during = await settled(post.id, (r) => r.publish_state === "sending", 4000);
    expect(during.status).toBe("publishing");
    expect(await fake.published("x", name)).toHaveLength(0);
    expect((await settled(post.id, isFinal)).status).toBe("published");
  });

  it("marks a post unconfirmed, and never re-sends it, when the connection dies after the platform accepted it", async () => {
    const { name, post } = await scheduledXPost("Cut after accept");
    await fake.fail({ platform: "x", user: name, path: "/2/tweets", mode: "drop_after_accept" });
    await runCron();
    const row = await settled(post.id, isFinal);
    expect(row.status).toBe("unconfirmed");
    expect(row.failure_reason).toMatch(/may have been published/);
    // Later ticks and redeliveries leave it alone: one copy on the network.
    await runCron(new Date(Date.now() + 20 * 60_000));
    await deliver([post.id]);
    expect(await fake.published("x", name)).toHaveLength(1);
    expect((await readPost(post.id)).status).toBe("unconfirmed");
  });

  it("retries with backoff when the network refuses the connection, then publishes once", async () => {
    const { name, post } = await scheduledXPost("Refused, then sent");
    const d = db();
    const t = d.t.socialMediaPosts;
    await d.atomic((q) => [
      q.update(t).set({ status: "publishing", publish_state: "queued" }).where(eq(t.id, post.id)),
    ]);
    // The X API on a port nobody listens on: the connection is refused before anything is sent.
    const refused = { ...env, SOCIAL_X_API_URL: "http://127.0.0.1:9/x" } as Env;
    expect(await publishPost(refused, d, post.id)).toBe("waiting");
    const row = await readPost(post.id);
    expect(row).toMatchObject({ status: "publishing", publish_state: "waiting", publish_attempts: 1 });
    expect(row.failure_reason).toMatch(/connection refused/);
    expect(row.next_attempt_at?.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await fake.published("x", name)).toHaveLength(0);
    // The backoff has passed and the network answers again.
    await d.atomic((q) => [
      q
        .update(t)
        .set({ next_attempt_at: new Date(Date.now() - 1000) })
        .where(eq(t.id, post.id)),
    ]);
    await runCron();
    expect((await settled(post.id, isFinal)).status).toBe("published");
    expect(await fake.published("x", name)).toHaveLength(1);
  });

  it("marks a post unconfirmed when the platform goes silent after accepting it (timeout)", async () => {
    const { name, post } = await scheduledXPost("Silence after accept");
    await fake.fail({ platform: "x", user: name, path: "/2/tweets", mode: "timeout_after_accept" });
    await runCron();
    const row = await settled(post.id, isFinal, 10_000);
    expect(row.status).toBe("unconfirmed");
    expect(await fake.published("x", name)).toHaveLength(1);
  });

  it("treats a 5xx after sending as unconfirmed, not as a retry", async () => {
    const { name, post } = await scheduledXPost("Server error after accept");
    await fake.fail({ platform: "x", user: name, path: "/2/tweets", mode: "server_error_after_accept" });
    await runCron();
    expect((await settled(post.id, isFinal)).status).toBe("unconfirmed");
    await runCron(new Date(Date.now() + 60 * 60_000));
    expect(await fake.published("x", name)).toHaveLength(1);
  });

  it("turns a post stuck mid-send (the worker died) into unconfirmed without sending again", async () => {
    const { name, post } = await scheduledXPost("Crashed between call and write");
    const { db } = await import("./social-helpers");
    const d = db();
    const { eq } = await import("drizzle-orm");
    // What a crash right after the platform call leaves behind: claimed, sending, no id.
    const claimedAt = new Date(Date.now() - 30 * 60_000);
    await d.atomic((q) => [
      q
        .update(d.t.socialMediaPosts)
        .set({ status: "publishing", publish_state: "sending", claimed_at: claimedAt })
        .where(eq(d.t.socialMediaPosts.id, post.id)),
    ]);
    await Promise.all([runCron(), deliver([post.id])]);
    const row = await readPost(post.id);
    expect(row.status).toBe("unconfirmed");
    expect(await fake.published("x", name)).toHaveLength(0);
  });

  it("waits for the platform's reset time after a 429, then publishes", async () => {
    const { name, post } = await scheduledXPost("Rate limited first");
    await fake.fail({ platform: "x", user: name, path: "/2/tweets", mode: "rate_limit", reset_seconds: 300 });
    await runCron();
    const waiting = await settled(post.id, isFinal);
    expect(waiting).toMatchObject({ status: "publishing", publish_state: "waiting", publish_attempts: 1 });
    expect(waiting.next_attempt_at?.getTime()).toBeGreaterThanOrEqual(Date.now() + 290_000);
    // Not before the reset: a tick now leaves it waiting.
    await runCron();
    expect((await readPost(post.id)).publish_state).toBe("waiting");
    await runCron(new Date(Date.now() + 301_000));
    const row = await settled(post.id, (r) => r.status === "published");
    expect(row.publish_attempts).toBe(1);
    expect(await fake.published("x", name)).toHaveLength(1);
  });

  it("refreshes an expired token and retries once", async () => {
    const { name, post } = await scheduledXPost("After a refresh");
    const tokenCalls = async () => (await fake.requests("x", name)).filter((r) => r.path === "/2/oauth2/token").length;
    const before = await tokenCalls();
    await fake.fail({ platform: "x", user: name, path: "/2/tweets", mode: "expired_token" });
    await runCron();
    expect((await settled(post.id, isFinal)).status).toBe("published");
    expect((await tokenCalls()) - before).toBe(1);
    expect(await fake.published("x", name)).toHaveLength(1);
  });

  it("fails with the platform's reason on a bad request", async () => {
    const { name, post } = await scheduledXPost("A duplicate");
    await fake.fail({
      platform: "x",
      user: name,
      path: "/2/tweets",
      mode: "bad_request",
      reason: "You are not allowed to create a Tweet with duplicate content.",
    });
    await runCron();
    const row = await settled(post.id, isFinal);
    expect(row.status).toBe("failed");
    expect(row.failure_reason).toBe("You are not allowed to create a Tweet with duplicate content.");
  });

  it("marks the account and fails the post when access was revoked", async () => {
    const { owner, workspace, account, name, post } = await scheduledXPost("Revoked meanwhile");
    await fake.revoke("x", name);
    await runCron();
    const row = await settled(post.id, isFinal);
    expect(row.status).toBe("failed");
    expect(row.failure_reason).toMatch(/reconnect/i);
    const list = (await (await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts`)).json()) as {
      data: { id: string; status: string }[];
    };
    expect(list.data.find((a) => a.id === account.id)?.status).not.toBe("active");
  });

  it("publishes to Instagram in steps, a waiting container advanced by a later tick", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("insta");
    const account = await connectAccount(owner.client, workspace.id, "instagram", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "A reel",
      media_urls: ["https://cdn.example.com/clip.mp4"],
      status: "scheduled",
      scheduled_at: inMinutes(30),
    });
    const post = data[0]?.id ?? "";
    await makeDue([post]);
    await fake.fail({ platform: "meta", user: name, path: "/status", mode: "in_progress" });
    await runCron();
    // Video: the container is checked 30 s later, by a later tick.
    const created = await settled(post, isFinal);
    expect(created).toMatchObject({ status: "publishing", publish_state: "waiting" });
    expect(created.publish_data).toMatchObject({ stage: "check" });
    await runCron(new Date(Date.now() + 31_000));
    const inProgress = await settled(post, (r) => r.publish_state === "waiting" && r.claimed_at !== created.claimed_at);
    expect(inProgress.publish_data).toMatchObject({ stage: "check" });
    await runCron(new Date(Date.now() + 62_000));
    const done = await settled(post, (r) => r.status === "published");
    const published = await fake.published("meta", name);
    expect(published).toHaveLength(1);
    expect(done.external_post_id).toBe(published[0]?.id);
    expect(published[0]?.text).toBe("A reel");
  });

  it("publishes a LinkedIn post with the id from x-restli-id", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("li");
    const account = await connectAccount(owner.client, workspace.id, "linkedin", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Thoughts on scheduling",
      hashtags: ["scheduling"],
      status: "scheduled",
      scheduled_at: inMinutes(10),
    });
    await makeDue([data[0]?.id ?? ""]);
    await runCron();
    const row = await settled(data[0]?.id ?? "", isFinal);
    expect(row.status).toBe("published");
    expect(row.external_post_id).toMatch(/^urn:li:share:/);
    expect((await fake.published("linkedin", name))[0]?.text).toBe("Thoughts on scheduling\n\n#scheduling");
  });
});
