import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import type { InvitationRow } from "./to-invitation-json";

/** An invitation of this workspace; an id of another workspace is not found. */
export async function getInvitationOrThrow(
  db: Database,
  where: { workspaceId: string; invitationId: string },
): Promise<InvitationRow> {
  const { workspaceInvitations } = db.t;
  const [row] = await db.q
    .select()
    .from(workspaceInvitations)
    .where(
      and(eq(workspaceInvitations.id, where.invitationId), eq(workspaceInvitations.workspace_id, where.workspaceId)),
    )
    .limit(1);
  if (!row) throw new AppError("not_found", "No such invitation in this workspace.");
  return row;
}
