import type { Database } from "../../../db/database";

export type InvitationRow = Database["t"]["workspaceInvitations"]["$inferSelect"];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A pending invitation past its date reads as expired: the stored status changes only when someone answers. */
export function invitationStatus(row: InvitationRow, now = new Date()) {
  const status = row.status ?? "pending";
  return status === "pending" && row.expires_at <= now ? "expired" : status;
}

/** The API's invitation: never its token, nor the token's hash. */
export function toInvitationJson(row: InvitationRow) {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    email: row.email,
    role: row.role ?? "viewer",
    status: invitationStatus(row),
    message: row.message,
    invited_by: row.invited_by,
    expires_at: row.expires_at.toISOString(),
    responded_at: iso(row.responded_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}
