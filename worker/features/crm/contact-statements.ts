// The statements that write a contact together with its tag rows (crm_contact_tags)
// and search terms (crm_contact_terms), for the caller to run in ONE db.atomic with
// its activity entry: a contact is never visible with stale tags or terms. The API
// routes, bulk actions and the CSV import all write contacts through these.
import { and, eq, inArray } from "drizzle-orm";
import type { Database, Query, Statement } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { insertMany } from "../../../db/write-many";
import { contactTerms } from "./contact-terms";
import type { ContactValues } from "./normalize-contact";
import { tagKey } from "./unique-tags";

export type ContactRow = Database["t"]["crmContacts"]["$inferSelect"];

/** A new contact: its values, and the ids that place it. */
export type NewContact = ContactValues & { id: string; workspace_id: string; created_by: string };

/** D1 binds at most 100 values a statement: ids go 90 to an IN list. */
const IDS_PER_LIST = 90;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

type IndexRow = { id: string; workspace_id: string; contact_id: string };

/**
 * Inserts that skip a row the unique index already holds. The keys are folded before
 * they get here, but MySQL's collation folds a little more than we do (it holds
 * "kız" and "kiz" for one word), and a duplicate there must not fail the contact.
 */
function insertIndexRows(
  q: Query,
  db: Database,
  table: Database["t"]["crmContactTags"] | Database["t"]["crmContactTerms"],
  rows: IndexRow[],
): Statement[] {
  return insertMany(db, q, table, rows, { ignoreDuplicates: true });
}

function tagRows(workspaceId: string, contactId: string, keys: Iterable<string>) {
  return [...keys].map((tag) => ({ id: uuidv7(), workspace_id: workspaceId, contact_id: contactId, tag }));
}

function termRows(workspaceId: string, contactId: string, terms: Iterable<string>) {
  return [...terms].map((term) => ({ id: uuidv7(), workspace_id: workspaceId, contact_id: contactId, term }));
}

const tagKeys = (tags: readonly string[] | null) => new Set((tags ?? []).map(tagKey).filter(Boolean));

/** Insert contacts with their tag rows and search terms, in a few wide statements however many there are. */
export function insertContactStatements(q: Query, db: Database, contacts: NewContact[]): Statement[] {
  const { crmContacts, crmContactTags, crmContactTerms } = db.t;
  const tags = contacts.flatMap((c) => tagRows(c.workspace_id, c.id, tagKeys(c.tags)));
  const terms = contacts.flatMap((c) => termRows(c.workspace_id, c.id, contactTerms(c)));
  return [
    ...insertMany(db, q, crmContacts, contacts),
    ...insertIndexRows(q, db, crmContactTags, tags),
    ...insertIndexRows(q, db, crmContactTerms, terms),
  ];
}

/**
 * Update a contact and bring its tag rows and terms in line: only the rows that differ
 * are deleted or added, so changing a phone number touches neither.
 */
export function updateContactStatements(
  q: Query,
  db: Database,
  before: ContactRow,
  changes: Partial<ContactValues>,
): Statement[] {
  if (Object.keys(changes).length === 0) return [];
  const { crmContacts, crmContactTags, crmContactTerms } = db.t;
  const where = and(eq(crmContacts.id, before.id), eq(crmContacts.workspace_id, before.workspace_id));
  const statements: Statement[] = [q.update(crmContacts).set(changes).where(where)];

  if (changes.tags !== undefined) {
    const [was, is] = [tagKeys(before.tags), tagKeys(changes.tags)];
    const gone = [...was].filter((k) => !is.has(k));
    for (const slice of chunks(gone, IDS_PER_LIST)) {
      statements.push(
        q
          .delete(crmContactTags)
          .where(and(eq(crmContactTags.contact_id, before.id), inArray(crmContactTags.tag, slice))),
      );
    }
    const added = [...is].filter((k) => !was.has(k));
    statements.push(...insertIndexRows(q, db, crmContactTags, tagRows(before.workspace_id, before.id, added)));
  }

  const was = new Set(contactTerms(before));
  const is = new Set(contactTerms({ ...before, ...changes }));
  const gone = [...was].filter((t) => !is.has(t));
  for (const slice of chunks(gone, IDS_PER_LIST)) {
    statements.push(
      q
        .delete(crmContactTerms)
        .where(and(eq(crmContactTerms.contact_id, before.id), inArray(crmContactTerms.term, slice))),
    );
  }
  const added = [...is].filter((t) => !was.has(t));
  statements.push(...insertIndexRows(q, db, crmContactTerms, termRows(before.workspace_id, before.id, added)));
  return statements;
}

/** Delete contacts of one workspace with their tag rows and terms (the index rows first: D1 checks foreign keys). */
export function deleteContactsStatements(q: Query, db: Database, workspaceId: string, ids: string[]): Statement[] {
  const { crmContacts, crmContactTags, crmContactTerms } = db.t;
  return chunks(ids, IDS_PER_LIST).flatMap((slice) => [
    q
      .delete(crmContactTags)
      .where(and(eq(crmContactTags.workspace_id, workspaceId), inArray(crmContactTags.contact_id, slice))),
    q
      .delete(crmContactTerms)
      .where(and(eq(crmContactTerms.workspace_id, workspaceId), inArray(crmContactTerms.contact_id, slice))),
    q.delete(crmContacts).where(and(eq(crmContacts.workspace_id, workspaceId), inArray(crmContacts.id, slice))),
  ]);
}

/**
 * Rebuild a contact's tag rows and terms from the row itself: for contacts written
 * without them (an imported Mewayz database, a text edited in a live document).
 */
export function reindexContactStatements(q: Query, db: Database, contact: ContactRow): Statement[] {
  const { crmContactTags, crmContactTerms } = db.t;
  const { id, workspace_id } = contact;
  return [
    q.delete(crmContactTags).where(eq(crmContactTags.contact_id, id)),
    q.delete(crmContactTerms).where(eq(crmContactTerms.contact_id, id)),
    ...insertIndexRows(q, db, crmContactTags, tagRows(workspace_id, id, tagKeys(contact.tags))),
    ...insertIndexRows(q, db, crmContactTerms, termRows(workspace_id, id, contactTerms(contact))),
  ];
}
