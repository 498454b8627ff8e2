import { lt } from "drizzle-orm";
import type { Database } from "../../../db/database";

/** Visitor hashes are kept as long as the analytics can ask about them (90 days), and a little longer. */
export const VISITOR_RETENTION_DAYS = 100;

/** Drops the unique-visitor hashes of days no analytics range reaches any more. */
export async function pruneBioVisitors(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - VISITOR_RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [result] = await db.atomic((q) => [
    q.delete(db.t.linkInBioVisitors).where(lt(db.t.linkInBioVisitors.day, cutoff)),
  ]);
  return result?.rowsAffected ?? 0;
}
