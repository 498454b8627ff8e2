import { and, eq, inArray, min, ne } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { ContactRow } from "./contact-statements";

/** D1 binds at most 100 values a statement: emails go 90 to an IN list, beside the workspace id. */
const PER_LIST = 90;

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
  const contacts: ContactRow[] = [];
  for (let i = 0; i < emails.length; i += PER_LIST) {
    contacts.push(
      ...(await db.q
        .select()
        .from(crmContacts)
        .where(
          and(
            eq(crmContacts.workspace_id, where.workspaceId),
            inArray(crmContacts.email, emails.slice(i, i + PER_LIST)),
          ),
        )),
    );
  }
  const firstRows = new Map<string, number>();
  const ids = contacts.map((c) => c.id);
  for (let i = 0; i < ids.length; i += PER_LIST) {
    const rows = await db.q
      .select({ contact_id: crmImportRows.contact_id, first: min(crmImportRows.row_number) })
      .from(crmImportRows)
      .where(
        and(
          eq(crmImportRows.job_id, where.jobId),
          inArray(crmImportRows.contact_id, ids.slice(i, i + PER_LIST)),
          ne(crmImportRows.outcome, "pending"),
          ne(crmImportRows.outcome, "rejected"),
        ),
      )
      .groupBy(crmImportRows.contact_id);
    for (const r of rows) if (r.contact_id && r.first !== null) firstRows.set(r.contact_id, Number(r.first));
  }
  return contacts.map((contact) => ({ contact, firstRow: firstRows.get(contact.id) ?? null }));
}
