// Fails when the schema changed but its generated code or migrations did not:
// 1. db/schema/generated/* must be what db/schema/generate.ts makes from tables.ts;
// 2. drizzle-kit, run against a copy of each migrations folder, must find nothing to add.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { generatedFiles } from "../schema/generate";

const problems: string[] = [];

for (const [file, make] of Object.entries(generatedFiles)) {
  const onDisk = readFileSync(new URL(`../schema/${file}`, import.meta.url), "utf8");
  if (onDisk !== make()) problems.push(`db/schema/${file} is stale: run npm run db:generate`);
}

for (const [dialect, config] of [
  ["d1", "drizzle.d1.config.ts"],
  ["mysql", "drizzle.mysql.config.ts"],
] as const) {
  // drizzle-kit reads `out` relative to the project, so the copy lives inside it.
  mkdirSync("node_modules/.cache", { recursive: true });
  const copy = mkdtempSync(`node_modules/.cache/migrations-${dialect}-`);
  try {
    cpSync(`db/migrations/${dialect}`, copy, { recursive: true });
    const before = new Set(readdirSync(copy));
    execFileSync("npx", ["drizzle-kit", "generate", "--config", config], {
      env: { ...process.env, MIGRATIONS_OUT: copy },
      stdio: "pipe",
    });
    // drizzle-kit exits 0 even when it could not read the folder: insist on its journal.
    if (!existsSync(`${copy}/meta/_journal.json`)) throw new Error(`drizzle-kit did not read ${copy}`);
    const added = readdirSync(copy).filter((f) => f.endsWith(".sql") && !before.has(f));
    if (added.length)
      problems.push(`db/migrations/${dialect} lacks a migration for the schema: run npm run db:generate`);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

if (problems.length) {
  for (const p of problems) console.error(`✗ ${p}`);
  process.exit(1);
}
console.log("✓ schema, generated code and migrations agree");
