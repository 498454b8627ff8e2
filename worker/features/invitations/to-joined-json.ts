import { eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import { getMemberOrThrow } from "../members/get-member-or-throw";
import { toMemberJson } from "../members/to-member-json";

/** What joining answers: the workspace to open, and my membership in it. */
export async function toJoinedJson(db: Database, workspaceId: string, userId: string) {
  const { workspaces } = db.t;
  const [workspace] = await db.q
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  if (!workspace) throw new AppError("not_found", "Workspace not found.");
  return { workspace, member: toMemberJson(await getMemberOrThrow(db, { workspaceId, userId })) };
}
