// A post's engagement over time, kept inside its engagement_metrics: the latest numbers
// at the top level (as the seed has them) and one point per UTC day under `history`.
// The sync only follows a post for its first 30 days, so the list stays short and a
// table of its own would hold nothing more.
import type { JsonObject } from "../../../db/schema/json-types";

export type MetricValues = Record<string, number>;
export type MetricPoint = { date: string; values: MetricValues };

const HISTORY_DAYS = 40;
const NOT_METRICS = new Set(["synced_at", "history"]);

/** The numeric metrics of a snapshot (likes, comments, shares, impressions…), whatever the network. */
export function metricValues(metrics: JsonObject | null | undefined): MetricValues {
  const values: MetricValues = {};
  for (const [key, value] of Object.entries(metrics ?? {})) {
    if (!NOT_METRICS.has(key) && typeof value === "number" && Number.isFinite(value)) values[key] = value;
  }
  return values;
}

/** The stored daily points, oldest first; anything malformed is skipped rather than trusted. */
export function historyOf(metrics: JsonObject | null | undefined): MetricPoint[] {
  const raw = metrics?.history;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (p): p is { date: string; values: JsonObject } =>
        !!p &&
        typeof p === "object" &&
        typeof (p as JsonObject).date === "string" &&
        typeof (p as JsonObject).values === "object",
    )
    .map((p) => ({ date: p.date, values: metricValues(p.values) }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The new engagement_metrics after a sync: the fresh numbers, and today's point added or replaced. */
export function withDailyPoint(previous: JsonObject | null | undefined, fresh: JsonObject, now: Date): JsonObject {
  const date = now.toISOString().slice(0, 10);
  const values = metricValues(fresh);
  const history = [...historyOf(previous).filter((p) => p.date !== date), { date, values }].slice(-HISTORY_DAYS);
  return { ...values, synced_at: now.toISOString(), history };
}

/** engagement_metrics as a post's JSON shows it: the latest numbers, without the daily points. */
export function latestMetrics(metrics: JsonObject | null | undefined): JsonObject | null {
  if (!metrics) return null;
  const { history: _history, ...latest } = metrics;
  return latest;
}
