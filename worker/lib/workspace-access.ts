// One gate for every workspace route: resolve the workspace from the path, the
// caller's membership and effective permissions, then allow or refuse the action
// the route declared. Non-members get 404 — a workspace's existence is not revealed.
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import type { Database } from "../../db/database";
import { currentIdentity, requireUser, tokenAllows } from "./auth";
import type { AppEnv } from "./env";
import { AppError, toErrorResponse } from "./errors";
import { type Action, abilityFor, effectivePermissions, isReadAction, type Role } from "./permissions";

export type WorkspaceRow = Database["t"]["workspaces"]["$inferSelect"];
export type MemberRow = Database["t"]["workspaceMembers"]["$inferSelect"];
export type WorkspaceAccess = { workspace: WorkspaceRow; member: MemberRow; role: Role; permissions: Action[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const workspaceNotFound = () => new AppError("not_found", "Workspace not found.");

/** The caller's access to a workspace, or null when they are not an active member of it. */
export async function loadWorkspaceAccess(
  db: Database,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceAccess | null> {
  if (!UUID.test(workspaceId)) return null;
  const { workspaces, workspaceMembers } = db.t;
  const [row] = await db.q
    .select({ workspace: workspaces, member: workspaceMembers })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspace_id))
    .where(and(eq(workspaceMembers.workspace_id, workspaceId.toLowerCase()), eq(workspaceMembers.user_id, userId)))
    .limit(1);
  return accessOf(row);
}

/** What a membership row allows: nothing unless it is active. */
function accessOf(row: { workspace: WorkspaceRow; member: MemberRow } | null | undefined): WorkspaceAccess | null {
  if (row?.member.status !== "active") return null;
  const role = row.member.role ?? "viewer";
  return { ...row, role, permissions: effectivePermissions(role, row.member.permissions) };
}

/** The caller's access, from the membership read with their session when it is this workspace's. */
function accessFor(c: Context<AppEnv>, workspaceId: string, userId: string): Promise<WorkspaceAccess | null> {
  const probe = c.var.membershipProbe;
  if (probe?.row !== undefined && probe.workspaceId === workspaceId.toLowerCase()) {
    return Promise.resolve(accessOf(probe.row));
  }
  return loadWorkspaceAccess(c.var.db, workspaceId, userId);
}

export const requirePermission =
  (action: Action): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const identity = currentIdentity(c);
    const access = await accessFor(c, c.req.param("workspaceId") ?? "", identity.user.id);
    if (!access) throw workspaceNotFound();
    if (!access.permissions.includes(action)) {
      throw new AppError("forbidden", `Your role (${access.role}) does not allow this.`, { action, role: access.role });
    }
    if (access.workspace.status !== "active" && !isReadAction(action)) {
      throw new AppError("forbidden", `This workspace is ${access.workspace.status} and can only be read.`, {
        action,
        workspace_status: access.workspace.status,
      });
    }
    if (identity.kind === "token" && !tokenAllows(identity.abilities, abilityFor(action))) {
      throw new AppError("forbidden", `This API token lacks the "${abilityFor(action)}" ability.`, {
        ability: abilityFor(action),
      });
    }
    c.set("workspace", access);
    await next();
    // The workspace went (deleted, or the caller taken out of it) while this request wrote to
    // it, and the write failed on a row that needs it: the answer is the 404 a moment later gets.
    if (c.res.status >= 500 && !(await loadWorkspaceAccess(c.var.db, access.workspace.id, identity.user.id))) {
      c.res = undefined;
      c.res = toErrorResponse(workspaceNotFound(), c);
    }
  };

export function currentWorkspace(c: Context<AppEnv>): WorkspaceAccess {
  const access = c.var.workspace;
  if (!access) throw new Error("currentWorkspace() used on a route without requirePermission()");
  return access;
}

/**
 * A workspace-scoped route: signed in, member, allowed `permission`. The action is
 * also written into the OpenAPI document (`x-permission`), which is where the
 * permission-matrix test reads it from.
 */
export function workspaceRoute<const R extends Omit<RouteConfig, "middleware">>(permission: Action, route: R) {
  return createRoute({
    ...route,
    middleware: [requireUser(), requirePermission(permission)] as const,
    "x-permission": permission,
  });
}
