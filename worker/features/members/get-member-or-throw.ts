import { and, eq, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import type { MemberWithUser } from "./to-member-json";

/** A member with their user, found only within the workspace: an id of another workspace is not found. */
export async function getMemberOrThrow(
  db: Database,
  where: { workspaceId: string } & ({ memberId: string } | { userId: string }),
): Promise<MemberWithUser> {
  const found = await findMember(db, where);
  if (!found) throw new AppError("not_found", "This person is not a member of this workspace.");
  return found;
}

export async function findMember(
  db: Database,
  where: { workspaceId: string } & ({ memberId: string } | { userId: string }),
): Promise<MemberWithUser | null> {
  const { workspaceMembers, users } = db.t;
  const which: SQL =
    "memberId" in where ? eq(workspaceMembers.id, where.memberId) : eq(workspaceMembers.user_id, where.userId);
  const [row] = await db.q
    .select({
      member: workspaceMembers,
      user: { id: users.id, name: users.name, email: users.email, avatar: users.avatar },
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.user_id))
    .where(and(eq(workspaceMembers.workspace_id, where.workspaceId), which))
    .limit(1);
  return row ?? null;
}
