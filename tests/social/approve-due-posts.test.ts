// Approving is a decision about when a post goes out: a post that waited past its time
// is not sent the moment it is approved unless the approver says so, and nobody
// approves a post for an account that can no longer publish.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorOf } from "../helpers/api";
import { teammate } from "../helpers/workspaces";
import {
  createPosts,
  db,
  fakeUser,
  inMinutes,
  isFinal,
  makeDue,
  readPost,
  runCron,
  settled,
  socialWorkspace,
} from "./social-helpers";

async function pendingPost() {
  const { owner, workspace } = await socialWorkspace({ timezone: "Europe/Paris" });
  const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/sandbox`, {
    method: "POST",
    json: { platform: "twitter", username: fakeUser("due") },
  });
  const account = (await res.json()) as { id: string; username: string };
  const contributor = await teammate(workspace.id, "contributor");
  const { data } = await createPosts(contributor.client, workspace.id, {
    account_ids: [account.id],
    content: "Launch day!",
    status: "scheduled",
    scheduled_at: inMinutes(60),
  });
  const post = data[0];
  if (post?.status !== "pending_approval") throw new Error("not pending");
  const editor = await teammate(workspace.id, "editor");
  const approve = (body: Record<string, unknown>) =>
    editor.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/${post.id}/approve`, { method: "POST", json: body });
  return { owner, workspace, account, post, approve };
}

describe("approving a post whose time has passed", { timeout: 20_000 }, () => {
  it("refuses to publish it silently: the approver gives a new time or asks to publish now", async () => {
    const { post, approve } = await pendingPost();
    // The approval waited: the post was due ten minutes ago.
    await makeDue([post.id], new Date(Date.now() - 10 * 60_000));

    const refused = await approve({ comment: "Looks good" });
    expect(refused.status).toBe(422);
    const error = await errorOf(refused);
    expect(error.message).toMatch(/has passed.*new time.*publish now/i);
    expect(error.message).toMatch(/Europe\/Paris/);
    expect(error.details).toEqual([expect.objectContaining({ path: "scheduled_at" })]);
    expect((await readPost(post.id)).status).toBe("pending_approval");
    await runCron();
    expect((await readPost(post.id)).status).toBe("pending_approval");

    // A time that has passed is no answer either, nor both answers at once.
    expect((await approve({ scheduled_at: new Date(Date.now() - 3600_000).toISOString() })).status).toBe(422);
    expect((await approve({ scheduled_at: inMinutes(30), publish_now: true })).status).toBe(422);

    const later = inMinutes(90);
    const approved = await approve({ scheduled_at: later });
    expect(approved.status).toBe(200);
    const body = (await approved.json()) as { status: string; scheduled_at: string };
    expect(body.status).toBe("scheduled");
    expect(Date.parse(body.scheduled_at)).toBe(Math.floor(Date.parse(later) / 1000) * 1000);
    // Not due yet: the cron leaves it for later.
    await runCron();
    expect((await readPost(post.id)).status).toBe("scheduled");
  });

  it("publishes at once when the approver asks for it, and says so in the activity log", async () => {
    const { post, approve } = await pendingPost();
    await makeDue([post.id], new Date(Date.now() - 10 * 60_000));
    const res = await approve({ publish_now: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; scheduled_at: string };
    expect(body.status).toBe("scheduled");
    expect(Math.abs(Date.parse(body.scheduled_at) - Date.now())).toBeLessThan(5_000);
    const d = db();
    const log = d.t.activityLogs;
    const approvedEntries = (await d.q.select().from(log).where(eq(log.entity_id, post.id))).filter(
      (e) => e.type === "social_media_post.approved",
    );
    expect(approvedEntries).toHaveLength(1);
    expect(approvedEntries[0]?.description).toMatch(/to publish now/);
    await runCron(new Date(Date.now() + 1000));
    expect((await settled(post.id, isFinal)).status).toBe("published");
  });

  it("approves a post still in the future at its own time", async () => {
    const { post, approve } = await pendingPost();
    const res = await approve({});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { scheduled_at: string }).scheduled_at).toBe(post.scheduled_at);
  });
});

describe("approving a post for an account that needs reconnecting", () => {
  it("is refused with the account named, and the post keeps waiting", async () => {
    const { post, account, approve } = await pendingPost();
    const d = db();
    const t = d.t.socialMediaAccounts;
    await d.atomic((q) => [
      q.update(t).set({ status: "expired", last_error: "Access ended" }).where(eq(t.id, account.id)),
    ]);
    const res = await approve({ publish_now: true });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.message).toContain(`Reconnect @${account.username}`);
    expect(error.details).toEqual([expect.objectContaining({ path: "social_media_account_id" })]);
    expect((await readPost(post.id)).status).toBe("pending_approval");
    // Reconnected: the same approval goes through.
    await d.atomic((q) => [q.update(t).set({ status: "active", last_error: null }).where(eq(t.id, account.id))]);
    expect((await approve({})).status).toBe(200);
  });
});

describe("who may approve", () => {
  it("needs the right to publish too: approving schedules the post", async () => {
    const { workspace, post } = await pendingPost();
    const approver = await teammate(workspace.id, "editor", { grant: [], revoke: ["social.posts.publish"] });
    const res = await approver.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/${post.id}/approve`, {
      method: "POST",
      json: {},
    });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).details).toMatchObject({ action: "social.posts.publish", role: "editor" });
    expect((await readPost(post.id)).status).toBe("pending_approval");
  });
});
