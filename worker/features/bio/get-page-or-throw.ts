import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";

export type PageRow = Database["t"]["linkInBioPages"]["$inferSelect"];

export const pageNotFound = () => new AppError("not_found", "This bio page does not exist in this workspace.");

/** A bio page, found only within its workspace: an id of another workspace is not found. */
export async function getPageOrThrow(db: Database, where: { workspaceId: string; pageId: string }): Promise<PageRow> {
  const t = db.t.linkInBioPages;
  const [row] = await db.q
    .select()
    .from(t)
    .where(and(eq(t.workspace_id, where.workspaceId), eq(t.id, where.pageId.toLowerCase())))
    .limit(1);
  if (!row) throw pageNotFound();
  return row;
}
