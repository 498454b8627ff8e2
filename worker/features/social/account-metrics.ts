import { and, eq, gte, lt } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { addDays, type CalendarDay, startOfZonedDay, zonedDay } from "../../lib/zoned-time";
import { type MetricValues, metricValues } from "./engagement-history";

/** Posts read for one chart at most: a year of ten posts a day, with room to spare. */
const MAX_POSTS = 5000;

export const dayKey = (d: CalendarDay) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

export type AccountMetrics = {
  metrics: string[];
  totals: { posts: number; values: MetricValues };
  series: { date: string; posts: number; values: MetricValues }[];
};

const add = (into: MetricValues, values: MetricValues) => {
  for (const [k, v] of Object.entries(values)) into[k] = (into[k] ?? 0) + v;
};

/**
 * An account's engagement per day of its workspace's calendar: for each day from `from`
 * to `to` (both included), the posts published that day and the sum of their latest
 * metrics. Every day is in the series, with zeros when nothing went out.
 */
export async function accountMetrics(
  db: Database,
  where: { workspaceId: string; accountId: string },
  range: { from: CalendarDay; to: CalendarDay; timeZone: string },
): Promise<AccountMetrics> {
  const t = db.t.socialMediaPosts;
  const rows = await db.q
    .select({ published_at: t.published_at, engagement_metrics: t.engagement_metrics })
    .from(t)
    .where(
      and(
        eq(t.workspace_id, where.workspaceId),
        eq(t.social_media_account_id, where.accountId),
        eq(t.status, "published"),
        gte(t.published_at, startOfZonedDay(range.from, range.timeZone)),
        lt(t.published_at, startOfZonedDay(addDays(range.to, 1), range.timeZone)),
      ),
    )
    .limit(MAX_POSTS);
  const byDay = new Map<string, { posts: number; values: MetricValues }>();
  const totals = { posts: 0, values: {} as MetricValues };
  for (const row of rows) {
    if (!row.published_at) continue;
    const key = dayKey(zonedDay(row.published_at, range.timeZone));
    const day = byDay.get(key) ?? { posts: 0, values: {} };
    const values = metricValues(row.engagement_metrics);
    day.posts++;
    add(day.values, values);
    byDay.set(key, day);
    totals.posts++;
    add(totals.values, values);
  }
  const metrics = Object.keys(totals.values).sort();
  const series: AccountMetrics["series"] = [];
  for (let d = range.from; dayKey(d) <= dayKey(range.to); d = addDays(d, 1)) {
    const found = byDay.get(dayKey(d));
    series.push({
      date: dayKey(d),
      posts: found?.posts ?? 0,
      values: Object.fromEntries(metrics.map((m) => [m, found?.values[m] ?? 0])),
    });
  }
  return { metrics, totals, series };
}
