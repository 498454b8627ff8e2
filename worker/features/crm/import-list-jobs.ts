import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import { decodeCursor, type Page, toPage } from "../../lib/pagination";
import { toImportJobJson } from "./import-job-json";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A workspace's imports, newest first (ids are UUIDv7, so they sort by time); the cursor is the last id seen. */
export async function listImportJobs(
  db: Database,
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<ReturnType<typeof toImportJobJson>>> {
  const { crmImportJobs } = db.t;
  let beforeId: string | null = null;
  if (page.cursor !== undefined) {
    const [id, ...rest] = decodeCursor(page.cursor);
    if (typeof id !== "string" || !UUID.test(id) || rest.length > 0) {
      throw new AppError("invalid_cursor", "The cursor is not one this list gave out.", { cursor: page.cursor });
    }
    beforeId = id;
  }
  const rows = await db.q
    .select()
    .from(crmImportJobs)
    .where(and(eq(crmImportJobs.workspace_id, workspaceId), beforeId ? lt(crmImportJobs.id, beforeId) : undefined))
    .orderBy(desc(crmImportJobs.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.id], toImportJobJson);
}
