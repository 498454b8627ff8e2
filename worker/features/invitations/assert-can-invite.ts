import { AppError } from "../../lib/errors";
import { canAssignRole, type Role } from "../../lib/permissions";
import { aRole, oneOf } from "../members/role-label";

/** Invitations and invite links hand out a role, so the rule is the one for giving roles: only below your own. */
export function assertCanInvite(actor: Role, role: Role, roles: readonly Role[]): void {
  if (canAssignRole(actor, role)) return;
  const allowed = roles.filter((r) => canAssignRole(actor, r));
  throw new AppError(
    "forbidden",
    allowed.length
      ? `As ${aRole(actor)} you can invite people only as ${oneOf(allowed)}, not as ${role}.`
      : `As ${aRole(actor)} you cannot invite people.`,
    { role: actor, requested_role: role },
  );
}
