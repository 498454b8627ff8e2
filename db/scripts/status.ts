// npm run db:status [-- --mysql | --persist-to <dir>] — which migrations are applied
// and which are pending.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { mysqlMigrationsFolder } from "./apply-migrations";
import { formatTable } from "./format-table";
import type { DbArgs } from "./parse-db-args";
import { parseDbArgs } from "./parse-db-args";
import { runScript } from "./run-script";
import { runWrangler } from "./run-wrangler";

type Journal = { entries: { idx: number; when: number; tag: string }[] };
type AppliedRow = { hash: string; created_at: number | string };

await runScript(async () => {
  const args = parseDbArgs(process.argv.slice(2));
  if (args.target === "d1") {
    await d1Status(args);
    return;
  }
  await mysqlStatus(args);
});

async function d1Status(args: Extract<DbArgs, { target: "d1" }>): Promise<void> {
  console.log(`→ Pending migrations in ${args.label}`);
  await runWrangler(["d1", "migrations", "list", "DB", "--local", ...args.persistFlag]);

  // `migrations list` only ever shows what is pending; the applied ones are in wrangler's own table.
  const query = "SELECT name, applied_at FROM d1_migrations ORDER BY id";
  let applied: { name: string; applied_at: string }[];
  try {
    const output = await runWrangler(
      ["d1", "execute", "DB", "--local", ...args.persistFlag, "--json", "--command", query],
      { capture: true },
    );
    const [result] = JSON.parse(output) as { results: { name: string; applied_at: string }[] }[];
    applied = result?.results ?? [];
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout ?? "";
    if (!stdout.includes("no such table")) throw error;
    applied = [];
  }
  console.log(`\nApplied in ${args.label}:\n`);
  console.log(
    applied.length > 0
      ? formatTable(
          ["migration", "applied at (UTC)"],
          applied.map((row) => [row.name, row.applied_at]),
        )
      : "(none)",
  );
}

async function mysqlStatus(args: Extract<DbArgs, { target: "mysql" }>): Promise<void> {
  const journal = JSON.parse(await readFile(join(mysqlMigrationsFolder, "meta", "_journal.json"), "utf8")) as Journal;
  const applied = await appliedMigrations(args.url);
  const lastApplied = Math.max(0, ...applied.map((row) => Number(row.created_at)));

  // Drizzle's migrator applies a file when its journal time is later than the newest
  // applied migration, so it is matched here on that time, and the hash shows an edit.
  const rows = await Promise.all(
    journal.entries.map(async (entry) => {
      const file = await readFile(join(mysqlMigrationsFolder, `${entry.tag}.sql`), "utf8");
      const hash = createHash("sha256").update(file).digest("hex");
      const row = applied.find((candidate) => Number(candidate.created_at) === entry.when);
      const state = row
        ? row.hash === hash
          ? "applied"
          : "applied, file changed since"
        : entry.when > lastApplied
          ? "pending"
          : "skipped (older than the newest applied)";
      return [entry.tag, state];
    }),
  );
  const known = new Set(journal.entries.map((entry) => entry.when));
  for (const row of applied) {
    if (!known.has(Number(row.created_at))) rows.push([`(${row.hash.slice(0, 12)}…)`, "applied, not in the journal"]);
  }

  console.log(`${args.label}\n`);
  console.log(formatTable(["migration", "status"], rows));
  const pending = rows.filter(([, state]) => state === "pending").length;
  console.log(pending > 0 ? `\n${pending} pending — run \`npm run db:migrate -- --mysql\`.` : "\nUp to date.");
}

async function appliedMigrations(url: string): Promise<AppliedRow[]> {
  const connection = await createConnection({ uri: url });
  try {
    const [tables] = await connection.query("SHOW TABLES LIKE '__drizzle_migrations'");
    if ((tables as unknown[]).length === 0) return [];
    const [rows] = await connection.query("SELECT hash, created_at FROM `__drizzle_migrations` ORDER BY created_at");
    return rows as AppliedRow[];
  } finally {
    await connection.end();
  }
}
