// The text fields people can edit together, one registry for the route that
// authorises a socket and for the room that seeds and writes back the text. A
// document is named `{table}:{rowId}:{column}`, e.g. `crm_contacts:0190…:notes`.
import { and, eq, inArray } from "drizzle-orm";
import type { Database, Query, Statement } from "../../../db/database";
import type { Action } from "../../lib/permissions";

/** The row behind a document, found only inside its workspace. */
export type FieldRow = { value: string | null; created_by: string | null };

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
  find(db: Database, workspaceId: string, rowId: string): Promise<FieldRow | null>;
  update(q: Query, db: Database, workspaceId: string, rowId: string, text: string): Statement;
};

const TEXT_BYTES = 65_535;
const LONGTEXT_BYTES = 1_000_000;

const FIELDS: CollaborativeField[] = [
  {
    table: "crm_contacts",
    column: "notes",
    entityType: "crm_contact",
    label: "notes",
    read: "crm.contacts.read",
    write: "crm.contacts.update",
    writeOwn: null,
    maxBytes: TEXT_BYTES,
    async find(db, workspaceId, rowId) {
      const t = db.t.crmContacts;
      const [row] = await db.q
        .select({ value: t.notes, created_by: t.created_by })
        .from(t)
        .where(and(eq(t.id, rowId), eq(t.workspace_id, workspaceId)))
        .limit(1);
      return row ?? null;
    },
    update: (q, db, workspaceId, rowId, text) =>
      q
        .update(db.t.crmContacts)
        .set({ notes: text })
        .where(and(eq(db.t.crmContacts.id, rowId), eq(db.t.crmContacts.workspace_id, workspaceId))),
  },
  {
    table: "social_media_posts",
    column: "content",
    entityType: "social_media_post",
    label: "post",
    read: "social.posts.read",
    write: "social.posts.update",
    writeOwn: "social.posts.update_own",
    maxBytes: TEXT_BYTES,
    async find(db, workspaceId, rowId) {
      const t = db.t.socialMediaPosts;
      const [row] = await db.q
        .select({ value: t.content, created_by: t.created_by })
        .from(t)
        .where(and(eq(t.id, rowId), eq(t.workspace_id, workspaceId)))
        .limit(1);
      return row ?? null;
    },
    update: (q, db, workspaceId, rowId, text) =>
      q
        .update(db.t.socialMediaPosts)
        .set({ content: text })
        .where(and(eq(db.t.socialMediaPosts.id, rowId), eq(db.t.socialMediaPosts.workspace_id, workspaceId))),
  },
  {
    table: "email_campaigns",
    column: "content",
    entityType: "email_campaign",
    label: "campaign content",
    read: "email.campaigns.read",
    write: "email.campaigns.update",
    writeOwn: "email.campaigns.update_own",
    maxBytes: LONGTEXT_BYTES,
    async find(db, workspaceId, rowId) {
      const t = db.t.emailCampaigns;
      const [row] = await db.q
        .select({ value: t.content, created_by: t.created_by })
        .from(t)
        .where(and(eq(t.id, rowId), eq(t.workspace_id, workspaceId)))
        .limit(1);
      return row ?? null;
    },
    update: (q, db, workspaceId, rowId, text) =>
      q
        .update(db.t.emailCampaigns)
        .set({ content: text })
        .where(and(eq(db.t.emailCampaigns.id, rowId), eq(db.t.emailCampaigns.workspace_id, workspaceId))),
  },
  {
    table: "link_in_bio_pages",
    column: "bio",
    entityType: "link_in_bio_page",
    label: "bio",
    read: "bio.pages.read",
    write: "bio.pages.update",
    writeOwn: null,
    maxBytes: TEXT_BYTES,
    async find(db, workspaceId, rowId) {
      const t = db.t.linkInBioPages;
      const [row] = await db.q
        .select({ value: t.bio })
        .from(t)
        .where(and(eq(t.id, rowId), eq(t.workspace_id, workspaceId)))
        .limit(1);
      return row ? { value: row.value, created_by: null } : null;
    },
    update: (q, db, workspaceId, rowId, text) =>
      q
        .update(db.t.linkInBioPages)
        .set({ bio: text })
        .where(and(eq(db.t.linkInBioPages.id, rowId), eq(db.t.linkInBioPages.workspace_id, workspaceId))),
  },
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
      return q
        .update(l)
        .set({ content: text })
        .where(and(eq(l.id, rowId), inArray(l.course_id, ofWorkspace)));
    },
  },
];

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
