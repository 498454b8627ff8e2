import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { decodeCursor, type Page, toPage } from "../../lib/pagination";
import { toInvitationJson } from "./to-invitation-json";

/** The invitations of a workspace still waiting for an answer, newest first; the cursor is the last id seen. */
export async function listPendingInvitations(
  db: Database,
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<ReturnType<typeof toInvitationJson>>> {
  const { workspaceInvitations } = db.t;
  const before = page.cursor === undefined ? null : String(decodeCursor(page.cursor)[0] ?? "");
  const rows = await db.q
    .select()
    .from(workspaceInvitations)
    .where(
      and(
        eq(workspaceInvitations.workspace_id, workspaceId),
        eq(workspaceInvitations.status, "pending"),
        gt(workspaceInvitations.expires_at, new Date()),
        before === null ? undefined : lt(workspaceInvitations.id, before),
      ),
    )
    .orderBy(desc(workspaceInvitations.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.id], toInvitationJson);
}
