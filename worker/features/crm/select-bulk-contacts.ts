import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { inValues } from "../../../db/write-many";
import { AppError } from "../../lib/errors";
import { filterConditions } from "./contact-list-query";
import type { ContactRow } from "./contact-statements";
import type { ContactWhere } from "./resolve-contact-filter";

/**
 * The selected ids, all checked to be the workspace's before anything changes. Ids
 * that are not (another workspace's, deleted, made up) refuse the whole action with
 * 404, without saying which: the answer is the same for an id that exists elsewhere
 * and one that never did.
 */
export async function selectBulkContacts(db: Database, workspaceId: string, contactIds: string[]): Promise<string[]> {
  const t = db.t.crmContacts;
  const wanted = [...new Set(contactIds.map((id) => id.toLowerCase()))];
  const found = await db.q
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.workspace_id, workspaceId), inValues(db, t.id, wanted)));
  if (found.length < wanted.length) {
    throw new AppError(
      "not_found",
      "Some of the selected contacts do not exist in this workspace (any more). Nothing was changed; reload the list and try again.",
      { missing: wanted.length - found.length },
    );
  }
  return wanted;
}

/**
 * The next `limit` contacts a filter matches after the id `afterId`, in id order: a
 * bulk action walks the matches this way a chunk at a time, so a contact the action
 * moves out of the filter (or deletes) does not shift the ones still to come.
 */
export async function nextMatchingContacts(
  db: Database,
  workspaceId: string,
  where: ContactWhere,
  afterId: string | null,
  limit: number,
): Promise<ContactRow[]> {
  return matchingContactsQuery(db, workspaceId, where, afterId, limit);
}

/** The query behind nextMatchingContacts: along idx_ws_id (workspace_id, id), for query-plan tests too. */
export function matchingContactsQuery(
  db: Database,
  workspaceId: string,
  where: ContactWhere,
  afterId: string | null,
  limit: number,
) {
  const t = db.t.crmContacts;
  const conditions = filterConditions(db, workspaceId, where);
  if (afterId !== null) conditions.push(gt(t.id, afterId));
  return db.q
    .select()
    .from(t)
    .where(and(...conditions))
    .orderBy(asc(t.id))
    .limit(limit);
}
