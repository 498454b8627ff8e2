import type { Action } from "../../../worker/lib/permissions";

export type DocField = { entityType: string; label: string; write: Action; writeOwn: Action | null };

/**
 * The text fields people edit together, as worker/features/docs/collaborative-fields.ts
 * lists them (`{table}:{column}`), with the permission that lets someone edit each. That
 * file reaches the database, so the SPA keeps this small copy of what it needs.
 */
export const DOC_FIELDS: Record<string, DocField> = {
  "crm_contacts:notes": { entityType: "crm_contact", label: "Notes", write: "crm.contacts.update", writeOwn: null },
  "social_media_posts:content": {
    entityType: "social_media_post",
    label: "Post",
    write: "social.posts.update",
    writeOwn: "social.posts.update_own",
  },
  "email_campaigns:content": {
    entityType: "email_campaign",
    label: "Campaign content",
    write: "email.campaigns.update",
    writeOwn: "email.campaigns.update_own",
  },
  "link_in_bio_pages:bio": { entityType: "link_in_bio_page", label: "Bio", write: "bio.pages.update", writeOwn: null },
  "course_lessons:content": {
    entityType: "course_lesson",
    label: "Lesson",
    write: "courses.update",
    writeOwn: "courses.update_own",
  },
};

/** `crm_contacts:0190…:notes` → the field and the row, or null for a name no field has. */
export function parseDocName(name: string): { field: DocField; rowId: string; column: string } | null {
  const match = /^([a-z_]+):([0-9a-f-]{36}):([a-z_]+)$/i.exec(name);
  if (!match) return null;
  const [, table, rowId, column] = match as unknown as [string, string, string, string];
  const field = DOC_FIELDS[`${table}:${column}`];
  return field ? { field, rowId: rowId.toLowerCase(), column } : null;
}
