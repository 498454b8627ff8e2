// Helpers for the contact tests: call the contacts API as a signed-in person, walk
// every page of a list, and write many contacts straight into D1 through the same
// statement builders the API uses (fast, with chosen values and times).
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { connectD1 } from "../../db/connect-d1";
import { uuidv7 } from "../../db/uuidv7";
import { insertContactStatements } from "../../worker/features/crm/contact-statements";
import { type ContactValues, normalizeContact } from "../../worker/features/crm/normalize-contact";
import type { ContactJson } from "../../worker/features/crm/to-contact-json";
import type { Client } from "../helpers/api";

export const database = () => connectD1(env.DB);

export type ContactPage = { data: ContactJson[]; next_cursor: string | null };

export const contactsPath = (workspaceId: string, tail = "", query: Record<string, string> = {}) => {
  const search = new URLSearchParams(query).toString();
  return `/api/v1/workspaces/${workspaceId}/contacts${tail}${search ? `?${search}` : ""}`;
};

/** Creates a contact through the API; fails the test unless it answers 201. */
export async function createContact(who: Client, workspaceId: string, fields: Record<string, unknown> = {}) {
  const res = await who.fetch(contactsPath(workspaceId), {
    method: "POST",
    json: { first_name: "Ada", last_name: "Lovelace", ...fields },
  });
  if (res.status !== 201) throw new Error(`contact not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as ContactJson;
}

export async function readContacts(who: Client, workspaceId: string, query: Record<string, string> = {}) {
  const res = await who.fetch(contactsPath(workspaceId, "", query));
  if (res.status !== 200) throw new Error(`list answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ContactPage;
}

/** Every contact the query matches, following next_cursor to the end. */
export async function walkContacts(who: Client, workspaceId: string, query: Record<string, string> = {}) {
  const seen: ContactJson[] = [];
  let cursor: string | null = null;
  do {
    const page: ContactPage = await readContacts(who, workspaceId, { ...query, ...(cursor && { cursor }) });
    seen.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return seen;
}

export type SeedContact = Partial<ContactValues> & { created_at?: Date; updated_at?: Date };

/**
 * Writes contacts straight into D1, in the order given (so their UUIDv7 ids, and the
 * `created` order, follow it), with their tag rows and search terms.
 */
export async function seedContacts(workspaceId: string, createdBy: string, contacts: SeedContact[]) {
  const db = database();
  const rows = contacts.map(({ created_at, updated_at, ...values }) => ({
    ...normalizeContact({ first_name: "Seed", last_name: "Contact" }, "UTC"),
    ...values,
    ...(created_at && { created_at }),
    ...(updated_at && { updated_at }),
    id: uuidv7(),
    workspace_id: workspaceId,
    created_by: createdBy,
  }));
  await db.atomic((q) => insertContactStatements(q, db, rows));
  return rows.map((row) => row.id);
}

/** The tag keys and search terms stored for a contact, sorted. */
export async function indexRowsOf(contactId: string) {
  const db = database();
  const { crmContactTags, crmContactTerms } = db.t;
  const tags = await db.q.select().from(crmContactTags).where(eq(crmContactTags.contact_id, contactId));
  const terms = await db.q.select().from(crmContactTerms).where(eq(crmContactTerms.contact_id, contactId));
  return { tags: tags.map((r) => r.tag).sort(), terms: terms.map((r) => r.term).sort() };
}

/** The activity entries about one contact, oldest first. */
export async function activityAbout(contactId: string) {
  const db = database();
  const log = db.t.activityLogs;
  const rows = await db.q.select().from(log).where(eq(log.entity_id, contactId));
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}
