import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import type { PostRow } from "./account-row";

export const postNotFound = () => new AppError("not_found", "This post does not exist in this workspace.");

/** A post, found only within its workspace. */
export async function getPostOrThrow(db: Database, where: { workspaceId: string; postId: string }): Promise<PostRow> {
  const t = db.t.socialMediaPosts;
  const [row] = await db.q
    .select()
    .from(t)
    .where(and(eq(t.workspace_id, where.workspaceId), eq(t.id, where.postId.toLowerCase())))
    .limit(1);
  if (!row) throw postNotFound();
  return row;
}
