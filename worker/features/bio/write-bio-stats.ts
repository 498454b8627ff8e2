// Adds a batch of counted views and clicks to the analytics tables and the page rows'
// totals, in one atomic unit. Counters are added to what is there (an upsert), so
// several counters flushing for one page at once add up; visitor hashes already
// there for the day are skipped, which is what makes unique counts unique.
import { inArray, sql } from "drizzle-orm";
import type { Database, Query, Statement } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";

export type StatRow = { page_id: string; day: string; dimension: string; value: string; views: number; clicks: number };
export type VisitorRow = { page_id: string; day: string; link_id: string; visitor: string };

/** D1 binds at most 100 values per statement. */
const STATS_PER_INSERT = 14;
const VISITORS_PER_INSERT = 20;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

type Dimension = "page" | "link" | "referrer" | "country" | "device";

function upsertStats(q: Query, db: Database, rows: StatRow[]): Statement {
  const t = db.t.linkInBioStats;
  const values = rows.map((r) => ({ ...r, dimension: r.dimension as Dimension, id: uuidv7() }));
  if (db.dialect === "mysql") {
    const builder = q.insert(t).values(values) as unknown as {
      onDuplicateKeyUpdate(config: { set: Record<string, unknown> }): Statement;
    };
    return builder.onDuplicateKeyUpdate({
      set: { views: sql`views + values(views)`, clicks: sql`clicks + values(clicks)` },
    });
  }
  return q
    .insert(t)
    .values(values)
    .onConflictDoUpdate({
      target: [t.page_id, t.day, t.dimension, t.value],
      set: { views: sql`views + excluded.views`, clicks: sql`clicks + excluded.clicks` },
    });
}

function insertVisitors(q: Query, db: Database, rows: VisitorRow[]): Statement {
  const t = db.t.linkInBioVisitors;
  const values = rows.map((r) => ({ ...r, id: uuidv7() }));
  if (db.dialect === "mysql") {
    const builder = q.insert(t) as unknown as { ignore(): { values(rows: unknown[]): Statement } };
    return builder.ignore().values(values);
  }
  return q.insert(t).values(values).onConflictDoNothing();
}

/** Writes the batch; counts for pages deleted since they were counted are dropped. Returns what was written. */
export async function writeBioStats(db: Database, stats: StatRow[], visitors: VisitorRow[]) {
  const ids = [...new Set([...stats.map((r) => r.page_id), ...visitors.map((r) => r.page_id)])];
  if (ids.length === 0) return { views: 0, clicks: 0 };
  const pages = db.t.linkInBioPages;
  const existing = new Set<string>();
  for (const slice of chunks(ids, 90)) {
    const rows = await db.q.select({ id: pages.id }).from(pages).where(inArray(pages.id, slice));
    for (const row of rows) existing.add(row.id);
  }
  const keptStats = stats.filter((r) => existing.has(r.page_id) && (r.views > 0 || r.clicks > 0));
  const keptVisitors = visitors.filter((r) => existing.has(r.page_id));
  const totals = new Map<string, { views: number; clicks: number }>();
  for (const r of keptStats) {
    if (r.dimension !== "page") continue;
    const total = totals.get(r.page_id) ?? { views: 0, clicks: 0 };
    total.views += r.views;
    total.clicks += r.clicks;
    totals.set(r.page_id, total);
  }
  await db.atomic((q) => [
    ...chunks(keptStats, STATS_PER_INSERT).map((slice) => upsertStats(q, db, slice)),
    ...chunks(keptVisitors, VISITORS_PER_INSERT).map((slice) => insertVisitors(q, db, slice)),
    ...[...totals].map(([id, total]) =>
      q
        .update(pages)
        .set({
          total_views: sql`coalesce(${pages.total_views}, 0) + ${total.views}`,
          total_clicks: sql`coalesce(${pages.total_clicks}, 0) + ${total.clicks}`,
          // Counting is not editing: updated_at (and with it the page's ETag) stays as it was.
          updated_at: sql`${pages.updated_at}`,
        })
        .where(inArray(pages.id, [id])),
    ),
  ]);
  let views = 0;
  let clicks = 0;
  for (const total of totals.values()) {
    views += total.views;
    clicks += total.clicks;
  }
  return { views, clicks };
}
