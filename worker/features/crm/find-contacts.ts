import type { Database } from "../../../db/database";
import { type ContactPosition, type ContactSort, contactListQuery, phasesOf } from "./contact-list-query";
import type { ContactRow } from "./contact-statements";
import { gaugeMatches } from "./gauge-matches";
import type { ContactWhere } from "./resolve-contact-filter";

/**
 * Up to `limit` contacts after `position`, in the sort's order: the rows with a sort
 * value, then (for a nullable sort, when the page is not full yet) those without.
 * Tag and search conditions not gauged yet are gauged first (see gauge-matches.ts).
 */
export async function findContacts(
  db: Database,
  workspaceId: string,
  where: ContactWhere,
  sort: ContactSort,
  page: { position: ContactPosition | null; limit: number },
): Promise<ContactRow[]> {
  const gauged = await gaugeMatches(db, workspaceId, where);
  const rows: ContactRow[] = [];
  for (const phase of phasesOf(db, sort.by)) {
    const inNulls = page.position !== null && page.position.values === null;
    if (phase === "values" && inNulls) continue;
    const position = phase === "nulls" && !inNulls ? null : page.position;
    rows.push(...(await contactListQuery(db, workspaceId, gauged, sort, phase, position, page.limit - rows.length)));
    if (rows.length >= page.limit) break;
  }
  return rows;
}
