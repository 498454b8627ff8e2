// /api/v1/workspaces/:workspaceId/members — who is in a workspace: list, change a role or
// single permissions, remove someone, leave. Ownership itself moves by the workspace's transfer route.
import { createRoute } from "@hono/zod-openapi";
import { and, eq, ne } from "drizzle-orm";
import { activityEntry, changedFields } from "../../lib/activity";
import { currentIdentity, requireUser } from "../../lib/auth";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses, json } from "../../lib/openapi";
import { pageOf, paginationQuery } from "../../lib/pagination";
import { effectivePermissions } from "../../lib/permissions";
import { publishChanges, updateLiveAccess } from "../../lib/realtime";
import { currentWorkspace, requirePermission, workspaceRoute } from "../../lib/workspace-access";
import { WorkspaceIdParam } from "../workspaces/schema";
import { assertCanAssignRole, assertCanGrant, assertCanManage } from "./assert-can-manage";
import { getMemberOrThrow } from "./get-member-or-throw";
import { listMembers } from "./list-members";
import { MemberIdParam, MemberSchema, UpdateMemberBody } from "./schema";
import { toMemberJson } from "./to-member-json";

const tags = ["Members"];
const noContent = { 204: { description: "Done" } };

export const memberRoutes = createRouter()
  // GET /api/v1/workspaces/:workspaceId/members — the members, with their user, role and grants
  .openapi(
    workspaceRoute("members.read", {
      method: "get",
      path: "/{workspaceId}/members",
      tags,
      summary: "Members of a workspace",
      request: { params: WorkspaceIdParam, query: paginationQuery },
      responses: {
        200: json(pageOf(MemberSchema), "Members, in the order they joined"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "invalid_cursor", "validation_failed"),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      return c.json(await listMembers(c.var.db, currentWorkspace(c).workspace.id, { limit, cursor }), 200);
    },
  )
  // PATCH /api/v1/workspaces/:workspaceId/members/:memberId — change someone's role or single permissions
  .openapi(
    workspaceRoute("members.manage", {
      method: "patch",
      path: "/{workspaceId}/members/{memberId}",
      tags,
      summary: "Change a member's role, permissions or status (suspend, reinstate)",
      request: {
        params: MemberIdParam,
        body: { content: { "application/json": { schema: UpdateMemberBody } }, required: true },
      },
      responses: {
        200: json(MemberSchema, "The member as they are now"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { memberId } = c.req.valid("param");
      const db = c.var.db;
      const access = currentWorkspace(c);
      const workspaceId = access.workspace.id;
      const target = await getMemberOrThrow(db, { workspaceId, memberId });
      assertCanManage(access, target.member, "change");
      if (input.role !== undefined) assertCanAssignRole(access.role, input.role);
      if (input.permissions) assertCanGrant(access, input.permissions.grant);

      const next = {
        ...(input.role !== undefined && { role: input.role }),
        ...(input.permissions && { permissions: input.permissions }),
        ...(input.status !== undefined && { status: input.status }),
      };
      const changes = changedFields(target.member, next);
      if (Object.keys(changes).length > 0) {
        const { workspaceMembers } = db.t;
        const me = currentIdentity(c).user;
        const { role, status } = changes;
        await db.atomic((q) => [
          q
            .update(workspaceMembers)
            .set(next)
            .where(and(eq(workspaceMembers.id, target.member.id), eq(workspaceMembers.workspace_id, workspaceId))),
          activityEntry(c, q, db, {
            workspaceId,
            type: status
              ? input.status === "suspended"
                ? "workspace_member.suspended"
                : "workspace_member.reinstated"
              : role
                ? "workspace_member.role_changed"
                : "workspace_member.permissions_changed",
            description: status
              ? `${me.name} ${input.status === "suspended" ? "suspended" : "reinstated"} ${target.user.name}`
              : role
                ? `${me.name} changed ${target.user.name}'s role from ${role.from} to ${role.to}`
                : `${me.name} changed ${target.user.name}'s permissions`,
            entityType: "workspace_member",
            entityId: target.member.id,
            metadata: { changes, user_id: target.member.user_id },
          }),
        ]);
        const updated = await getMemberOrThrow(db, { workspaceId, memberId });
        // Their open tabs are re-scoped (or closed, if suspended or reading is no longer allowed) at once.
        await updateLiveAccess(
          c.env,
          workspaceId,
          target.member.user_id,
          updated.member.status === "active"
            ? effectivePermissions(updated.member.role ?? "viewer", updated.member.permissions)
            : null,
        );
        await publishChanges(c, workspaceId, [
          { entity_type: "workspace_member", entity_id: target.member.id, op: "update", changed: changes },
        ]);
        return c.json(toMemberJson(updated), 200);
      }
      return c.json(toMemberJson(await getMemberOrThrow(db, { workspaceId, memberId })), 200);
    },
  )
  // DELETE /api/v1/workspaces/:workspaceId/members/:memberId — remove someone ranked below me
  .openapi(
    workspaceRoute("members.manage", {
      method: "delete",
      path: "/{workspaceId}/members/{memberId}",
      tags,
      summary: "Remove a member",
      request: { params: MemberIdParam },
      responses: { ...noContent, ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed") },
    }),
    async (c) => {
      const { memberId } = c.req.valid("param");
      const db = c.var.db;
      const access = currentWorkspace(c);
      const workspaceId = access.workspace.id;
      const target = await getMemberOrThrow(db, { workspaceId, memberId });
      assertCanManage(access, target.member, "remove");
      const { workspaceMembers } = db.t;
      // Their sessions stay valid; the workspace gate simply finds no membership any more and answers 404.
      await db.atomic((q) => [
        q
          .delete(workspaceMembers)
          .where(and(eq(workspaceMembers.id, target.member.id), eq(workspaceMembers.workspace_id, workspaceId))),
        activityEntry(c, q, db, {
          workspaceId,
          type: "workspace_member.removed",
          description: `${currentIdentity(c).user.name} removed ${target.user.name} from the workspace`,
          entityType: "workspace_member",
          entityId: target.member.id,
          metadata: { user_id: target.member.user_id, role: target.member.role },
        }),
      ]);
      await updateLiveAccess(c.env, workspaceId, target.member.user_id, null);
      await publishChanges(c, workspaceId, [
        { entity_type: "workspace_member", entity_id: target.member.id, op: "delete" },
      ]);
      return c.body(null, 204);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/leave — leave a workspace (its owner hands it over first)
  .openapi(
    // Any member may leave, so the permission is only workspace.read; leaving still changes
    // something, so an API token needs the write ability as well.
    createRoute({
      method: "post",
      path: "/{workspaceId}/leave",
      tags,
      summary: "Leave a workspace",
      middleware: [requireUser("workspaces:write"), requirePermission("workspace.read")] as const,
      "x-permission": "workspace.read",
      request: { params: WorkspaceIdParam },
      responses: { ...noContent, ...errorResponses("unauthorized", "forbidden", "not_found", "conflict") },
    }),
    async (c) => {
      const db = c.var.db;
      const { workspace, member, role } = currentWorkspace(c);
      const { workspaceMembers } = db.t;
      if (role === "owner") {
        const otherOwners = await db.q.$count(
          workspaceMembers,
          and(
            eq(workspaceMembers.workspace_id, workspace.id),
            eq(workspaceMembers.role, "owner"),
            eq(workspaceMembers.status, "active"),
            ne(workspaceMembers.id, member.id),
          ),
        );
        // The workspace's recorded owner must stay a member, whatever other owners there are.
        if (otherOwners === 0 || workspace.owner_id === member.user_id) {
          throw new AppError("conflict", "You own this workspace: transfer ownership first, then leave.", { role });
        }
      }
      await db.atomic((q) => [
        q.delete(workspaceMembers).where(eq(workspaceMembers.id, member.id)),
        activityEntry(c, q, db, {
          workspaceId: workspace.id,
          type: "workspace_member.left",
          description: `${currentIdentity(c).user.name} left the workspace`,
          entityType: "workspace_member",
          entityId: member.id,
          metadata: { user_id: member.user_id, role },
        }),
      ]);
      await updateLiveAccess(c.env, workspace.id, member.user_id, null);
      await publishChanges(c, workspace.id, [{ entity_type: "workspace_member", entity_id: member.id, op: "delete" }]);
      return c.body(null, 204);
    },
  );
