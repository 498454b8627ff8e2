import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";

/** The id of the workspace's contact with this (lower-cased) email, if there is one. */
export async function findContactByEmail(db: Database, workspaceId: string, email: string): Promise<string | null> {
  const { crmContacts } = db.t;
  const [row] = await db.q
    .select({ id: crmContacts.id })
    .from(crmContacts)
    .where(and(eq(crmContacts.workspace_id, workspaceId), eq(crmContacts.email, email)))
    .limit(1);
  return row?.id ?? null;
}

/** The 409 for an email another contact of the workspace already has, naming that contact so the UI can link to it. */
export const emailTaken = (existingContactId: string) =>
  new AppError("conflict", "Another contact in this workspace already has this email address.", {
    path: "email",
    existing_contact_id: existingContactId,
  });

/** Throws the 409 when another contact (not `exceptId`) has the email. */
export async function assertEmailFree(db: Database, workspaceId: string, email: string | null, exceptId?: string) {
  if (!email) return;
  const existing = await findContactByEmail(db, workspaceId, email);
  if (existing && existing !== exceptId) throw emailTaken(existing);
}
