import { changedFields } from "../../lib/activity";
import type { ContactRow } from "./contact-statements";
import type { ContactValues } from "./normalize-contact";

/** "Ada Lovelace", as activity descriptions name a contact. */
export const contactName = (row: Pick<ContactRow, "first_name" | "last_name">) =>
  `${row.first_name} ${row.last_name}`.trim();

/**
 * `{ field: { from, to } }` for what really changed, for the activity log and the live
 * feed. Notes can run to 64 KB and have their own live document: the log keeps their
 * lengths, not their text.
 */
export function contactChanges(before: ContactRow, next: Partial<ContactValues>) {
  const changes = changedFields(before, next);
  if (changes.notes) {
    changes.notes = { from: { length: before.notes?.length ?? 0 }, to: { length: next.notes?.length ?? 0 } };
  }
  return changes;
}
