import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorOf } from "../helpers/api";
import { connectLive } from "../helpers/live";
import { teammate } from "../helpers/workspaces";
import { connectAccount, createPosts, db, fakeUser, inMinutes, type PostJson, socialWorkspace } from "./social-helpers";

const sandbox = async (who: Parameters<typeof connectAccount>[0], workspaceId: string, platform: string) => {
  const res = await who.fetch(`/api/v1/workspaces/${workspaceId}/social-accounts/sandbox`, {
    method: "POST",
    json: { platform, username: fakeUser("sb") },
  });
  return (await res.json()) as { id: string };
};

describe("composing posts", () => {
  it("makes one post per account in one group", async () => {
    const { owner, workspace } = await socialWorkspace();
    const x = await connectAccount(owner.client, workspace.id, "twitter", fakeUser("grp"));
    const li = await connectAccount(owner.client, workspace.id, "linkedin", fakeUser("grp"));
    const { data, group_id } = await createPosts(owner.client, workspace.id, {
      account_ids: [x.id, li.id],
      content: "Launch day",
      hashtags: ["#launch", "news"],
      status: "scheduled",
      scheduled_at: inMinutes(60),
    });
    expect(data).toHaveLength(2);
    expect(new Set(data.map((p) => p.social_media_account_id))).toEqual(new Set([x.id, li.id]));
    expect(data.every((p) => p.group_id === group_id && p.status === "scheduled")).toBe(true);
    const list = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts?group_id=${group_id}`);
    expect(((await list.json()) as { data: PostJson[] }).data).toHaveLength(2);
  });

  it("checks every account's limits on the server and names the platform", async () => {
    const { owner, workspace } = await socialWorkspace();
    const x = await connectAccount(owner.client, workspace.id, "twitter", fakeUser("lim"));
    const ig = await connectAccount(owner.client, workspace.id, "instagram", fakeUser("lim"));
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts`, {
      method: "POST",
      json: { account_ids: [x.id, ig.id], content: "a".repeat(300) },
    });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    const details = error.details as { platform: string; path: string; message: string }[];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ platform: "twitter", path: "content", message: expect.stringContaining("280") }),
        expect.objectContaining({ platform: "instagram", path: "media_urls" }),
      ]),
    );
    // Links count as 23 characters on X, however long.
    const link = `https://example.com/${"x".repeat(300)}`;
    const ok = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts`, {
      method: "POST",
      json: { account_ids: [x.id], content: `Read this ${link}` },
    });
    expect(ok.status).toBe(201);
  });

  it("refuses bad input with 422 and another workspace's account with 404", async () => {
    const { owner, workspace } = await socialWorkspace();
    const other = await socialWorkspace();
    const foreign = await sandbox(other.owner.client, other.workspace.id, "twitter");
    const post = (json: unknown) =>
      owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts`, { method: "POST", json });
    expect((await post({ account_ids: [foreign.id], content: "hi" })).status).toBe(404);
    const mine = await sandbox(owner.client, workspace.id, "twitter");
    expect((await post({ account_ids: [mine.id], content: "  " })).status).toBe(422);
    expect((await post({ account_ids: [mine.id], content: "hi", status: "scheduled" })).status).toBe(422);
    expect(
      (await post({ account_ids: [mine.id], content: "hi", status: "scheduled", scheduled_at: "2020-01-01T10:00:00Z" }))
        .status,
    ).toBe(422);
    expect((await post({ account_ids: [mine.id], content: "hi", media_urls: ["javascript:alert(1)"] })).status).toBe(
      422,
    );
    expect((await post({ account_ids: [mine.id], content: "hi", hashtags: ["two words"] })).status).toBe(422);
    expect((await post({ account_ids: [mine.id], content: "hi", status: "published" })).status).toBe(422);
  });

  it("refuses a time more than two years ahead, or one a timestamp cannot hold, and writes nothing", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandbox(owner.client, workspace.id, "twitter");
    const posts = `/api/v1/workspaces/${workspace.id}/posts`;
    const post = (json: unknown) => owner.client.fetch(posts, { method: "POST", json });
    const count = async () =>
      ((await (await owner.client.fetch(`${posts}?limit=100`)).json()) as { data: unknown[] }).data.length;
    const days = (n: number) => inMinutes(n * 24 * 60);

    for (const scheduled_at of [days(731), "2040-01-01T10:00", "9999-12-31T23:59:59Z", "+275760-09-13T00:00:00Z"]) {
      for (const status of ["scheduled", "draft"]) {
        const res = await post({ account_ids: [account.id], content: "Far off", status, scheduled_at });
        expect(res.status, `${status} at ${scheduled_at}`).toBe(422);
        expect((await errorOf(res)).details).toEqual([expect.objectContaining({ path: "scheduled_at" })]);
      }
    }
    // A draft may keep a time that has passed, but not one before 1970.
    const ancient = await post({ account_ids: [account.id], content: "Old", scheduled_at: "1960-01-01T10:00:00Z" });
    expect(ancient.status).toBe(422);
    expect(await count()).toBe(0);

    // Right up to the horizon is fine, and an edit is held to it too.
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Next year",
      status: "scheduled",
      scheduled_at: days(729),
    });
    const moved = await owner.client.fetch(`${posts}/${data[0]?.id}`, {
      method: "PATCH",
      json: { scheduled_at: days(800) },
    });
    expect(moved.status).toBe(422);
    const kept = (await (await owner.client.fetch(`${posts}/${data[0]?.id}`)).json()) as PostJson;
    expect(kept.scheduled_at).toBe(data[0]?.scheduled_at);
  });

  it("reads a local time in the workspace's zone and refuses one the clocks skip", async () => {
    const { owner, workspace } = await socialWorkspace({ timezone: "Europe/Paris" });
    const account = await sandbox(owner.client, workspace.id, "linkedin");
    const year = new Date().getUTCFullYear() + 1;
    // The last Sunday of March: Paris jumps from 02:00 to 03:00.
    const march = new Date(Date.UTC(year, 2, 31));
    const lastSunday = 31 - march.getUTCDay();
    const day = `${year}-03-${String(lastSunday).padStart(2, "0")}`;
    const before = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Before the jump",
      status: "scheduled",
      scheduled_at: `${day}T01:30`,
    });
    expect(before.data[0]?.scheduled_at).toBe(`${day}T00:30:00.000Z`);
    const after = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "After the jump",
      status: "scheduled",
      scheduled_at: `${day}T03:30`,
    });
    expect(after.data[0]?.scheduled_at).toBe(`${day}T01:30:00.000Z`);
    const gap = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts`, {
      method: "POST",
      json: { account_ids: [account.id], content: "In the gap", status: "scheduled", scheduled_at: `${day}T02:30` },
    });
    expect(gap.status).toBe(422);
    expect((await errorOf(gap)).message).toMatch(/does not exist in Europe\/Paris/);
  });

  it("lists by status, account and range, and shows a calendar range", async () => {
    const { owner, workspace } = await socialWorkspace();
    const a = await sandbox(owner.client, workspace.id, "twitter");
    const b = await sandbox(owner.client, workspace.id, "facebook");
    await createPosts(owner.client, workspace.id, { account_ids: [a.id], content: "draft" });
    await createPosts(owner.client, workspace.id, {
      account_ids: [a.id, b.id],
      content: "soon",
      status: "scheduled",
      scheduled_at: inMinutes(90),
    });
    await createPosts(owner.client, workspace.id, {
      account_ids: [b.id],
      content: "later",
      status: "scheduled",
      scheduled_at: inMinutes(60 * 24 * 10),
    });
    const get = async (q: string) =>
      (
        (await (await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts${q}`)).json()) as {
          data: PostJson[];
        }
      ).data;
    expect((await get("?status=draft")).map((p) => p.content)).toEqual(["draft"]);
    expect(await get(`?account_id=${b.id}`)).toHaveLength(2);
    expect(await get(`?status=scheduled&to=${encodeURIComponent(inMinutes(120))}`)).toHaveLength(2);
    const cal = await owner.client.fetch(
      `/api/v1/workspaces/${workspace.id}/posts/calendar?from=${encodeURIComponent(inMinutes(0))}&to=${encodeURIComponent(inMinutes(60 * 24 * 14))}`,
    );
    const body = (await cal.json()) as { data: PostJson[]; time_zone: string };
    expect(body.data.map((p) => p.content)).toEqual(["soon", "soon", "later"]);
    const tooLong = await owner.client.fetch(
      `/api/v1/workspaces/${workspace.id}/posts/calendar?from=2026-01-01&to=2026-06-01`,
    );
    expect(tooLong.status).toBe(422);
  });

  it("finds the next free posting slot, across a daylight-saving change", async () => {
    const { owner, workspace } = await socialWorkspace({ timezone: "America/New_York" });
    const account = await sandbox(owner.client, workspace.id, "twitter");
    const put = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/slots`, {
      method: "PUT",
      json: {
        slots: [
          { weekday: 0, time: "09:00" },
          { weekday: 1, time: "09:00" },
        ],
      },
    });
    expect(put.status).toBe(200);
    // 2026-11-01 is a Sunday and New York falls back from EDT to EST that night.
    const after = "2026-10-31T12:00:00Z";
    const next = async () =>
      (await (
        await owner.client.fetch(
          `/api/v1/workspaces/${workspace.id}/posts/next-slot?after=${after}&account_id=${account.id}`,
        )
      ).json()) as { slot: string; local: string };
    const first = await next();
    expect(first).toMatchObject({ slot: "2026-11-01T14:00:00.000Z", local: "2026-11-01T09:00" });
  });

  it("updates with If-Match, refusing a stale version", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandbox(owner.client, workspace.id, "twitter");
    const { data } = await createPosts(owner.client, workspace.id, { account_ids: [account.id], content: "v1" });
    const url = `/api/v1/workspaces/${workspace.id}/posts/${data[0]?.id}`;
    const etag = (await owner.client.fetch(url)).headers.get("ETag") ?? "";
    const first = await owner.client.fetch(url, {
      method: "PATCH",
      headers: { "If-Match": etag },
      json: { content: "v2" },
    });
    expect(first.status).toBe(200);
    const stale = await owner.client.fetch(url, {
      method: "PATCH",
      headers: { "If-Match": etag },
      json: { content: "v3" },
    });
    expect(stale.status).toBe(412);
  });
});

describe("approvals", () => {
  it("sends a contributor's post for approval; another editor approves it, live", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandbox(owner.client, workspace.id, "twitter");
    const contributor = await teammate(workspace.id, "contributor");
    const { data } = await createPosts(contributor.client, workspace.id, {
      account_ids: [account.id],
      content: "Please approve",
      status: "scheduled",
      scheduled_at: inMinutes(60),
    });
    const post = data[0] as PostJson;
    expect(post.status).toBe("pending_approval");
    const editor = await teammate(workspace.id, "editor");
    const live = await connectLive(owner.client, workspace.id);
    await live.next("hello");
    const res = await editor.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/${post.id}/approve`, {
      method: "POST",
      json: { comment: "Lovely" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "scheduled",
      approved_by: editor.user.id,
      review_comment: "Lovely",
    });
    const change = await live.next("change", (m) => m.entity_id === post.id);
    expect(change.data).toMatchObject({ status: "scheduled" });
    live.ws.close();
  });

  it("sends an approved post back for approval when a contributor moves its time, not when they leave it", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandbox(owner.client, workspace.id, "twitter");
    const contributor = await teammate(workspace.id, "contributor");
    const { data } = await createPosts(contributor.client, workspace.id, {
      account_ids: [account.id],
      content: "Agreed for noon",
      status: "scheduled",
      scheduled_at: inMinutes(60),
    });
    const url = `/api/v1/workspaces/${workspace.id}/posts/${data[0]?.id}`;
    const approved = await owner.client.fetch(`${url}/approve`, { method: "POST", json: {} });
    expect(await approved.json()).toMatchObject({ status: "scheduled" });
    const agreed = ((await (await owner.client.fetch(url)).json()) as PostJson).scheduled_at;

    // The same time again changes nothing the approver agreed to.
    const same = await contributor.client.fetch(url, { method: "PATCH", json: { scheduled_at: agreed } });
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({ status: "scheduled", scheduled_at: agreed });

    const later = inMinutes(24 * 60);
    const moved = await contributor.client.fetch(url, { method: "PATCH", json: { scheduled_at: later } });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ status: "pending_approval" });

    // An editor who can publish moves an approved post without asking anyone.
    const reapproved = await owner.client.fetch(`${url}/approve`, { method: "POST", json: {} });
    expect(await reapproved.json()).toMatchObject({ status: "scheduled" });
    const byEditor = await owner.client.fetch(url, { method: "PATCH", json: { scheduled_at: inMinutes(90) } });
    expect(await byEditor.json()).toMatchObject({ status: "scheduled" });
  });

  it("never lets anyone approve their own post", async () => {
    const { workspace, owner } = await socialWorkspace();
    const account = await sandbox(owner.client, workspace.id, "twitter");
    const editor = await teammate(workspace.id, "editor", { revoke: ["social.posts.publish"] });
    const { data } = await createPosts(editor.client, workspace.id, {
      account_ids: [account.id],
      content: "Mine",
      status: "scheduled",
      scheduled_at: inMinutes(60),
    });
    expect(data[0]?.status).toBe("pending_approval");
    const res = await editor.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/${data[0]?.id}/approve`, {
      method: "POST",
      json: {},
    });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/own post/);
  });

  it("rejects with a comment back to draft; a contributor cannot approve", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandbox(owner.client, workspace.id, "twitter");
    const contributor = await teammate(workspace.id, "contributor");
    const { data } = await createPosts(contributor.client, workspace.id, {
      account_ids: [account.id],
      content: "Try",
      status: "scheduled",
      scheduled_at: inMinutes(60),
    });
    const url = `/api/v1/workspaces/${workspace.id}/posts/${data[0]?.id}`;
    expect((await contributor.client.fetch(`${url}/approve`, { method: "POST", json: {} })).status).toBe(403);
    expect((await owner.client.fetch(`${url}/reject`, { method: "POST", json: {} })).status).toBe(422);
    const rejected = await owner.client.fetch(`${url}/reject`, { method: "POST", json: { comment: "Shorter please" } });
    expect(await rejected.json()).toMatchObject({ status: "draft", review_comment: "Shorter please" });
    // A contributor cannot edit someone else's post.
    const other = await teammate(workspace.id, "contributor");
    expect((await other.client.fetch(url, { method: "PATCH", json: { content: "mine now" } })).status).toBe(403);
  });

  it("lets one of two editors' verdicts through at once, and logs only that one", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandbox(owner.client, workspace.id, "twitter");
    const contributor = await teammate(workspace.id, "contributor");
    const editor = await teammate(workspace.id, "editor");
    const log = db().t.activityLogs;
    // Rounds, each with the other verdict sent first: sometimes both read the post while it
    // waits, and the one that writes second finds it decided.
    for (let round = 0; round < 6; round++) {
      const { data } = await createPosts(contributor.client, workspace.id, {
        account_ids: [account.id],
        content: `Which one? ${round}`,
        status: "scheduled",
        scheduled_at: inMinutes(60),
      });
      const url = `/api/v1/workspaces/${workspace.id}/posts/${data[0]?.id}`;
      const verdicts = [
        () => owner.client.fetch(`${url}/approve`, { method: "POST", json: {} }),
        () => editor.client.fetch(`${url}/reject`, { method: "POST", json: { comment: "Not yet" } }),
      ];
      const answers = await Promise.all((round % 2 ? verdicts.reverse() : verdicts).map((send) => send()));
      expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
      const logged = (
        await db()
          .q.select()
          .from(log)
          .where(eq(log.entity_id, data[0]?.id ?? ""))
      ).filter((entry) => /approved|rejected/.test(entry.type));
      expect(logged, `round ${round}`).toHaveLength(1);
    }
  });
});
