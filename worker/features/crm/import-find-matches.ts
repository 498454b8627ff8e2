import { and, eq, min, ne } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { inValues } from "../../../db/write-many";
import type { ContactRow } from "./contact-statements";

/**
 * The workspace's contacts with any of these (normalised, lower-case) emails, each with
 * the first row of this job that already created, updated or skipped it — so a row
 * in a later chunk knows it repeats an earlier row of the same file.
 */
export async function findMatches(
  db: Database,
  where: { workspaceId: string; jobId: string },
  emails: string[],
): Promise<{ contact: ContactRow; firstRow: number | null }[]> {
  const { crmContacts, crmImportRows } = db.t;
  if (emails.length === 0) return [];
  const contacts = await db.q
    .select()
    .from(crmContacts)
    .where(and(eq(crmContacts.workspace_id, where.workspaceId), inValues(db, crmContacts.email, emails)));
  const firstRows = new Map<string, number>();
  if (contacts.length > 0) {
    const rows = await db.q
      .select({ contact_id: crmImportRows.contact_id, first: min(crmImportRows.row_number) })
      .from(crmImportRows)
      .where(
        and(
          eq(crmImportRows.job_id, where.jobId),
          inValues(
            db,
            crmImportRows.contact_id,
            contacts.map((c) => c.id),
          ),
          ne(crmImportRows.outcome, "pending"),
          ne(crmImportRows.outcome, "rejected"),
        ),
      )
      .groupBy(crmImportRows.contact_id);
    for (const r of rows) if (r.contact_id && r.first !== null) firstRows.set(r.contact_id, Number(r.first));
  }
  return contacts.map((contact) => ({ contact, firstRow: firstRows.get(contact.id) ?? null }));
}
