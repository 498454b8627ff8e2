// Gives contacts written without them their tag rows and search terms. An existing Mewayz
// database imported as is holds contacts and nothing else: until this has run, they are
// listed but no search or tag filter finds them. The app writes both with every contact,
// so once this has run there is nothing left for it to do.
import { and, asc, eq, gt, notExists, sql } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { reindexContactStatements } from "./contact-statements";

/** Contacts indexed per atomic unit: a few wide statements each, whatever the dialect. */
const PAGE_SIZE = 250;

export type IndexingProgress = { indexed: number };

/** Walks every contact in id order, indexing those with no search term yet; answers how many it indexed. */
export async function indexUnindexedContacts(
  db: Database,
  onProgress: (progress: IndexingProgress) => void = () => {},
): Promise<IndexingProgress> {
  const { crmContacts: c, crmContactTerms: terms } = db.t;
  const progress: IndexingProgress = { indexed: 0 };
  let after = "";
  for (;;) {
    const page = await db.q
      .select()
      .from(c)
      .where(
        and(gt(c.id, after), notExists(db.q.select({ one: sql`1` }).from(terms).where(eq(terms.contact_id, c.id)))),
      )
      .orderBy(asc(c.id))
      .limit(PAGE_SIZE);
    if (page.length === 0) return progress;
    // A contact with no word to index (no name, no address) stays without terms: the
    // cursor, not the NOT EXISTS, is what moves past it.
    after = page[page.length - 1]!.id;
    await db.atomic((q) => reindexContactStatements(q, db, page));
    progress.indexed += page.length;
    onProgress(progress);
  }
}
