import { eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { sha256Hex } from "../../lib/crypto";
import type { WorkspaceRow } from "../../lib/workspace-access";
import type { InvitationRow } from "./to-invitation-json";

export type InvitationByToken = {
  invitation: InvitationRow;
  workspace: Pick<WorkspaceRow, "id" | "name" | "slug" | "logo">;
  inviterName: string;
};

/** The invitation a link names, whatever its state, with what a preview shows of its workspace and inviter. */
export async function findInvitationByToken(db: Database, token: string): Promise<InvitationByToken | null> {
  const { workspaceInvitations, workspaces, users } = db.t;
  const [row] = await db.q
    .select({
      invitation: workspaceInvitations,
      workspace: { id: workspaces.id, name: workspaces.name, slug: workspaces.slug, logo: workspaces.logo },
      inviterName: users.name,
    })
    .from(workspaceInvitations)
    .innerJoin(workspaces, eq(workspaces.id, workspaceInvitations.workspace_id))
    .innerJoin(users, eq(users.id, workspaceInvitations.invited_by))
    .where(eq(workspaceInvitations.token, await sha256Hex(token)))
    .limit(1);
  return row ?? null;
}
