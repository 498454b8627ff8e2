import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { decodeCursor, type Page, toPage } from "../../lib/pagination";
import { toMemberJson } from "./to-member-json";

/** A workspace's members, in the order they were added (ids are time-ordered UUIDv7); the cursor is the last id seen. */
export async function listMembers(
  db: Database,
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<ReturnType<typeof toMemberJson>>> {
  const { workspaceMembers, users } = db.t;
  const after = page.cursor === undefined ? null : String(decodeCursor(page.cursor)[0] ?? "");
  const rows = await db.q
    .select({
      member: workspaceMembers,
      user: { id: users.id, name: users.name, email: users.email, avatar: users.avatar },
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.user_id))
    .where(
      and(eq(workspaceMembers.workspace_id, workspaceId), after === null ? undefined : gt(workspaceMembers.id, after)),
    )
    .orderBy(asc(workspaceMembers.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.member.id], toMemberJson);
}
