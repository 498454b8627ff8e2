// npm run db:show [-- --mysql | --persist-to <dir>] — how many rows each table holds.
import { sql } from "drizzle-orm";
import { tables } from "../schema/tables";
import { formatTable } from "./format-table";
import { openDatabase } from "./open-database";
import { parseDbArgs } from "./parse-db-args";
import { runScript } from "./run-script";

await runScript(async () => {
  const args = parseDbArgs(process.argv.slice(2));
  const { db, close } = await openDatabase(args);
  try {
    const rows: string[][] = [];
    let total = 0;
    let missing = 0;
    for (const { name } of tables) {
      try {
        const [result] = await db.rows<{ count: number | string }>(
          sql`SELECT COUNT(*) AS count FROM ${sql.identifier(name)}`,
        );
        // mysql2 may hand COUNT(*) back as a string; D1 gives a number.
        const count = Number(result?.count ?? 0);
        total += count;
        rows.push([name, String(count)]);
      } catch (error) {
        // A table not migrated yet is worth a row; anything else (no server, no database) is not.
        const reason =
          error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ""}` : "";
        if (!/no such table|doesn't exist/i.test(reason)) throw error;
        missing++;
        rows.push([name, "missing"]);
      }
    }
    rows.push(["total", String(total)]);
    console.log(`${args.label}\n`);
    console.log(formatTable(["table", "rows"], rows, [1]));
    if (missing > 0) console.log(`\n${missing} table(s) missing — run \`npm run db:migrate\`.`);
  } finally {
    await close();
  }
});
