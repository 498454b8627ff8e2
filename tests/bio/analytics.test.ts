import { runDurableObjectAlarm } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Analytics } from "../../worker/features/bio/analytics-schema";
import { signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { counter_, createPage, database, pagesPath, visit } from "./bio-helpers";

const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148 Instagram";
const DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140 Safari/537.36";

async function setUp() {
  const person = await signUp();
  const workspace = await createWorkspace(person.client);
  const page = await createPage(person.client, workspace.id, {
    is_active: true,
    links: [
      { id: "one", title: "One", url: "https://one.example/" },
      { id: "two", title: "Two", url: "https://two.example/" },
    ],
  });
  return { ...person, workspace, page };
}

const statRows = async (pageId: string) => {
  const db = database();
  return db.q.select().from(db.t.linkInBioStats).where(eq(db.t.linkInBioStats.page_id, pageId));
};

/** Reads the analytics (which flushes the counters first) until they show what `done` waits for. */
async function analyticsUntil(read: () => Promise<Response>, done: (a: Analytics) => boolean): Promise<Analytics> {
  let last: Analytics | null = null;
  // Counts made after a response (waitUntil) can land a moment later than the response itself.
  for (let attempt = 0; attempt < 40; attempt++) {
    const res = await read();
    expect(res.status).toBe(200);
    last = (await res.json()) as Analytics;
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 25));
  }
  return last as Analytics;
}

describe("bio page analytics", () => {
  it("counts every view (cache hits too) and click, with uniques, without a database write per hit", async () => {
    const { client, workspace, page } = await setUp();
    const a = { ip: "198.51.100.1", headers: { "User-Agent": PHONE, Referer: "https://www.instagram.com/maya" } };
    const b = { ip: "198.51.100.2", headers: { "User-Agent": DESKTOP } };
    for (let i = 0; i < 3; i++) await (await visit(`/${page.slug}`, a)).arrayBuffer();
    for (let i = 0; i < 2; i++) await (await visit(`/${page.slug}`, b)).arrayBuffer();
    await visit(`/l/${page.id}/one`, a);
    await visit(`/l/${page.id}/one`, a);
    await visit(`/l/${page.id}/one`, b);
    await visit(`/l/${page.id}/two`, a);
    // A bot is not a visitor.
    await (await visit(`/${page.slug}`, { headers: { "User-Agent": "facebookexternalhit/1.1" } })).arrayBuffer();

    await new Promise((r) => setTimeout(r, 50));
    expect(await statRows(page.id)).toEqual([]); // counted in the counters, not yet in the database

    const stats = await analyticsUntil(
      () => client.fetch(pagesPath(workspace.id, `/${page.id}/analytics`)),
      (s) => s.totals.views === 5 && s.totals.clicks === 4,
    );
    expect(stats.totals).toEqual({ views: 5, unique_views: 2, clicks: 4, unique_clicks: 2, ctr: 0.8 });
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.series.at(-1)).toEqual({ date: today, views: 5, unique_views: 2, clicks: 4 });
    expect(stats.series).toHaveLength(30);
    expect(stats.links).toEqual([
      { id: "one", title: "One", clicks: 3, unique_clicks: 2, ctr: 0.6 },
      { id: "two", title: "Two", clicks: 1, unique_clicks: 1, ctr: 0.2 },
    ]);
    expect(stats.referrers).toEqual([
      { value: "instagram.com", views: 3 },
      { value: "direct", views: 2 },
    ]);
    expect(stats.devices).toEqual([
      { value: "mobile", views: 3 },
      { value: "desktop", views: 2 },
    ]);
    expect(stats.countries).toEqual([{ value: "XX", views: 5 }]);

    const row = (await (await client.fetch(pagesPath(workspace.id, `/${page.id}`))).json()) as {
      total_views: number;
      total_clicks: number;
    };
    expect(row).toMatchObject({ total_views: 5, total_clicks: 4 });
    // No address is stored: only hashes.
    const db = database();
    const visitors = await db.q
      .select()
      .from(db.t.linkInBioVisitors)
      .where(eq(db.t.linkInBioVisitors.page_id, page.id));
    expect(visitors.length).toBeGreaterThan(0);
    for (const v of visitors) expect(v.visitor).toMatch(/^[0-9a-f]{64}$/);
  });

  it("flushes on the counter's alarm, adding to what is there", async () => {
    const { page } = await setUp();
    const stub = counter_(`page:${page.id}`);
    /** Runs the counter's alarm once the worker has handed it the buffered click (within BUFFER_MS). */
    const alarmRuns = async () => {
      for (let attempt = 0; attempt < 60; attempt++) {
        if (await runDurableObjectAlarm(stub)) return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      return false;
    };
    await visit(`/l/${page.id}/two`, { ip: "192.0.2.9" });
    expect(await alarmRuns()).toBe(true);
    await visit(`/l/${page.id}/two`, { ip: "192.0.2.10" });
    expect(await alarmRuns()).toBe(true);
    const rows = await statRows(page.id);
    expect(rows.find((r) => r.dimension === "link" && r.value === "two")?.clicks).toBe(2);
    const db = database();
    const [pageRow] = await db.q
      .select({ total_clicks: db.t.linkInBioPages.total_clicks })
      .from(db.t.linkInBioPages)
      .where(eq(db.t.linkInBioPages.id, page.id));
    expect(pageRow?.total_clicks).toBe(2);
  });

  it("lets viewers read analytics, refuses ranges over 90 days, and hides other workspaces' pages", async () => {
    const { client, workspace, page } = await setUp();
    const viewer = await teammate(workspace.id, "viewer");
    expect((await viewer.client.fetch(pagesPath(workspace.id, `/${page.id}/analytics`))).status).toBe(200);
    const long = await client.fetch(pagesPath(workspace.id, `/${page.id}/analytics?from=2026-01-01&to=2026-06-01`));
    expect(long.status).toBe(422);
    const other = await setUp();
    expect((await other.client.fetch(pagesPath(other.workspace.id, `/${page.id}/analytics`))).status).toBe(404);
  });
});
