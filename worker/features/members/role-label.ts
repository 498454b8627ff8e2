import type { Role } from "../../lib/permissions";

/** "an admin", "a viewer": a role as a sentence names it. */
export const aRole = (role: Role) => `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;

/** "editor, contributor or viewer". */
export const oneOf = (roles: readonly string[]) =>
  roles.length <= 1 ? (roles[0] ?? "") : `${roles.slice(0, -1).join(", ")} or ${roles[roles.length - 1]}`;
