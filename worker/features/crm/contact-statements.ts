// The statements that write a contact together with its tag rows (crm_contact_tags)
// and search terms (crm_contact_terms), for the caller to run in ONE db.atomic with
// its activity entry: a contact is never visible with stale tags or terms. The API
// routes, bulk actions and the CSV import all write contacts through these.
import { and, eq } from "drizzle-orm";
import type { Database, Query, Statement } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { deleteManyByKeys, insertMany, inValues, updateManyById } from "../../../db/write-many";
import { contactTerms, contactWords, type Searchable, termsOf } from "./contact-terms";
import type { ContactValues } from "./normalize-contact";
import { tagKey } from "./unique-tags";

export type ContactRow = Database["t"]["crmContacts"]["$inferSelect"];

/** A new contact: its values, and the ids that place it. */
export type NewContact = ContactValues & { id: string; workspace_id: string; created_by: string };

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

const tagKeys = (tags: readonly string[] | null | undefined) => new Set((tags ?? []).map(tagKey).filter(Boolean));

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

/** A contact as it is, and the values to change on it. */
export type ContactUpdate = { before: ContactRow; changes: Partial<ContactValues> };

/**
 * Update contacts of one workspace and bring their tag rows and terms in line: only the
 * rows that differ are deleted or added, so changing a phone number touches neither.
 * However many contacts, it takes a few wide statements.
 */
export function updateContactStatements(q: Query, db: Database, updates: ContactUpdate[]): Statement[] {
  const changed = updates.filter(({ changes }) => Object.keys(changes).length > 0);
  const workspaceId = changed[0]?.before.workspace_id;
  if (workspaceId === undefined) return [];
  if (changed.some(({ before }) => before.workspace_id !== workspaceId)) {
    throw new Error("contacts of one workspace at a time");
  }
  const { crmContacts, crmContactTags, crmContactTerms } = db.t;
  // What the update builder's onUpdate hook would set.
  const updatedAt = new Date();
  const gone = { tags: [] as [string, string][], terms: [] as [string, string][] };
  const added = { tags: [] as IndexRow[], terms: [] as IndexRow[] };
  for (const { before, changes } of changed) {
    if (changes.tags !== undefined) {
      const [was, is] = [tagKeys(before.tags), tagKeys(changes.tags)];
      for (const k of was) if (!is.has(k)) gone.tags.push([before.id, k]);
      added.tags.push(
        ...tagRows(
          workspaceId,
          before.id,
          [...is].filter((k) => !was.has(k)),
        ),
      );
    }
    const words = contactWords(before);
    const was = new Set(termsOf(words));
    const is = new Set(contactTerms({ ...before, ...changes }));
    // Every word, not just the indexed terms: an index written before prefixes were left out holds those too.
    for (const t of words) if (!is.has(t)) gone.terms.push([before.id, t]);
    added.terms.push(
      ...termRows(
        workspaceId,
        before.id,
        [...is].filter((t) => !was.has(t)),
      ),
    );
  }
  return [
    ...updateManyById(
      db,
      q,
      crmContacts,
      changed.map(({ before, changes }) => ({ updated_at: updatedAt, ...changes, id: before.id })),
      eq(crmContacts.workspace_id, workspaceId),
    ),
    ...deleteManyByKeys(db, q, crmContactTags, [crmContactTags.contact_id, crmContactTags.tag], gone.tags),
    ...insertIndexRows(q, db, crmContactTags, added.tags),
    ...deleteManyByKeys(db, q, crmContactTerms, [crmContactTerms.contact_id, crmContactTerms.term], gone.terms),
    ...insertIndexRows(q, db, crmContactTerms, added.terms),
  ];
}

/** Delete contacts of one workspace with their tag rows and terms (the index rows first: D1 checks foreign keys). */
export function deleteContactsStatements(q: Query, db: Database, workspaceId: string, ids: string[]): Statement[] {
  if (ids.length === 0) return [];
  const { crmContacts, crmContactTags, crmContactTerms } = db.t;
  return [
    q
      .delete(crmContactTags)
      .where(and(eq(crmContactTags.workspace_id, workspaceId), inValues(db, crmContactTags.contact_id, ids))),
    q
      .delete(crmContactTerms)
      .where(and(eq(crmContactTerms.workspace_id, workspaceId), inValues(db, crmContactTerms.contact_id, ids))),
    q.delete(crmContacts).where(and(eq(crmContacts.workspace_id, workspaceId), inValues(db, crmContacts.id, ids))),
  ];
}

/** What a contact's tag rows and search terms are made from. */
export type IndexedContact = Searchable & { id: string; workspace_id: string; tags?: readonly string[] | null };

/**
 * Rebuild contacts' tag rows and terms from the rows themselves: for contacts written
 * without them (an imported Mewayz database, the demo data, a text edited in a live document).
 */
export function reindexContactStatements(q: Query, db: Database, contacts: IndexedContact[]): Statement[] {
  if (contacts.length === 0) return [];
  const { crmContactTags, crmContactTerms } = db.t;
  const ids = contacts.map((c) => c.id);
  return [
    q.delete(crmContactTags).where(inValues(db, crmContactTags.contact_id, ids)),
    q.delete(crmContactTerms).where(inValues(db, crmContactTerms.contact_id, ids)),
    ...insertIndexRows(
      q,
      db,
      crmContactTags,
      contacts.flatMap((c) => tagRows(c.workspace_id, c.id, tagKeys(c.tags))),
    ),
    ...insertIndexRows(
      q,
      db,
      crmContactTerms,
      contacts.flatMap((c) => termRows(c.workspace_id, c.id, contactTerms(c))),
    ),
  ];
}
