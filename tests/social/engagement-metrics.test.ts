// Engagement charts: a post's numbers day by day since it went out, and an account's
// engagement per day of the workspace's calendar, read only within the workspace.

import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { syncMetrics } from "../../worker/features/social/sync-metrics";
import { errorOf } from "../helpers/api";
import { createPosts, db, inMinutes, isFinal, makeDue, runCron, settled, socialWorkspace } from "./social-helpers";

type Series = { date: string; posts: number; values: Record<string, number> }[];
type AccountMetrics = {
  account_id: string;
  time_zone: string;
  from: string;
  to: string;
  metrics: string[];
  totals: { posts: number; values: Record<string, number> };
  series: Series;
};

async function sandboxAccount(settings: Record<string, unknown> = {}) {
  const { owner, workspace } = await socialWorkspace(settings);
  const connect = async (platform: string) => {
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/sandbox`, {
      method: "POST",
      json: { platform },
    });
    return ((await res.json()) as { id: string }).id;
  };
  return { owner, workspace, connect, accountId: await connect("linkedin") };
}

/** Stores a published post as the publisher and the metrics sync would have left it. */
async function publishedAt(
  who: Awaited<ReturnType<typeof sandboxAccount>>,
  accountId: string,
  at: string,
  metrics: Record<string, number> | null,
  status: "published" | "failed" = "published",
) {
  const { data } = await createPosts(who.owner.client, who.workspace.id, {
    account_ids: [accountId],
    content: `Went out at ${at}`,
  });
  const id = data[0]?.id ?? "";
  const d = db();
  const t = d.t.socialMediaPosts;
  await d.atomic((q) => [
    q
      .update(t)
      .set({
        status,
        published_at: new Date(at),
        engagement_metrics: metrics ? { ...metrics, synced_at: at } : null,
      })
      .where(eq(t.id, id)),
  ]);
  return id;
}

describe("a post's engagement over time", () => {
  it("keeps one point per day of syncs and shows the latest numbers on the post", async () => {
    const { owner, workspace, accountId } = await sandboxAccount();
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [accountId],
      content: "Count me daily",
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    const id = data[0]?.id ?? "";
    await makeDue([id]);
    await runCron();
    expect((await settled(id, isFinal)).status).toBe("published");

    const day = 86_400_000;
    const start = Date.now();
    // Two syncs on the first day (the later one wins), then one on each of the next two days.
    await syncMetrics(env, db(), new Date(start));
    await syncMetrics(env, db(), new Date(start + 2 * 3_600_000));
    await syncMetrics(env, db(), new Date(start + day));
    await syncMetrics(env, db(), new Date(start + 2 * day));

    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/${id}/metrics`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      post_id: string;
      metrics: string[];
      latest: Record<string, number>;
      series: { date: string; values: Record<string, number> }[];
      synced_at: string;
    };
    const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    expect(body.series.map((p) => p.date)).toEqual(
      [...new Set([dayOf(start), dayOf(start + 2 * 3_600_000)])].concat([dayOf(start + day), dayOf(start + 2 * day)]),
    );
    expect(body.metrics).toEqual(expect.arrayContaining(["likes", "impressions"]));
    expect(body.series.at(-1)?.values).toEqual(body.latest);
    // Times are stored to the second.
    expect(Date.parse(body.synced_at)).toBe(Math.floor((start + 2 * day) / 1000) * 1000);

    // The post's own JSON carries the latest numbers, not the daily points.
    const post = (await (await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts?limit=5`)).json()) as {
      data: { id: string; engagement_metrics: Record<string, unknown> }[];
    };
    const json = post.data.find((p) => p.id === id)?.engagement_metrics;
    expect(json).not.toHaveProperty("history");
    expect(json).toMatchObject(body.latest);
  });

  it("answers an empty series for a post that has not gone out", async () => {
    const { owner, workspace, accountId } = await sandboxAccount();
    const { data } = await createPosts(owner.client, workspace.id, { account_ids: [accountId], content: "Draft" });
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/${data[0]?.id}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "draft",
      published_at: null,
      metrics: [],
      latest: {},
      series: [],
    });
  });
});

describe("an account's engagement per day", () => {
  it("sums the metrics of the posts published each day of the workspace's calendar", async () => {
    const who = await sandboxAccount({ timezone: "America/New_York" });
    const { owner, workspace, accountId } = who;
    const other = await who.connect("twitter");
    // 03:00 UTC on the 10th is 23:00 on the 9th in New York.
    await publishedAt(who, accountId, "2026-03-10T03:00:00Z", { likes: 4, impressions: 100 });
    await publishedAt(who, accountId, "2026-03-09T15:00:00Z", { likes: 1, impressions: 20, comments: 2 });
    await publishedAt(who, accountId, "2026-03-11T15:00:00Z", { likes: 7, impressions: 50 });
    await publishedAt(who, accountId, "2026-03-11T16:00:00Z", null);
    // Not counted: a failed post, another account's post, a post outside the range.
    await publishedAt(who, accountId, "2026-03-10T15:00:00Z", { likes: 99 }, "failed");
    await publishedAt(who, other, "2026-03-10T15:00:00Z", { likes: 99 });
    await publishedAt(who, accountId, "2026-03-13T15:00:00Z", { likes: 99 });

    const res = await owner.client.fetch(
      `/api/v1/workspaces/${workspace.id}/social-accounts/${accountId}/metrics?from=2026-03-08&to=2026-03-12`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as AccountMetrics;
    expect(body).toMatchObject({
      account_id: accountId,
      time_zone: "America/New_York",
      from: "2026-03-08",
      to: "2026-03-12",
    });
    expect(body.metrics).toEqual(["comments", "impressions", "likes"]);
    expect(body.series).toEqual([
      { date: "2026-03-08", posts: 0, values: { comments: 0, impressions: 0, likes: 0 } },
      { date: "2026-03-09", posts: 2, values: { comments: 2, impressions: 120, likes: 5 } },
      { date: "2026-03-10", posts: 0, values: { comments: 0, impressions: 0, likes: 0 } },
      { date: "2026-03-11", posts: 2, values: { comments: 0, impressions: 50, likes: 7 } },
      { date: "2026-03-12", posts: 0, values: { comments: 0, impressions: 0, likes: 0 } },
    ]);
    expect(body.totals).toEqual({ posts: 4, values: { comments: 2, impressions: 170, likes: 12 } });
  });

  it("shows the last 30 days by default, and an account with nothing published as zeros", async () => {
    const { owner, workspace, accountId } = await sandboxAccount();
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/${accountId}/metrics`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as AccountMetrics;
    expect(body.series).toHaveLength(30);
    expect(body.to).toBe(new Date().toISOString().slice(0, 10));
    expect(body.totals).toEqual({ posts: 0, values: {} });
    expect(body.series.every((d) => d.posts === 0)).toBe(true);
  });

  it("refuses a range it cannot read, with the field at fault", async () => {
    const { owner, workspace, accountId } = await sandboxAccount();
    const url = (q: string) => `/api/v1/workspaces/${workspace.id}/social-accounts/${accountId}/metrics?${q}`;
    for (const [query, path] of [
      ["from=2026-03-12&to=2026-03-10", "to"],
      ["from=2024-01-01&to=2026-01-01", "from"],
      ["from=2026-02-30", "from"],
      ["to=next-week", "to"],
    ] as const) {
      const res = await owner.client.fetch(url(query));
      expect(res.status, query).toBe(422);
      const error = await errorOf(res);
      expect(error.code).toBe("validation_failed");
      expect(JSON.stringify(error.details), query).toContain(path);
    }
  });

  it("answers 404 for another workspace's account or post", async () => {
    const mine = await sandboxAccount();
    const theirs = await sandboxAccount();
    const { data } = await createPosts(theirs.owner.client, theirs.workspace.id, {
      account_ids: [theirs.accountId],
      content: "Theirs",
    });
    const base = `/api/v1/workspaces/${mine.workspace.id}`;
    const account = await mine.owner.client.fetch(`${base}/social-accounts/${theirs.accountId}/metrics`);
    expect(account.status).toBe(404);
    expect((await errorOf(account)).code).toBe("not_found");
    const post = await mine.owner.client.fetch(`${base}/posts/${data[0]?.id}/metrics`);
    expect(post.status).toBe(404);
    // And their workspace is not mine to read at all.
    const foreign = await mine.owner.client.fetch(
      `/api/v1/workspaces/${theirs.workspace.id}/social-accounts/${theirs.accountId}/metrics`,
    );
    expect(foreign.status).toBe(404);
  });
});
