// The text fields people can edit together, one registry for the route that
// authorises a socket and for the room that seeds and writes back the text. A
// document is named `{table}:{rowId}:{column}`, e.g. `crm_contacts:0190…:notes`.
import { and, eq, getTableColumns, inArray } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database, Query, Statement } from "../../../db/database";
import type { Env } from "../../lib/env";
import type { Action } from "../../lib/permissions";
import { invalidateSites, sitesOf } from "../bio/bio-sites";
import { MAX_BIO_CHARS } from "../bio/render-bio-page";
import { type ContactRow, reindexContactStatements } from "../crm/contact-statements";
import { postContentField } from "../social/post-content-field";

/** The row behind a document, found only inside its workspace; `record` is the whole row where the field needs it. */
export type FieldRow = {
  value: string | null;
  created_by: string | null;
  /** An action this row needs besides the field's write action (a published bio page: bio.pages.publish). */
  alsoNeeds?: Action | null;
  /** Why nobody may edit this row now (a post being published), or null: sockets join read-only, write-backs are refused. */
  locked?: string | null;
  /**
   * Why a text is refused for this row, beyond the field's own limits (a post's network
   * counts characters its own way), or null. Like `maxChars`, only a text that grows is refused.
   */
  refuseText?: ((text: string, previousLength: number) => string | null) | null;
  record?: Record<string, unknown>;
};

/** Who an edit is written back for: the last person who typed, with their permissions at write time. */
export type FieldEditor = { id: string; name: string; permissions: readonly Action[] };

export type CollaborativeField = {
  table: string;
  column: string;
  /** The change feed's and the activity log's name for the row. */
  entityType: string;
  /** How an activity description names the field: "edited the notes". */
  label: string;
  read: Action;
  /** Edits anyone's row. */
  write: Action;
  /** Edits rows the member created (the `*_own` actions); null where the resource has none. */
  writeOwn: Action | null;
  /** The column's capacity in UTF-8 bytes: MySQL TEXT holds 65,535; LONGTEXT columns are capped at 1 MB. */
  maxBytes: number;
  /**
   * The field's limit in characters where its API has one (counted as the API counts them,
   * in UTF-16 units): the editor, the room and the write-back hold the text to the same cap.
   */
  maxChars?: number;
  find(db: Database, workspaceId: string, rowId: string): Promise<FieldRow | null>;
  /**
   * The statements that store the text (and whatever is derived from it) for a row `find` returned.
   * The first one writes the row: when it changes nothing (the row moved on since `find`), nothing is kept.
   */
  update(
    q: Query,
    db: Database,
    workspaceId: string,
    rowId: string,
    text: string,
    row: FieldRow,
    editor: FieldEditor,
  ): Statement[];
  /** What else must follow a written edit, once it has committed (a public page's cache, a post's status on the feed). */
  afterWrite?(env: Env, row: FieldRow, editor: FieldEditor, db: Database): Promise<void>;
};

const TEXT_BYTES = 65_535;
const LONGTEXT_BYTES = 1_000_000;

type Meta = Omit<CollaborativeField, "find" | "update" | "afterWrite">;
type WorkspaceTable = "crmContacts" | "socialMediaPosts" | "emailCampaigns" | "linkInBioPages";

/**
 * A field of a table that carries its own workspace_id: found and updated by id within
 * that workspace. `derived` adds statements that must change with the text (a search index).
 */
function workspaceRowField(
  meta: Meta,
  key: WorkspaceTable,
  options: {
    owner: "created_by" | null;
    derived?: (q: Query, db: Database, record: Record<string, unknown>) => Statement[];
    afterWrite?: CollaborativeField["afterWrite"];
    alsoNeeds?: (record: Record<string, unknown>) => Action | null;
  },
): CollaborativeField {
  const table = (db: Database) => db.t[key] as unknown as SQLiteTable;
  const columns = (db: Database) => getTableColumns(table(db)) as Record<string, SQLiteColumn>;
  const inWorkspace = (db: Database, workspaceId: string, rowId: string) => {
    const c = columns(db);
    return and(eq(c.id as SQLiteColumn, rowId), eq(c.workspace_id as SQLiteColumn, workspaceId));
  };
  return {
    ...meta,
    ...(options.afterWrite && { afterWrite: options.afterWrite }),
    async find(db, workspaceId, rowId) {
      const [record] = (await db.q
        .select()
        .from(table(db))
        .where(inWorkspace(db, workspaceId, rowId))
        .limit(1)) as Record<string, unknown>[];
      if (!record) return null;
      const owner = options.owner ? record[options.owner] : null;
      return {
        value: (record[meta.column] as string | null) ?? null,
        created_by: typeof owner === "string" ? owner : null,
        alsoNeeds: options.alsoNeeds?.(record) ?? null,
        record,
      };
    },
    update(q, db, workspaceId, rowId, text, row) {
      const write = q
        .update(table(db))
        .set({ [meta.column]: text })
        .where(inWorkspace(db, workspaceId, rowId));
      return [write, ...(options.derived?.(q, db, { ...row.record, [meta.column]: text }) ?? [])];
    },
  };
}

const FIELDS: CollaborativeField[] = [
  workspaceRowField(
    {
      table: "crm_contacts",
      column: "notes",
      entityType: "crm_contact",
      label: "notes",
      read: "crm.contacts.read",
      write: "crm.contacts.update",
      writeOwn: null,
      maxBytes: TEXT_BYTES,
    },
    "crmContacts",
    // Notes are searchable: the contact's search words are rebuilt with the text.
    { owner: "created_by", derived: (q, db, record) => reindexContactStatements(q, db, [record as ContactRow]) },
  ),
  // Posts check their status and their network's limits, and go back for approval like PATCH does.
  postContentField,
  workspaceRowField(
    {
      table: "email_campaigns",
      column: "content",
      entityType: "email_campaign",
      label: "campaign content",
      read: "email.campaigns.read",
      write: "email.campaigns.update",
      writeOwn: "email.campaigns.update_own",
      maxBytes: LONGTEXT_BYTES,
    },
    "emailCampaigns",
    { owner: "created_by" },
  ),
  workspaceRowField(
    {
      table: "link_in_bio_pages",
      column: "bio",
      entityType: "link_in_bio_page",
      label: "bio",
      read: "bio.pages.read",
      write: "bio.pages.update",
      writeOwn: null,
      maxBytes: TEXT_BYTES,
      // The same cap as PATCH …/bio-pages/:id: a bio typed together is never longer than one saved by the form.
      maxChars: MAX_BIO_CHARS,
    },
    "linkInBioPages",
    {
      owner: null,
      // Contributors edit drafts: a published page's bio is for those who may publish.
      alsoNeeds: (page) => (page.is_active ? "bio.pages.publish" : null),
      // The public page shows the bio: its cached copies must give way to the new text.
      afterWrite: (env, row) =>
        invalidateSites(env, sitesOf(row.record as { slug: string; custom_domain: string | null })),
    },
  ),
  {
    // A lesson has no workspace of its own: it belongs to the workspace of its course,
    // and "own" means the member created the course.
    table: "course_lessons",
    column: "content",
    entityType: "course_lesson",
    label: "lesson",
    read: "courses.read",
    write: "courses.update",
    writeOwn: "courses.update_own",
    maxBytes: LONGTEXT_BYTES,
    async find(db, workspaceId, rowId) {
      const { courseLessons: l, courses: c } = db.t;
      const [row] = await db.q
        .select({ value: l.content, created_by: c.created_by })
        .from(l)
        .innerJoin(c, eq(c.id, l.course_id))
        .where(and(eq(l.id, rowId), eq(c.workspace_id, workspaceId)))
        .limit(1);
      return row ?? null;
    },
    update: (q, db, workspaceId, rowId, text) => {
      const { courseLessons: l, courses: c } = db.t;
      const ofWorkspace = q.select({ id: c.id }).from(c).where(eq(c.workspace_id, workspaceId));
      return [
        q
          .update(l)
          .set({ content: text })
          .where(and(eq(l.id, rowId), inArray(l.course_id, ofWorkspace))),
      ];
    },
  },
];

/**
 * Why an edit that leaves `text` this long is refused, in the words the editor shows, or
 * null when it may stay. The column's capacity is never exceeded. A text already over the
 * field's character limit (a row saved before the limit existed) may still be shortened:
 * only growing it is refused.
 */
export function lengthRefusal(
  field: CollaborativeField,
  // A string, or the document's Y.Text as it is: only a long text is ever turned into a string.
  text: { readonly length: number; toString(): string },
  previousLength: number,
): string | null {
  if (field.maxChars !== undefined && text.length > field.maxChars && text.length > previousLength) {
    return `The ${field.label} is limited to ${field.maxChars.toLocaleString("en")} characters; the last edit was not saved.`;
  }
  // A UTF-16 unit is at most 3 bytes of UTF-8: short texts need no encoding to be known to fit.
  if (text.length * 3 > field.maxBytes && new TextEncoder().encode(text.toString()).byteLength > field.maxBytes) {
    return `The ${field.label} is limited to ${Math.round(field.maxBytes / 1000)} KB; the last edit was not saved.`;
  }
  return null;
}

const BY_KEY = new Map(FIELDS.map((f) => [`${f.table}:${f.column}`, f]));

export type DocTarget = { field: CollaborativeField; rowId: string; name: string };

const DOC_NAME = /^([a-z_]{1,64}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([a-z_]{1,64})$/i;

/** The field and row a document name points at, or null for a malformed name or a field that is not collaborative. */
export function parseDocName(name: string): DocTarget | null {
  const match = DOC_NAME.exec(name);
  if (!match) return null;
  const [, table, rowId, column] = match as unknown as [string, string, string, string];
  const field = BY_KEY.get(`${table}:${column}`);
  if (!field) return null;
  // Ids are stored lower-case: one spelling per document, so two tabs never open two copies.
  const id = rowId.toLowerCase();
  return { field, rowId: id, name: `${field.table}:${id}:${field.column}` };
}
