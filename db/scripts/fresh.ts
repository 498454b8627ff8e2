// npm run db:fresh [-- --mysql [--force] | --persist-to <dir>] — throw the development database
// away, migrate from nothing and seed the demo data. It asks nothing: it is meant for
// databases whose contents do not matter.
import { runSeed } from "../seed/run-seed";
import { applyMigrations } from "./apply-migrations";
import { parseDbArgs } from "./parse-db-args";
import { resetDatabase } from "./reset-database";
import { runScript } from "./run-script";

await runScript(async () => {
  const args = { ...parseDbArgs(process.argv.slice(2)), ifEmpty: false };
  console.log(`Rebuilding ${args.label}: reset, migrate, seed.\n`);
  await resetDatabase(args);
  await applyMigrations(args);
  await runSeed(args);
});
