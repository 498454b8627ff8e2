import { sql } from "drizzle-orm";
import type { Database } from "../../../db/database";

export type Health = {
  status: "ok" | "degraded";
  database: { status: "ok" | "unreachable"; dialect: Database["dialect"]; latency_ms: number };
  time: string;
};

/** Asks the database a trivial question, so a broken binding or credential shows here first. */
export async function checkHealth(db: Database): Promise<Health> {
  const started = Date.now();
  let reachable = true;
  try {
    await db.rows(sql`SELECT 1 AS ok`);
  } catch (err) {
    reachable = false;
    console.error(JSON.stringify({ level: "error", msg: "health check failed", error: String(err) }));
  }
  return {
    status: reachable ? "ok" : "degraded",
    database: { status: reachable ? "ok" : "unreachable", dialect: db.dialect, latency_ms: Date.now() - started },
    time: new Date().toISOString(),
  };
}
