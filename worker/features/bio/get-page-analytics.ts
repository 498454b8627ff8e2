// A page's analytics over a range of days, from the daily aggregates the counters
// flush: every query is a range scan on (page_id, day, …) of a unique index.
import { and, between, count, countDistinct, eq, ne } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { Analytics } from "./analytics-schema";
import { storedLinks } from "./bio-links";
import type { PageRow } from "./get-page-or-throw";

const TOP = 10;

const ratio = (clicks: number, views: number) => (views > 0 ? Math.round((clicks / views) * 10_000) / 10_000 : 0);

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export async function getPageAnalytics(db: Database, page: PageRow, from: string, to: string): Promise<Analytics> {
  const { linkInBioStats: s, linkInBioVisitors: v } = db.t;
  const inRange = (table: typeof s | typeof v) => and(eq(table.page_id, page.id), between(table.day, from, to));
  const [stats, uniqueViews, uniqueClicksByLink, uniqueClicksByDay] = await Promise.all([
    db.q
      .select({ day: s.day, dimension: s.dimension, value: s.value, views: s.views, clicks: s.clicks })
      .from(s)
      .where(inRange(s)),
    db.q
      .select({ day: v.day, n: count() })
      .from(v)
      .where(and(inRange(v), eq(v.link_id, "")))
      .groupBy(v.day),
    db.q
      .select({ link_id: v.link_id, n: count() })
      .from(v)
      .where(and(inRange(v), ne(v.link_id, "")))
      .groupBy(v.link_id),
    db.q
      .select({ day: v.day, n: countDistinct(v.visitor) })
      .from(v)
      .where(and(inRange(v), ne(v.link_id, "")))
      .groupBy(v.day),
  ]);

  const series = new Map(daysBetween(from, to).map((date) => [date, { date, views: 0, unique_views: 0, clicks: 0 }]));
  const ranked = {
    referrer: new Map<string, number>(),
    country: new Map<string, number>(),
    device: new Map<string, number>(),
  };
  const linkClicks = new Map<string, number>();
  for (const row of stats) {
    if (row.dimension === "page") {
      const point = series.get(row.day);
      if (point) {
        point.views += row.views;
        point.clicks += row.clicks;
      }
    } else if (row.dimension === "link") {
      linkClicks.set(row.value, (linkClicks.get(row.value) ?? 0) + row.clicks);
    } else {
      const map = ranked[row.dimension];
      map.set(row.value, (map.get(row.value) ?? 0) + row.views);
    }
  }
  for (const row of uniqueViews) {
    const point = series.get(row.day);
    if (point) point.unique_views = Number(row.n);
  }
  const points = [...series.values()];
  const views = points.reduce((sum, p) => sum + p.views, 0);
  const clicks = points.reduce((sum, p) => sum + p.clicks, 0);
  const uniqueByLink = new Map(uniqueClicksByLink.map((r) => [r.link_id, Number(r.n)]));
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP)
      .map(([value, n]) => ({ value, views: n }));
  const titles = new Map(storedLinks(page.links).map((l) => [l.id, l.title]));
  const linkIds = new Set([...titles.keys(), ...linkClicks.keys()]);
  return {
    from,
    to,
    interval: "day",
    totals: {
      views,
      unique_views: points.reduce((sum, p) => sum + p.unique_views, 0),
      clicks,
      unique_clicks: uniqueClicksByDay.reduce((sum, r) => sum + Number(r.n), 0),
      ctr: ratio(clicks, views),
    },
    series: points,
    links: [...linkIds]
      .map((id) => ({
        id,
        title: titles.get(id) ?? "(removed link)",
        clicks: linkClicks.get(id) ?? 0,
        unique_clicks: uniqueByLink.get(id) ?? 0,
        ctr: ratio(linkClicks.get(id) ?? 0, views),
      }))
      .sort((a, b) => b.clicks - a.clicks),
    referrers: top(ranked.referrer),
    countries: top(ranked.country),
    devices: top(ranked.device),
  };
}
