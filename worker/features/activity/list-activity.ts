import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import { decodeCursor, type Page, toPage } from "../../lib/pagination";
import { findActivity } from "./find-activity";
import type { ActivityFilter } from "./schema";
import { toActivityJson } from "./to-activity-json";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One page of a workspace's activity feed, newest first; the cursor is the last id seen. */
export async function listActivity(
  db: Database,
  workspaceId: string,
  filter: ActivityFilter,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<ReturnType<typeof toActivityJson>>> {
  const beforeId = page.cursor === undefined ? null : cursorId(page.cursor);
  const rows = await findActivity(db, workspaceId, filter, { beforeId, limit: page.limit + 1 });
  return toPage(rows, page.limit, (row) => [row.entry.id], toActivityJson);
}

function cursorId(cursor: string): string {
  const [id, ...rest] = decodeCursor(cursor);
  if (typeof id !== "string" || !UUID.test(id) || rest.length > 0) {
    throw new AppError("invalid_cursor", "The cursor is not one this list gave out.", { cursor });
  }
  return id;
}
