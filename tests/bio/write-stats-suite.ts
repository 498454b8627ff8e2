// The analytics flush on either database: counters add to what is there, visitor
// hashes count once per day, and counts for a deleted page are dropped, not failed on.
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "../../db/database";
import { uuidv7 } from "../../db/uuidv7";
import { writeBioStats } from "../../worker/features/bio/write-bio-stats";

async function pageIn(db: Database) {
  const userId = uuidv7();
  const workspaceId = uuidv7();
  const pageId = uuidv7();
  await db.atomic((q) => [
    q.insert(db.t.users).values({ id: userId, name: "Maya", email: `${userId}@example.com`, password: "x" }),
    q.insert(db.t.workspaces).values({ id: workspaceId, name: "Studio", slug: `s-${workspaceId}`, owner_id: userId }),
    q.insert(db.t.linkInBioPages).values({
      id: pageId,
      workspace_id: workspaceId,
      title: "Maya",
      slug: `p-${pageId.slice(-12)}`,
      total_views: 10,
      total_clicks: 1,
    }),
  ]);
  return pageId;
}

export function writeStatsSuite(database: () => Database) {
  it("adds batches to the aggregates and the page totals, and counts each visitor once a day", async () => {
    const db = database();
    const pageId = await pageIn(db);
    const row = (dimension: string, value: string, views: number, clicks: number) => ({
      page_id: pageId,
      day: "2026-05-01",
      dimension,
      value,
      views,
      clicks,
    });
    const visitor = (hash: string, link_id = "") => ({ page_id: pageId, day: "2026-05-01", link_id, visitor: hash });
    await writeBioStats(
      db,
      [row("page", "", 3, 1), row("link", "a", 0, 1), row("country", "FR", 3, 0)],
      [visitor("a".repeat(64)), visitor("b".repeat(64)), visitor("a".repeat(64), "a")],
    );
    const written = await writeBioStats(
      db,
      [row("page", "", 2, 2), row("link", "a", 0, 2), row("country", "FR", 2, 0)],
      [visitor("a".repeat(64)), visitor("c".repeat(64))],
    );
    expect(written).toEqual({ views: 2, clicks: 2 });
    const stats = await db.q.select().from(db.t.linkInBioStats).where(eq(db.t.linkInBioStats.page_id, pageId));
    const byKey = Object.fromEntries(stats.map((s) => [`${s.dimension}:${s.value}`, [s.views, s.clicks]]));
    expect(byKey).toEqual({ "page:": [5, 3], "link:a": [0, 3], "country:FR": [5, 0] });
    const visitors = await db.q.select().from(db.t.linkInBioVisitors).where(eq(db.t.linkInBioVisitors.page_id, pageId));
    expect(visitors).toHaveLength(4);
    const [page] = await db.q.select().from(db.t.linkInBioPages).where(eq(db.t.linkInBioPages.id, pageId));
    expect(page).toMatchObject({ total_views: 15, total_clicks: 4 });
  });

  it("drops counts of a page that no longer exists", async () => {
    const db = database();
    const written = await writeBioStats(
      db,
      [{ page_id: uuidv7(), day: "2026-05-01", dimension: "page", value: "", views: 1, clicks: 0 }],
      [],
    );
    expect(written).toEqual({ views: 0, clicks: 0 });
  });
}
