import { lt } from "drizzle-orm";
import type { Database } from "../../../db/database";

/** Drops cache entries and locks whose expiration (Unix seconds, as Laravel writes them) has passed. */
export async function pruneExpiredCache(db: Database, now = new Date()): Promise<{ cache: number; locks: number }> {
  const seconds = Math.floor(now.getTime() / 1000);
  const [cache, locks] = await db.atomic((q) => [
    q.delete(db.t.cache).where(lt(db.t.cache.expiration, seconds)),
    q.delete(db.t.cacheLocks).where(lt(db.t.cacheLocks.expiration, seconds)),
  ]);
  return { cache: cache?.rowsAffected ?? 0, locks: locks?.rowsAffected ?? 0 };
}
