// Refresh ahead of expiry, from the minute cron: accounts whose access token ends
// within the hour are refreshed now (under the per-account lease), so a scheduled
// post never meets an expired token and a dead connection is noticed hours early.
import { and, eq, isNotNull, lte } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { Env } from "../../lib/env";
import { freshTokens } from "./refresh-account";

const AHEAD_MS = 60 * 60_000;

export async function refreshExpiringAccounts(env: Env, db: Database, now = new Date()): Promise<number> {
  const t = db.t.socialMediaAccounts;
  const due = await db.q
    .select({ id: t.id })
    .from(t)
    .where(
      and(
        eq(t.status, "active"),
        isNotNull(t.token_expires_at),
        lte(t.token_expires_at, new Date(now.getTime() + AHEAD_MS)),
      ),
    )
    .limit(200);
  let refreshed = 0;
  for (const { id } of due) {
    try {
      // waitMs 0: an account another run is refreshing right now is left to it.
      await freshTokens(env, db, id, { aheadMs: AHEAD_MS, waitMs: 0 });
      refreshed++;
    } catch (err) {
      // A dead connection is marked and announced inside freshTokens; the rest are tried next minute.
      console.warn(
        JSON.stringify({ level: "warn", msg: "social token refresh failed", account_id: id, error: String(err) }),
      );
    }
  }
  return refreshed;
}
