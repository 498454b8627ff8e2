// npm run db:migrate [-- --mysql | --persist-to <dir>] — apply pending migrations.
import { applyMigrations } from "./apply-migrations";
import { parseDbArgs } from "./parse-db-args";
import { runScript } from "./run-script";

await runScript(() => applyMigrations(parseDbArgs(process.argv.slice(2))));
