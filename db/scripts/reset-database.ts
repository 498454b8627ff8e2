// Throws a development database away entirely, so migrations and seeds start from nothing.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import type { DbArgs } from "./parse-db-args";
import { shortPath } from "./short-path";

export async function resetDatabase(args: DbArgs): Promise<void> {
  if (args.target === "d1") {
    // Only the D1 state: KV, R2 or Durable Object state next to it is not the database's to delete.
    const d1State = join(args.persistDir, "v3", "d1");
    console.log(`→ Deleting the local D1 state in ${shortPath(d1State)}`);
    await rm(d1State, { recursive: true, force: true });
    return;
  }

  // DATABASE_URL may well point at a PlanetScale branch; dropping everything there takes a deliberate --force.
  const host = new URL(args.url).hostname;
  if (!["localhost", "127.0.0.1", "[::1]"].includes(host) && !args.force) {
    throw new Error(
      `Not dropping the tables on ${host}: db:fresh only resets a MySQL server on this machine unless given --force.`,
    );
  }
  console.log(`→ Dropping every table in ${args.label}`);
  // One connection, because FOREIGN_KEY_CHECKS is per session and must hold for every DROP.
  const connection = await createConnection({ uri: args.url });
  try {
    const [rows] = await connection.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
    );
    const names = (rows as { name: string }[]).map((row) => row.name);
    await connection.query("SET FOREIGN_KEY_CHECKS = 0");
    for (const name of names) {
      await connection.query(`DROP TABLE IF EXISTS \`${name.replace(/`/g, "``")}\``);
    }
    await connection.query("SET FOREIGN_KEY_CHECKS = 1");
    console.log(`✔ Dropped ${names.length} table(s)${names.length > 0 ? `: ${names.join(", ")}` : ""}.`);
  } finally {
    await connection.end();
  }
}
