import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import type { ContactRow } from "./contact-statements";

export const contactNotFound = () => new AppError("not_found", "This contact does not exist in this workspace.");

/** A contact, found only within its workspace: an id of another workspace is not found. */
export async function getContactOrThrow(
  db: Database,
  where: { workspaceId: string; contactId: string },
): Promise<ContactRow> {
  const { crmContacts } = db.t;
  const [row] = await db.q
    .select()
    .from(crmContacts)
    .where(and(eq(crmContacts.workspace_id, where.workspaceId), eq(crmContacts.id, where.contactId.toLowerCase())))
    .limit(1);
  if (!row) throw contactNotFound();
  return row;
}
