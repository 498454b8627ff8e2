// What the minute cron does for social scheduling: claim due posts (and resume
// waiting ones), refresh tokens about to expire, and every N minutes sync metrics.
import type { Database } from "../../../db/database";
import type { Env } from "../../lib/env";
import { claimDuePosts } from "./claim-due-posts";
import { refreshExpiringAccounts } from "./refresh-expiring-accounts";
import { isMetricsMinute, syncMetrics } from "./sync-metrics";

export async function socialCron(env: Env, db: Database, at: Date) {
  const claims = await claimDuePosts(env, db, at);
  const refreshed = await refreshExpiringAccounts(env, db, at);
  const metrics = isMetricsMinute(env, at) ? await syncMetrics(env, db, at) : 0;
  return { ...claims, refreshed, metrics };
}
