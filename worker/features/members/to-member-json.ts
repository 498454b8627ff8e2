import type { Database } from "../../../db/database";
import { MemberPermissionsSchema } from "../../lib/permissions";
import type { MemberRow } from "../../lib/workspace-access";

export type MemberUser = Pick<Database["t"]["users"]["$inferSelect"], "id" | "name" | "email" | "avatar">;
export type MemberWithUser = { member: MemberRow; user: MemberUser };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The grants and revocations as stored; a shape the permission table would ignore reads as none. */
function storedPermissions(stored: unknown) {
  const parsed = MemberPermissionsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : { grant: [], revoke: [] };
}

export function toMemberJson({ member, user }: MemberWithUser) {
  return {
    id: member.id,
    workspace_id: member.workspace_id,
    user_id: member.user_id,
    user: { id: user.id, name: user.name, email: user.email, avatar: user.avatar },
    role: member.role ?? "viewer",
    status: member.status ?? "active",
    permissions: storedPermissions(member.permissions),
    invited_at: iso(member.invited_at),
    joined_at: iso(member.joined_at),
    created_at: iso(member.created_at),
    updated_at: iso(member.updated_at),
  };
}
