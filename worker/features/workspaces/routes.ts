// /api/v1/workspaces — my workspaces: create, read, change, hand over, delete.
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Context } from "hono";
import { uuidv7 } from "../../../db/uuidv7";
import { activityEntry, changedFields } from "../../lib/activity";
import { currentIdentity, requireUser } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { assertIfMatch, etagOf } from "../../lib/etag";
import { createRouter } from "../../lib/factory";
import { body, errorResponses, json } from "../../lib/openapi";
import { decodeCursor, pageOf, paginationQuery, toPage } from "../../lib/pagination";
import { effectivePermissions } from "../../lib/permissions";
import { publishChanges, roomOf } from "../../lib/realtime";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import {
  CreateWorkspaceBody,
  DeleteWorkspaceBody,
  TransferWorkspaceBody,
  UpdateWorkspaceBody,
  WorkspaceDetailSchema,
  WorkspaceIdParam,
  WorkspaceSchema,
} from "./schema";
import { isSlugTaken, slugify, suggestFreeSlug } from "./suggest-slug";
import { toWorkspaceJson } from "./to-workspace-json";

const tags = ["Workspaces"];

async function slugConflict(c: Context<AppEnv>, slug: string) {
  return new AppError("conflict", "This address is taken by another workspace.", {
    path: "slug",
    suggestion: await suggestFreeSlug(c.var.db, slug),
  });
}

async function reloadDetail(c: Context<AppEnv>, id: string) {
  const { workspaces } = c.var.db.t;
  const [row] = await c.var.db.q.select().from(workspaces).where(eq(workspaces.id, id)).limit(1);
  const access = currentWorkspace(c);
  if (!row) throw new AppError("not_found", "Workspace not found.");
  return { ...toWorkspaceJson(row, access.role), my_permissions: access.permissions };
}

/** The workspace as everyone sees it: the ETag must not depend on who asks. */
const workspaceVersion = ({ my_role, my_permissions, ...shared }: Awaited<ReturnType<typeof reloadDetail>>) => shared;

export const workspaceRoutes = createRouter()
  // GET /api/v1/workspaces — the workspaces I belong to, with my role
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags,
      summary: "My workspaces",
      middleware: [requireUser("workspaces:read")] as const,
      request: { query: paginationQuery },
      responses: {
        200: json(pageOf(WorkspaceSchema), "Workspaces, oldest first"),
        ...errorResponses("unauthorized", "forbidden", "invalid_cursor", "validation_failed"),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const db = c.var.db;
      const { workspaces, workspaceMembers } = db.t;
      const after = cursor ? String(decodeCursor(cursor)[0] ?? "") : null;
      const rows = await db.q
        .select({ workspace: workspaces, role: workspaceMembers.role })
        .from(workspaceMembers)
        .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspace_id))
        .where(
          and(
            eq(workspaceMembers.user_id, currentIdentity(c).user.id),
            eq(workspaceMembers.status, "active"),
            after ? gt(workspaces.id, after) : undefined,
          ),
        )
        .orderBy(asc(workspaces.id))
        .limit(limit + 1);
      return c.json(
        toPage(
          rows,
          limit,
          (r) => [r.workspace.id],
          (r) => toWorkspaceJson(r.workspace, r.role ?? "viewer"),
        ),
        200,
      );
    },
  )
  // GET /api/v1/workspaces/slug-suggestion — a free address for a name or a wanted slug
  .openapi(
    createRoute({
      method: "get",
      path: "/slug-suggestion",
      tags,
      summary: "Suggest a free workspace address",
      middleware: [requireUser("workspaces:read")] as const,
      request: { query: z.object({ name: z.string().trim().min(1).max(255) }) },
      responses: {
        200: json(z.object({ slug: z.string(), available: z.boolean() }), "A free slug"),
        ...errorResponses("unauthorized", "validation_failed"),
      },
    }),
    async (c) => {
      const wanted = slugify(c.req.valid("query").name);
      const slug = await suggestFreeSlug(c.var.db, wanted);
      return c.json({ slug, available: slug === wanted }, 200);
    },
  )
  // POST /api/v1/workspaces — create a workspace; I become its owner
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags,
      summary: "Create a workspace",
      middleware: [requireUser("workspaces:write")] as const,
      request: body(CreateWorkspaceBody),
      responses: {
        201: json(WorkspaceDetailSchema, "The new workspace"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.var.db;
      const me = currentIdentity(c).user;
      const slug = input.slug ?? (await suggestFreeSlug(db, slugify(input.name)));
      if (input.slug && (await isSlugTaken(db, slug))) throw await slugConflict(c, slug);
      const id = uuidv7();
      const now = new Date();
      try {
        await db.atomic((q) => [
          q.insert(db.t.workspaces).values({
            id,
            name: input.name,
            slug,
            description: input.description ?? null,
            logo: input.logo ?? null,
            branding: input.branding ?? {},
            settings: input.settings ?? {},
            owner_id: me.id,
          }),
          q.insert(db.t.workspaceMembers).values({ workspace_id: id, user_id: me.id, role: "owner", joined_at: now }),
          activityEntry(c, q, db, {
            workspaceId: id,
            type: "workspace.created",
            description: `${me.name} created the workspace ${input.name}`,
            entityType: "workspace",
            entityId: id,
          }),
        ]);
      } catch (err) {
        if (await isSlugTaken(db, slug)) throw await slugConflict(c, slug);
        throw err;
      }
      const { workspaces } = db.t;
      const [row] = await db.q.select().from(workspaces).where(eq(workspaces.id, id));
      return c.json({ ...toWorkspaceJson(row!, "owner"), my_permissions: effectivePermissions("owner", null) }, 201);
    },
  )
  // GET /api/v1/workspaces/:workspaceId — one workspace, with my role and what I may do in it
  .openapi(
    workspaceRoute("workspace.read", {
      method: "get",
      path: "/{workspaceId}",
      tags,
      summary: "A workspace, with my effective permissions",
      request: { params: WorkspaceIdParam },
      responses: {
        200: json(WorkspaceDetailSchema, "The workspace"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const detail = await reloadDetail(c, currentWorkspace(c).workspace.id);
      c.header("ETag", await etagOf(workspaceVersion(detail)));
      return c.json(detail, 200);
    },
  )
  // PATCH /api/v1/workspaces/:workspaceId — rename, change the address, description, logo, branding, settings
  .openapi(
    workspaceRoute("workspace.update", {
      method: "patch",
      path: "/{workspaceId}",
      tags,
      summary: "Update a workspace",
      request: { params: WorkspaceIdParam, ...body(UpdateWorkspaceBody) },
      responses: {
        200: json(WorkspaceDetailSchema, "The updated workspace"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      if (c.req.header("If-Match")) await assertIfMatch(c, workspaceVersion(await reloadDetail(c, workspace.id)));
      if (input.slug && input.slug !== workspace.slug && (await isSlugTaken(db, input.slug, workspace.id))) {
        throw await slugConflict(c, input.slug);
      }
      const next = {
        ...input,
        ...(input.branding && { branding: { ...(workspace.branding ?? {}), ...input.branding } }),
        ...(input.settings && { settings: { ...(workspace.settings ?? {}), ...input.settings } }),
      };
      const changes = changedFields(workspace, next);
      if (Object.keys(changes).length > 0) {
        const { workspaces } = db.t;
        await db.atomic((q) => [
          q.update(workspaces).set(next).where(eq(workspaces.id, workspace.id)),
          activityEntry(c, q, db, {
            workspaceId: workspace.id,
            type: "workspace.updated",
            description: `${currentIdentity(c).user.name} changed ${Object.keys(changes).join(", ")}`,
            entityType: "workspace",
            entityId: workspace.id,
            metadata: { changes },
          }),
        ]);
        await publishChanges(c, workspace.id, [
          { entity_type: "workspace", entity_id: workspace.id, op: "update", changed: changes },
        ]);
      }
      const detail = await reloadDetail(c, workspace.id);
      c.header("ETag", await etagOf(workspaceVersion(detail)));
      return c.json(detail, 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/transfer — hand ownership to another member; I become an admin
  .openapi(
    workspaceRoute("workspace.transfer", {
      method: "post",
      path: "/{workspaceId}/transfer",
      tags,
      summary: "Transfer ownership to another member",
      request: { params: WorkspaceIdParam, ...body(TransferWorkspaceBody) },
      responses: {
        200: json(WorkspaceDetailSchema, "The workspace under its new owner"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { user_id } = c.req.valid("json");
      const db = c.var.db;
      const access = currentWorkspace(c);
      const me = currentIdentity(c).user;
      if (user_id === me.id)
        throw new AppError("validation_failed", "You already own this workspace.", [
          { path: "user_id", message: "Choose another member.", code: "custom" },
        ]);
      const { workspaces, workspaceMembers, users } = db.t;
      const [target] = await db.q
        .select({ member: workspaceMembers, name: users.name })
        .from(workspaceMembers)
        .innerJoin(users, eq(users.id, workspaceMembers.user_id))
        .where(and(eq(workspaceMembers.workspace_id, access.workspace.id), eq(workspaceMembers.user_id, user_id)))
        .limit(1);
      if (target?.member.status !== "active") {
        throw new AppError("not_found", "That person is not an active member of this workspace.", { path: "user_id" });
      }
      await db.atomic((q) => [
        q.update(workspaces).set({ owner_id: user_id }).where(eq(workspaces.id, access.workspace.id)),
        q.update(workspaceMembers).set({ role: "owner" }).where(eq(workspaceMembers.id, target.member.id)),
        q.update(workspaceMembers).set({ role: "admin" }).where(eq(workspaceMembers.id, access.member.id)),
        activityEntry(c, q, db, {
          workspaceId: access.workspace.id,
          type: "workspace.ownership_transferred",
          description: `${me.name} handed ownership to ${target.name}`,
          entityType: "workspace",
          entityId: access.workspace.id,
          metadata: { changes: { owner_id: { from: me.id, to: user_id } } },
        }),
      ]);
      await publishChanges(c, access.workspace.id, [
        {
          entity_type: "workspace",
          entity_id: access.workspace.id,
          op: "update",
          changed: { owner_id: { from: me.id, to: user_id } },
        },
        {
          entity_type: "workspace_member",
          entity_id: target.member.id,
          op: "update",
          changed: { role: { from: target.member.role, to: "owner" } },
        },
        {
          entity_type: "workspace_member",
          entity_id: access.member.id,
          op: "update",
          changed: { role: { from: "owner", to: "admin" } },
        },
      ]);
      const [row] = await db.q.select().from(workspaces).where(eq(workspaces.id, access.workspace.id));
      return c.json(
        { ...toWorkspaceJson(row!, "admin"), my_permissions: effectivePermissions("admin", access.member.permissions) },
        200,
      );
    },
  )
  // DELETE /api/v1/workspaces/:workspaceId — delete everything in it; the owner confirms with the slug
  .openapi(
    workspaceRoute("workspace.delete", {
      method: "delete",
      path: "/{workspaceId}",
      tags,
      summary: "Delete a workspace and all its data",
      request: { params: WorkspaceIdParam, ...body(DeleteWorkspaceBody) },
      responses: {
        204: { description: "Deleted" },
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { confirm_slug } = c.req.valid("json");
      const { workspace } = currentWorkspace(c);
      if (confirm_slug !== workspace.slug) {
        throw new AppError("validation_failed", "Type the workspace's address to confirm.", [
          { path: "confirm_slug", message: `Type ${workspace.slug} to confirm.`, code: "custom" },
        ]);
      }
      const db = c.var.db;
      // Every table that belongs to a workspace cascades from it (ON DELETE CASCADE), the log included.
      await db.atomic((q) => [q.delete(db.t.workspaces).where(eq(db.t.workspaces.id, workspace.id))]);
      await roomOf(c.env, workspace.id)
        .closeWorkspace()
        .catch((err) => console.error(JSON.stringify({ level: "error", msg: "room not closed", error: String(err) })));
      return c.body(null, 204);
    },
  );
