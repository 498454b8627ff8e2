// Brings a database up to the latest migration: local D1 through wrangler (which keeps
// its own d1_migrations table), MySQL through drizzle's migrator (`__drizzle_migrations`),
// exactly as production applies them.
import { join } from "node:path";
import { drizzle } from "drizzle-orm/mysql2";
import { migrate } from "drizzle-orm/mysql2/migrator";
import { connectMySql } from "../connect-mysql";
import type { DbArgs } from "./parse-db-args";
import { projectRoot } from "./project-root";
import { runWrangler } from "./run-wrangler";

export const mysqlMigrationsFolder = join(projectRoot, "db", "migrations", "mysql");

export async function applyMigrations(args: DbArgs): Promise<void> {
  console.log(`→ Applying migrations to ${args.label}`);
  if (args.target === "d1") {
    await runWrangler(["d1", "migrations", "apply", "DB", "--local", ...args.persistFlag]);
    return;
  }
  const connection = connectMySql(args.url);
  try {
    await migrate(drizzle(connection.pool), { migrationsFolder: mysqlMigrationsFolder });
    console.log(`✔ Migrations from db/migrations/mysql applied.`);
  } finally {
    await connection.close();
  }
}
