// npm run db:index-contacts [-- --mysql | --persist-to <dir>] — search terms and tag rows
// for contacts that have none: run it once after importing an existing Mewayz database.
import { indexUnindexedContacts } from "../../worker/features/crm/index-unindexed-contacts";
import { openDatabase } from "./open-database";
import { parseDbArgs } from "./parse-db-args";
import { runScript } from "./run-script";

await runScript(async () => {
  const args = parseDbArgs(process.argv.slice(2));
  const { db, close } = await openDatabase(args);
  try {
    console.log(`→ Indexing the contacts of ${args.label} that have no search terms yet`);
    const { indexed } = await indexUnindexedContacts(db, ({ indexed }) => console.log(`  ${indexed} indexed`));
    console.log(indexed ? `✔ ${indexed} contacts indexed.` : "✔ Every contact was already indexed.");
  } finally {
    await close();
  }
});
