import { AppError } from "../../lib/errors";
import type { Action } from "../../lib/permissions";
import type { WorkspaceAccess } from "../../lib/workspace-access";

/**
 * A second permission a route needs for some of its input (bulk delete needs
 * crm.contacts.delete besides crm.contacts.bulk). Read from the same effective
 * permissions the route's gate used, and refused the same way.
 */
export function assertAllowed(access: WorkspaceAccess, action: Action): void {
  if (!access.permissions.includes(action)) {
    throw new AppError("forbidden", `Your role (${access.role}) does not allow this.`, { action, role: access.role });
  }
}
