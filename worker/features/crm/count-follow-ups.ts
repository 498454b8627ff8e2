import { and, count, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { WorkspaceClock } from "../../lib/workspace-clock";
import { followUpWindow } from "./follow-up-window";

/** The badge's query: one range read of idx_ws_follow_up up to the end of today. */
export function followUpCountQuery(db: Database, workspaceId: string, clock: WorkspaceClock) {
  const t = db.t.crmContacts;
  const todayBegan = followUpWindow("today", clock).from as Date;
  const tomorrowBegins = followUpWindow("today", clock).before as Date;
  return db.q
    .select({
      due: count(),
      overdue: sql<string | number | null>`sum(case when ${lt(t.next_follow_up, todayBegan)} then 1 else 0 end)`,
    })
    .from(t)
    .where(and(eq(t.workspace_id, workspaceId), lt(t.next_follow_up, tomorrowBegins)));
}

/**
 * The navigation badge: contacts whose follow-up was due before today, and those due
 * today, in the workspace's time zone.
 */
export async function countFollowUps(
  db: Database,
  workspaceId: string,
  clock: WorkspaceClock,
): Promise<{ overdue: number; today: number }> {
  const [row] = await followUpCountQuery(db, workspaceId, clock);
  // SUM is a DECIMAL on MySQL (a string on the wire) and NULL over no rows.
  const overdue = Number(row?.overdue ?? 0);
  return { overdue, today: Number(row?.due ?? 0) - overdue };
}
