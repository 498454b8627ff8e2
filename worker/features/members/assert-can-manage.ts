// The ranking rules of member management, in one place: you act only on members
// ranked below you, hand out only roles below yours, grant only what you hold, and
// never touch yourself or the owner here (leaving and transferring have their own routes).
import { AppError } from "../../lib/errors";
import { type Action, canAssignRole, outranks, ROLES, type Role } from "../../lib/permissions";
import type { MemberRow, WorkspaceAccess } from "../../lib/workspace-access";
import { aRole, oneOf } from "./role-label";

export function assertCanManage(actor: WorkspaceAccess, target: MemberRow, verb: "change" | "remove"): void {
  const targetRole = target.role ?? "viewer";
  if (target.user_id === actor.member.user_id) {
    throw new AppError(
      "forbidden",
      verb === "change"
        ? "You cannot change your own role or permissions. Ask someone ranked above you."
        : "You cannot remove yourself. Leave the workspace instead.",
    );
  }
  if (targetRole === "owner") {
    throw new AppError(
      "forbidden",
      verb === "change"
        ? "The owner's role changes only when they transfer ownership."
        : "The owner cannot be removed. They can transfer ownership first.",
      { member_role: targetRole },
    );
  }
  if (!outranks(actor.role, targetRole)) {
    const below = ROLES.filter((r) => outranks(actor.role, r));
    throw new AppError(
      "forbidden",
      `As ${aRole(actor.role)} you can ${verb} only members ranked below you (${oneOf(below)}); this person is ${aRole(targetRole)}.`,
      { role: actor.role, member_role: targetRole },
    );
  }
}

export function assertCanAssignRole(actor: Role, role: Role): void {
  if (role === "owner") {
    throw new AppError("forbidden", "Ownership is handed over with Transfer ownership, not by changing a role.", {
      role,
    });
  }
  if (canAssignRole(actor, role)) return;
  const allowed = ROLES.filter((r) => canAssignRole(actor, r));
  throw new AppError(
    "forbidden",
    allowed.length
      ? `As ${aRole(actor)} you can give only the roles ${oneOf(allowed)}, not ${role}.`
      : `As ${aRole(actor)} you cannot give any role.`,
    { role: actor, requested_role: role },
  );
}

/** Nobody grants what they cannot do themselves. */
export function assertCanGrant(actor: WorkspaceAccess, grant: readonly Action[]): void {
  const missing = grant.filter((a) => !actor.permissions.includes(a));
  if (missing.length === 0) return;
  throw new AppError(
    "forbidden",
    `You can grant only what you can do yourself; you cannot ${missing.map((a) => `"${a}"`).join(", ")}.`,
    { actions: missing },
  );
}
