// npm run db:export [-- --mysql] — an SQL backup of the local database in backups/.
import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { parseDbArgs } from "./parse-db-args";
import { projectRoot } from "./project-root";
import { runScript } from "./run-script";
import { runWrangler } from "./run-wrangler";
import { shortPath } from "./short-path";

await runScript(async () => {
  const args = parseDbArgs(process.argv.slice(2));
  const backups = join(projectRoot, "backups");
  await mkdir(backups, { recursive: true });
  // 2026-05-01T09-30-12Z: sortable, and no colons, which some file systems refuse.
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
  const file = join(backups, `mewayz-${stamp}Z.sql`);

  if (args.target === "d1") {
    if (args.persistFlag.length > 0) {
      // `wrangler d1 export --local` always reads .wrangler/state next to wrangler.toml.
      throw new Error("wrangler d1 export has no --persist-to; it can only export the default local database.");
    }
    console.log(`→ Exporting ${args.label}`);
    await runWrangler(["d1", "export", "DB", "--local", "--output", file]);
  } else {
    console.log(`→ Exporting ${args.label}`);
    await mysqldump(args.url, file);
  }
  console.log(`\n✔ Backup written to ${shortPath(file)}`);
});

function mysqldump(url: string, file: string): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  if (!database) throw new Error("DATABASE_URL names no database to export.");
  const options = [
    `--host=${target.hostname}`,
    `--port=${target.port || "3306"}`,
    `--user=${decodeURIComponent(target.username || "root")}`,
    "--single-transaction",
    // Without it MySQL 8 wants the PROCESS privilege just to dump tablespaces, which a backup never needs.
    "--no-tablespaces",
    `--result-file=${file}`,
    database,
  ];
  return new Promise((resolve, reject) => {
    // The password goes through the environment, not argv, where `ps` would show it.
    const password = decodeURIComponent(target.password);
    const env = password ? { ...process.env, MYSQL_PWD: password } : process.env;
    const child = spawn("mysqldump", options, { stdio: ["ignore", "inherit", "inherit"], env });
    child.on("error", (error: Error & { code?: string }) =>
      reject(
        error.code === "ENOENT"
          ? new Error("mysqldump is not installed (or not on PATH), so the MySQL database cannot be exported.")
          : error,
      ),
    );
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`mysqldump failed (exit code ${code}).`))));
  });
}
