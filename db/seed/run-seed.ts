// The Node side of `npm run db:seed`: opens the chosen database, honours --if-empty,
// seeds, and tells the person at the terminal how to sign in.
import { eq } from "drizzle-orm";
import { openDatabase } from "../scripts/open-database";
import type { DbArgs } from "../scripts/parse-db-args";
import { demoLogin } from "./demo-login";
import { seedDemoData } from "./seed-demo-data";

export async function runSeed(args: DbArgs): Promise<void> {
  const { db, close } = await openDatabase(args);
  try {
    const { t } = db;
    if (args.ifEmpty) {
      const anyUser = await db.q.select({ id: t.users.id }).from(t.users).limit(1);
      if (anyUser.length > 0) {
        console.log(`✔ ${args.label} already has users; not seeding (--if-empty).`);
        printLogin();
        return;
      }
    }
    const demoUser = await db.q
      .select({ id: t.users.id })
      .from(t.users)
      .where(eq(t.users.email, demoLogin.email))
      .limit(1);
    if (demoUser.length > 0) {
      throw new Error(
        `The demo data is already in ${args.label} (${demoLogin.email} exists). Run \`npm run db:fresh\` to start over.`,
      );
    }

    console.log(`→ Seeding demo data into ${args.label}`);
    const seeded = await seedDemoData(db);
    for (const [table, count] of Object.entries(seeded.rows)) console.log(`  ${table}: ${count}`);
    console.log("✔ Demo data seeded.");
    printLogin();
  } finally {
    await close();
  }
}

function printLogin(): void {
  console.log(`\nDemo login: ${demoLogin.email} / ${demoLogin.password}   (${demoLogin.url})\n`);
}
