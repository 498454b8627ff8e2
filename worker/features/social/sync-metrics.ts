// The slower cron: engagement of posts published in the last 30 days, refreshed at
// most every SOCIAL_METRICS_EVERY_MINUTES (30 by default), oldest sync first; each
// sync also keeps the day's numbers, so a post's engagement can be charted over time.
// metrics_synced_at is when a post's numbers were last asked for, answered or not: a
// post whose numbers cannot be read goes to the back of the line with the others, so
// posts that always fail never hold up the ones behind them.
import { and, asc, eq, gte, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { Env } from "../../lib/env";
import { publishFromJob } from "../../lib/realtime";
import { withDailyPoint } from "./engagement-history";
import { adapterFor, isSandboxAccount } from "./platforms/adapter-for";
import type { Platform } from "./platforms/platform-limits";
import { toPostJson } from "./to-post-json";
import { tokensOrReconnect } from "./tokens-or-reconnect";

const RECENT_DAYS = 30;
const PER_TICK = 100;

export const metricsInterval = (env: Env) => (Number(env.SOCIAL_METRICS_EVERY_MINUTES) || 30) * 60_000;

export async function syncMetrics(env: Env, db: Database, now = new Date()): Promise<number> {
  const p = db.t.socialMediaPosts;
  const a = db.t.socialMediaAccounts;
  const staleBefore = new Date(now.getTime() - metricsInterval(env));
  const rows = await db.q
    .select({ post: p, account: a })
    .from(p)
    .innerJoin(a, eq(a.id, p.social_media_account_id))
    .where(
      and(
        eq(p.status, "published"),
        eq(a.status, "active"),
        gte(p.published_at, new Date(now.getTime() - RECENT_DAYS * 86_400_000)),
        or(isNull(p.metrics_synced_at), lt(p.metrics_synced_at, staleBefore)),
      ),
    )
    .orderBy(asc(p.metrics_synced_at))
    .limit(PER_TICK);
  let synced = 0;
  for (const { post, account } of rows) {
    try {
      if (!post.external_post_id) throw new Error("the post has no id on the network");
      const adapter = adapterFor(env, account.platform as Platform, { sandbox: isSandboxAccount(account) });
      const tokens = await tokensOrReconnect(env, db, account);
      const metrics = await adapter.fetchMetrics(post.external_post_id, {
        tokens,
        account: { account_id: account.account_id, username: account.username, info: account.account_info ?? {} },
      });
      const engagement = withDailyPoint(post.engagement_metrics, metrics, now);
      await db.atomic((q) => [
        q.update(p).set({ engagement_metrics: engagement, metrics_synced_at: now }).where(eq(p.id, post.id)),
      ]);
      synced++;
      await publishFromJob(env, post.workspace_id, [
        {
          entity_type: "social_media_post",
          entity_id: post.id,
          op: "update",
          data: toPostJson({ ...post, engagement_metrics: engagement, metrics_synced_at: now }),
          actor_id: null,
        },
      ]);
    } catch (err) {
      console.warn(JSON.stringify({ level: "warn", msg: "metrics sync failed", post_id: post.id, error: String(err) }));
      // Tried: its turn comes again after the interval, behind everything not yet tried.
      await db.atomic((q) => [q.update(p).set({ metrics_synced_at: now }).where(eq(p.id, post.id))]);
    }
  }
  return synced;
}

/** True on the minutes the metrics sync runs (every N minutes of the hour/day). */
export function isMetricsMinute(env: Env, at: Date): boolean {
  const every = Math.max(1, Math.round(metricsInterval(env) / 60_000));
  return Math.floor(at.getTime() / 60_000) % every === 0;
}
