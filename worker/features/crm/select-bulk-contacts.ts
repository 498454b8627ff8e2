import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import type { WorkspaceClock } from "../../lib/workspace-clock";
import { filterConditions } from "./contact-list-query";
import { gaugeMatches } from "./gauge-matches";
import { resolveContactFilter } from "./resolve-contact-filter";
import { type BulkContactsBody, MAX_BULK } from "./schema";

const IDS_PER_QUERY = 90;

/**
 * The ids a bulk action applies to, all checked to be the workspace's before anything
 * changes. Ids that are not (another workspace's, deleted, made up) refuse the whole
 * action with 404, without saying which: the answer is the same for an id that
 * exists elsewhere and one that never did.
 */
export async function selectBulkContacts(
  db: Database,
  workspaceId: string,
  selection: Pick<BulkContactsBody, "contact_ids" | "filter">,
  clock: WorkspaceClock,
): Promise<string[]> {
  const t = db.t.crmContacts;
  if (selection.contact_ids) {
    const wanted = [...new Set(selection.contact_ids.map((id) => id.toLowerCase()))];
    const found = new Set<string>();
    for (let i = 0; i < wanted.length; i += IDS_PER_QUERY) {
      const rows = await db.q
        .select({ id: t.id })
        .from(t)
        .where(and(eq(t.workspace_id, workspaceId), inArray(t.id, wanted.slice(i, i + IDS_PER_QUERY))));
      for (const row of rows) found.add(row.id);
    }
    if (found.size < wanted.length) {
      throw new AppError(
        "not_found",
        "Some of the selected contacts do not exist in this workspace (any more). Nothing was changed; reload the list and try again.",
        { missing: wanted.length - found.size },
      );
    }
    return wanted;
  }
  const where = await gaugeMatches(db, workspaceId, resolveContactFilter(selection.filter ?? {}, clock));
  const rows = await db.q
    .select({ id: t.id })
    .from(t)
    .where(and(...filterConditions(db, workspaceId, where)))
    .orderBy(asc(t.id))
    .limit(MAX_BULK + 1);
  if (rows.length > MAX_BULK) {
    throw new AppError(
      "validation_failed",
      `This filter matches more than ${MAX_BULK.toLocaleString("en-US")} contacts. Narrow it down and apply the action in parts.`,
      [{ path: "filter", message: `Select at most ${MAX_BULK} contacts.`, code: "too_big" }],
    );
  }
  return rows.map((row) => row.id);
}
