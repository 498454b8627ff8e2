import type { Identity } from "../../lib/auth";
import { tokenAllows } from "../../lib/auth";
import { type Action, abilityFor } from "../../lib/permissions";
import type { WorkspaceAccess } from "../../lib/workspace-access";
import type { CollaborativeField, FieldRow } from "./collaborative-fields";

/**
 * The action that lets the caller edit this field of this row, or null for a
 * read-only socket. Not a refusal: whoever may read the field still joins and
 * sees others type. Mirrors requirePermission's three conditions (the member's
 * permissions, an active workspace, the token's ability), plus `*_own` actions
 * for rows the member created.
 */
export function writePermissionFor(
  identity: Identity,
  access: WorkspaceAccess,
  field: CollaborativeField,
  row: FieldRow,
): Action | null {
  if (access.workspace.status !== "active") return null;
  // A row that takes no edits now (a post being published) is read-only for everyone.
  if (row.locked) return null;
  const owns = row.created_by !== null && row.created_by === identity.user.id;
  const candidates = owns && field.writeOwn ? [field.write, field.writeOwn] : [field.write];
  const granted = candidates.find((action) => access.permissions.includes(action));
  if (!granted) return null;
  if (row.alsoNeeds && !access.permissions.includes(row.alsoNeeds)) return null;
  if (identity.kind === "token" && !tokenAllows(identity.abilities, abilityFor(granted))) return null;
  return granted;
}
