import type { Database } from "../../../db/database";

export type InviteLinkRow = Database["t"]["workspaceInviteLinks"]["$inferSelect"];

/** The API's invite link: never its token, nor the token's hash. */
export function toInviteLinkJson(row: InviteLinkRow) {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    role: row.role,
    uses: row.uses,
    created_by: row.created_by,
    created_at: row.created_at ? row.created_at.toISOString() : null,
  };
}
