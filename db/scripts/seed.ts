// npm run db:seed [-- --if-empty] [-- --mysql | --persist-to <dir>] — insert the demo data.
import { runSeed } from "../seed/run-seed";
import { parseDbArgs } from "./parse-db-args";
import { runScript } from "./run-script";

await runScript(() => runSeed(parseDbArgs(process.argv.slice(2))));
