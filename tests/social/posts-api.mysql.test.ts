// The posts API on MySQL (MariaDB), production's dialect: the same routes the app
// calls, served by the real Hono router over a real MySQL database. Composing grouped
// posts, lists with filters and cursors, the calendar's range, edits, approvals and
// rejections, single and bulk retries — each with its activity entry in the same unit —
// and engagement read back from the JSON column for the charts.
import { OpenAPIHono } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../db/uuidv7";
import { socialAccountRoutes } from "../../worker/features/social/account-routes";
import { socialPostRoutes } from "../../worker/features/social/routes";
import { createToken } from "../../worker/features/tokens/create-token";
import { identify } from "../../worker/lib/auth";
import type { AppEnv, Env } from "../../worker/lib/env";
import { toErrorResponse } from "../../worker/lib/errors";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";

let mysql: FreshDatabase;
// No Durable Object in Node: live-feed publishing fails and is logged, as when a room is unreachable.
const env = { APP_ENV: "test" } as unknown as Env;

const app = new OpenAPIHono<AppEnv>();
app.use("*", async (c, next) => {
  c.set("db", mysql.db);
  await next();
});
app.use("*", identify);
app.route("/api/v1/workspaces", socialAccountRoutes);
app.route("/api/v1/workspaces", socialPostRoutes);
app.onError(toErrorResponse);

type Post = {
  id: string;
  group_id: string | null;
  social_media_account_id: string;
  status: string;
  content: string;
  scheduled_at: string | null;
  approved_by: string | null;
  review_comment: string | null;
  publish_attempts: number;
  failure_reason: string | null;
  created_by: string;
};
type ErrorJson = { error: { code: string; message: string; details: unknown } };

type Person = { id: string; token: string };
let owner: Person;
let editor: Person;
let contributor: Person;
let workspaceId: string;
let x: string;
let linkedin: string;

/** One API call as a person, through the router. */
async function call<T = Post>(who: Person, method: string, path: string, json?: unknown) {
  const res = await app.request(
    `/api/v1/workspaces/${workspaceId}${path}`,
    {
      method,
      headers: {
        Authorization: `Bearer ${who.token}`,
        ...(json === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    },
    env,
  );
  return { status: res.status, body: (await res.json()) as T & ErrorJson };
}

const compose = async (who: Person, body: Record<string, unknown>) => {
  const res = await call<{ data: Post[]; group_id: string }>(who, "POST", "/posts", body);
  if (res.status !== 201) throw new Error(`compose: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

const inDays = (days: number, hourUtc = 10) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hourUtc, 0, 0, 0);
  return at;
};

async function activity(type: string, entityId?: string) {
  const log = mysql.db.t.activityLogs;
  const rows = await mysql.db.q
    .select()
    .from(log)
    .where(and(eq(log.workspace_id, workspaceId), eq(log.type, type)));
  return entityId ? rows.filter((r) => r.entity_id === entityId) : rows;
}

async function setRow(id: string, set: Record<string, unknown>) {
  const t = mysql.db.t.socialMediaPosts;
  await mysql.db.atomic((q) => [q.update(t).set(set).where(eq(t.id, id))]);
}

beforeAll(async () => {
  mysql = await freshMySqlDatabase();
  const db = mysql.db;
  workspaceId = uuidv7();
  const people = ["Olive Owner", "Eli Editor", "Cleo Contributor"].map((name) => ({ id: uuidv7(), name }));
  const [o, e, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  x = uuidv7();
  linkedin = uuidv7();
  await db.atomic((q) => [
    ...people.map((p) =>
      q.insert(db.t.users).values({ id: p.id, name: p.name, email: `${p.id}@example.com`, password: "x" }),
    ),
    q.insert(db.t.workspaces).values({
      id: workspaceId,
      name: "Paris Posts",
      slug: `paris-${workspaceId}`,
      owner_id: o.id,
      settings: { timezone: "Europe/Paris" },
    }),
    ...(
      [
        [o, "owner"],
        [e, "editor"],
        [c, "contributor"],
      ] as const
    ).map(([p, role]) =>
      q.insert(db.t.workspaceMembers).values({
        id: uuidv7(),
        workspace_id: workspaceId,
        user_id: p.id,
        role,
        status: "active",
        joined_at: new Date(),
      }),
    ),
    ...(
      [
        [x, "twitter", "paris_x"],
        [linkedin, "linkedin", "paris_in"],
      ] as const
    ).map(([id, platform, username]) =>
      q.insert(db.t.socialMediaAccounts).values({
        id,
        workspace_id: workspaceId,
        platform,
        account_id: `sandbox-${username}`,
        username,
        status: "active",
        account_info: { sandbox: true },
      }),
    ),
  ]);
  const tokenFor = async (id: string) =>
    (await createToken(db, { userId: id, name: "test", abilities: ["social:read", "social:write"], expiresAt: null }))
      .plainTextToken;
  owner = { id: o.id, token: await tokenFor(o.id) };
  editor = { id: e.id, token: await tokenFor(e.id) };
  contributor = { id: c.id, token: await tokenFor(c.id) };
});
afterAll(() => mysql?.drop());

describe("the posts API on MySQL", () => {
  it("composes one post per account in one group, at a local time read in the workspace's zone", async () => {
    const day = inDays(10).toISOString().slice(0, 10);
    const { data, group_id } = await compose(owner, {
      account_ids: [x, linkedin.toUpperCase()],
      content: "Bonjour à tous 👋",
      hashtags: ["#launch", "paris"],
      status: "scheduled",
      scheduled_at: `${day}T09:30`,
    });
    expect(data).toHaveLength(2);
    expect(new Set(data.map((p) => p.social_media_account_id))).toEqual(new Set([x, linkedin]));
    expect(data.every((p) => p.group_id === group_id && p.status === "scheduled")).toBe(true);
    // 09:30 in Paris is 08:30 or 07:30 UTC, depending on the season.
    const offset = new Date(`${day}T12:00:00Z`).toLocaleString("en-US", {
      timeZone: "Europe/Paris",
      hour: "2-digit",
      hour12: false,
    });
    expect(data[0]?.scheduled_at).toBe(`${day}T${String(9 - (Number(offset) - 12)).padStart(2, "0")}:30:00.000Z`);
    expect(data[0]?.content).toBe("Bonjour à tous 👋");
    const [entry] = await activity("social_media_post.created", data[0]?.id);
    expect(entry?.metadata).toMatchObject({ group_id, post_ids: data.map((p) => p.id), status: "scheduled" });
  });

  it("creates nothing when one account is not the workspace's", async () => {
    const before = await call<{ data: Post[] }>(owner, "GET", "/posts?limit=100");
    const res = await call(owner, "POST", "/posts", { account_ids: [x, uuidv7()], content: "Half of it" });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
    const after = await call<{ data: Post[] }>(owner, "GET", "/posts?limit=100");
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  it("refuses a time a MySQL TIMESTAMP cannot hold with 422, and writes nothing", async () => {
    const before = await call<{ data: Post[] }>(owner, "GET", "/posts?limit=100");
    for (const scheduled_at of ["2038-01-19T03:14:08Z", "2040-01-01T10:00", "1960-01-01T10:00:00Z"]) {
      const res = await call(owner, "POST", "/posts", { account_ids: [x], content: "Far off", scheduled_at });
      expect(res.status, scheduled_at).toBe(422);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: "scheduled_at" })]);
    }
    const { data } = await compose(owner, { account_ids: [x], content: "A draft to move" });
    const moved = await call(owner, "PATCH", `/posts/${data[0]?.id}`, { scheduled_at: "2045-05-05T10:00:00Z" });
    expect(moved.status).toBe(422);
    const after = await call<{ data: Post[] }>(owner, "GET", "/posts?limit=100");
    expect(after.body.data.length).toBe(before.body.data.length + 1);
    expect((await call(owner, "GET", `/posts/${data[0]?.id}`)).body.scheduled_at).toBeNull();
  });

  it("lists by status, account, group and time, a page at a time", async () => {
    const group = await compose(owner, {
      account_ids: [x, linkedin],
      content: "Listed",
      status: "scheduled",
      scheduled_at: inDays(20).toISOString(),
    });
    await compose(owner, { account_ids: [x], content: "A draft to list" });
    const byGroup = await call<{ data: Post[] }>(owner, "GET", `/posts?group_id=${group.group_id}`);
    expect(byGroup.body.data.map((p) => p.id).sort()).toEqual(group.data.map((p) => p.id).sort());
    const drafts = await call<{ data: Post[] }>(owner, "GET", `/posts?status=draft&account_id=${x}`);
    expect(drafts.body.data.map((p) => p.content)).toContain("A draft to list");
    expect(drafts.body.data.every((p) => p.status === "draft" && p.social_media_account_id === x)).toBe(true);
    const several = await call<{ data: Post[] }>(owner, "GET", "/posts?status=draft,scheduled&limit=100");
    expect(new Set(several.body.data.map((p) => p.status))).toEqual(new Set(["draft", "scheduled"]));
    const window = await call<{ data: Post[] }>(
      owner,
      "GET",
      `/posts?from=${inDays(19).toISOString()}&to=${inDays(21).toISOString()}`,
    );
    expect(window.body.data.map((p) => p.id).sort()).toEqual(group.data.map((p) => p.id).sort());

    // Newest first, one at a time, every post once.
    const all = await call<{ data: Post[] }>(owner, "GET", "/posts?limit=100");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { data: Post[]; next_cursor: string | null } } = await call(
        owner,
        "GET",
        `/posts?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((p) => p.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.body.data.map((p) => p.id));
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("answers the calendar's range in time order, and refuses a range too long", async () => {
    const late = await compose(owner, {
      account_ids: [x],
      content: "Late in the range",
      status: "scheduled",
      scheduled_at: inDays(31, 18).toISOString(),
    });
    const early = await compose(owner, {
      account_ids: [linkedin],
      content: "Early in the range",
      status: "scheduled",
      scheduled_at: inDays(30, 6).toISOString(),
    });
    await compose(owner, {
      account_ids: [x],
      content: "After the range",
      status: "scheduled",
      scheduled_at: inDays(33).toISOString(),
    });
    const range = `from=${inDays(30, 0).toISOString()}&to=${inDays(32, 0).toISOString()}`;
    const res = await call<{ data: Post[]; time_zone: string }>(owner, "GET", `/posts/calendar?${range}`);
    expect(res.status).toBe(200);
    expect(res.body.time_zone).toBe("Europe/Paris");
    expect(res.body.data.map((p) => p.content)).toEqual(["Early in the range", "Late in the range"]);
    const one = await call<{ data: Post[] }>(owner, "GET", `/posts/calendar?${range}&account_id=${x}`);
    expect(one.body.data.map((p) => p.id)).toEqual([late.data[0]?.id]);
    expect(early.data[0]?.status).toBe("scheduled");
    const tooLong = await call(
      owner,
      "GET",
      `/posts/calendar?from=${inDays(0).toISOString()}&to=${inDays(90).toISOString()}`,
    );
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.code).toBe("validation_failed");
  });

  it("edits a post, and refuses an edit made against an older version", async () => {
    const { data } = await compose(owner, {
      account_ids: [x],
      content: "First words",
      status: "scheduled",
      scheduled_at: inDays(5).toISOString(),
    });
    const id = data[0]?.id;
    const moved = inDays(6).toISOString();
    const res = await call(owner, "PATCH", `/posts/${id}`, { content: "Better words", scheduled_at: moved });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ content: "Better words", scheduled_at: moved, status: "scheduled" });
    expect(await activity("social_media_post.updated", id)).toHaveLength(1);
    const stale = await app.request(
      `/api/v1/workspaces/${workspaceId}/posts/${id}`,
      {
        method: "PATCH",
        headers: { Authorization: `Bearer ${owner.token}`, "Content-Type": "application/json", "If-Match": '"stale"' },
        body: JSON.stringify({ content: "Lost update" }),
      },
      env,
    );
    expect(stale.status).toBe(412);
    const now = await call(owner, "GET", `/posts/${id}`);
    expect(now.body.content).toBe("Better words");
  });

  it("sends a contributor's post for approval; an editor approves it, never its author", async () => {
    const { data } = await compose(contributor, {
      account_ids: [linkedin],
      content: "May I?",
      status: "scheduled",
      scheduled_at: inDays(3).toISOString(),
    });
    const id = data[0]?.id;
    expect(data[0]?.status).toBe("pending_approval");
    const pending = await call<{ data: Post[] }>(editor, "GET", "/posts?status=pending_approval");
    expect(pending.body.data.map((p) => p.id)).toContain(id);

    const own = await call(contributor, "POST", `/posts/${id}/approve`, {});
    expect(own.status).toBe(403);
    const approved = await call(editor, "POST", `/posts/${id}/approve`, { comment: "Go" });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "scheduled", approved_by: editor.id, review_comment: "Go" });
    const [entry] = await activity("social_media_post.approved", id);
    expect(entry?.user_id).toBe(editor.id);
    const again = await call(editor, "POST", `/posts/${id}/approve`, {});
    expect(again.status).toBe(409);

    // Changing the words of an approved post sends it back for approval.
    const edited = await call(contributor, "PATCH", `/posts/${id}`, { content: "May I, really?" });
    expect(edited.body.status).toBe("pending_approval");

    // So does moving its time.
    const reapproved = await call(editor, "POST", `/posts/${id}/approve`, {});
    expect(reapproved.body).toMatchObject({ status: "scheduled" });
    const moved = await call(contributor, "PATCH", `/posts/${id}`, { scheduled_at: inDays(4).toISOString() });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe("pending_approval");
  });

  it("sends a pending post back to its author with a comment", async () => {
    const { data } = await compose(contributor, {
      account_ids: [x],
      content: "Too bold?",
      status: "scheduled",
      scheduled_at: inDays(4).toISOString(),
    });
    const id = data[0]?.id;
    const noComment = await call(editor, "POST", `/posts/${id}/reject`, {});
    expect(noComment.status).toBe(422);
    const rejected = await call(editor, "POST", `/posts/${id}/reject`, { comment: "Tone it down" });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: "draft", review_comment: "Tone it down" });
    expect(await activity("social_media_post.rejected", id)).toHaveLength(1);
  });

  it("retries failed posts in bulk or by id, and an unconfirmed one alone", async () => {
    const made = await Promise.all(
      [1, 2, 3].map((n) =>
        compose(owner, {
          account_ids: [x],
          content: `Will fail ${n}`,
          status: "scheduled",
          scheduled_at: inDays(2).toISOString(),
        }),
      ),
    );
    const [a, b, c] = made.map((m) => m.data[0]?.id as string) as [string, string, string];
    for (const id of [a, b, c]) {
      await setRow(id, { status: "failed", failure_reason: "The network said no.", publish_attempts: 5 });
    }
    const some = await call<{ retried: number }>(owner, "POST", "/posts/retry", { post_ids: [a] });
    expect(some.body.retried).toBe(1);
    const retried = await call(owner, "GET", `/posts/${a}`);
    expect(retried.body).toMatchObject({ status: "scheduled", publish_attempts: 0, failure_reason: null });
    expect((await call(owner, "GET", `/posts/${b}`)).body.status).toBe("failed");

    const rest = await call<{ retried: number }>(owner, "POST", "/posts/retry", { all_failed: true });
    expect(rest.body.retried).toBe(2);
    for (const id of [b, c]) expect((await call(owner, "GET", `/posts/${id}`)).body.status).toBe("scheduled");
    expect(await activity("social_media_post.retried")).toHaveLength(2);
    // Nothing failed is left: a second bulk retry does nothing.
    expect((await call<{ retried: number }>(owner, "POST", "/posts/retry", { all_failed: true })).body.retried).toBe(0);

    await setRow(a, { status: "unconfirmed", failure_reason: "It may have been published." });
    const bulk = await call<{ retried: number }>(owner, "POST", "/posts/retry", { post_ids: [a] });
    expect(bulk.body.retried).toBe(0);
    const single = await call(owner, "POST", `/posts/${a}/retry`);
    expect(single.status).toBe(200);
    expect(single.body.status).toBe("scheduled");
    const contributorRetry = await call(contributor, "POST", `/posts/${a}/retry`);
    expect(contributorRetry.status).toBe(403);
  });

  it("reads engagement back for the charts: a post's days and an account's days in the workspace's zone", async () => {
    const { data } = await compose(owner, { account_ids: [linkedin], content: "Counted" });
    const id = data[0]?.id as string;
    // 23:30 UTC on 1 June is 01:30 on 2 June in Paris.
    await setRow(id, {
      status: "published",
      published_at: new Date("2026-06-01T23:30:00Z"),
      engagement_metrics: {
        likes: 9,
        comments: 2,
        synced_at: "2026-06-03T08:00:00.000Z",
        history: [
          { date: "2026-06-02", values: { likes: 4, comments: 1 } },
          { date: "2026-06-03", values: { likes: 9, comments: 2 } },
        ],
      },
    });
    const post = await call<{ latest: Record<string, number>; series: unknown[]; metrics: string[] }>(
      owner,
      "GET",
      `/posts/${id}/metrics`,
    );
    expect(post.status).toBe(200);
    expect(post.body).toMatchObject({ metrics: ["comments", "likes"], latest: { likes: 9, comments: 2 } });
    expect(post.body.series).toHaveLength(2);
    const account = await call<{ series: { date: string; posts: number; values: Record<string, number> }[] }>(
      owner,
      "GET",
      `/social-accounts/${linkedin}/metrics?from=2026-06-01&to=2026-06-02`,
    );
    expect(account.status).toBe(200);
    expect(account.body.series).toEqual([
      { date: "2026-06-01", posts: 0, values: { comments: 0, likes: 0 } },
      { date: "2026-06-02", posts: 1, values: { comments: 2, likes: 9 } },
    ]);
  });
});
