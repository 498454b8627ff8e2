// One contact's change, committed in one unit with its activity entry, when a teammate
// may delete the contact between the read and the write. Then the answer is 404, never
// a 500 (a tag or search-term row that needs the contact fails the unit) nor an entry
// about a change that did not happen (the unit changed no row: its entry is taken back).
import type { Database, Query, Statement } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { takeBackEntry } from "../../lib/activity";
import { getContactOrThrow } from "./get-contact-or-throw";

/** `build` puts the contact's own UPDATE first and gives its activity entry the id it is handed. */
export async function commitContactUpdate(
  db: Database,
  where: { workspaceId: string; contactId: string },
  build: (q: Query, activityId: string) => Statement[],
): Promise<void> {
  const activityId = uuidv7();
  let updated: { rowsAffected: number } | undefined;
  try {
    [updated] = await db.atomic((q) => build(q, activityId));
  } catch (err) {
    await getContactOrThrow(db, where);
    throw err;
  }
  if (updated?.rowsAffected !== 0) return;
  // Some drivers count only rows whose values changed: a contact still there was updated.
  try {
    await getContactOrThrow(db, where);
  } catch (gone) {
    await takeBackEntry(db, activityId);
    throw gone;
  }
}
