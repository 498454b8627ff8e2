import type { Database } from "../../../db/database";
import { decodeCursor, type Page, toPage } from "../../lib/pagination";
import { type ContactSort, positionFromKey, positionKey } from "./contact-list-query";
import { findContacts } from "./find-contacts";
import type { ContactWhere } from "./resolve-contact-filter";
import { type ContactJson, toContactJson } from "./to-contact-json";

/** One page of a workspace's contacts, filtered and sorted; the cursor is the last row's sort key. */
export async function listContacts(
  db: Database,
  workspaceId: string,
  where: ContactWhere,
  sort: ContactSort,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<ContactJson>> {
  const position = page.cursor === undefined ? null : positionFromKey(db, sort.by, decodeCursor(page.cursor));
  const rows = await findContacts(db, workspaceId, where, sort, { position, limit: page.limit + 1 });
  return toPage(rows, page.limit, (row) => positionKey(db, sort.by, row), toContactJson);
}
