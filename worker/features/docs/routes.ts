// GET /api/v1/workspaces/:workspaceId/docs/:docName — edit one text field together (WebSocket, y-protocols).
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { DocGrant } from "../../../durable-objects/doc-protocol";
import type { SocketIdentity } from "../../../durable-objects/workspace-room-protocol";
import { currentIdentity, requireUser } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses } from "../../lib/openapi";
import { credentialOf, roomOf } from "../../lib/realtime";
import { currentWorkspace, requirePermission } from "../../lib/workspace-access";
import { WorkspaceIdParam } from "../workspaces/schema";
import { parseDocName } from "./collaborative-fields";
import { writePermissionFor } from "./write-permission-for";

const docNotFound = () => new AppError("not_found", "This document does not exist.");

/**
 * After the workspace gate (a non-member learns nothing, not even whether the name
 * is well formed): the same gate again with the read permission of the field the
 * document name points at.
 */
const requireDocRead: MiddlewareHandler<AppEnv> = (c, next) => {
  const target = parseDocName(c.req.param("docName") ?? "");
  if (!target) throw docNotFound();
  return requirePermission(target.field.read)(c, next);
};

export const docRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/{workspaceId}/docs/{docName}",
    tags: ["Live"],
    summary: "Edit a text field together (WebSocket, y-protocols sync + awareness)",
    description:
      "Upgrade to a WebSocket that speaks y-websocket's binary protocol; the text is the Y.Text `content`. `docName` is `{table}:{rowId}:{column}`, one of crm_contacts:notes, social_media_posts:content, email_campaigns:content, link_in_bio_pages:bio, course_lessons:content. Reading needs the resource's read permission; members who may not edit it join read-only (their edits are dropped). Close codes: 4401 session ended, 4403 access revoked, 4404 row deleted, 4413 text too long, 4423 the row takes no edits now (a post being published).",
    // The permission depends on the field: workspace.read is the floor, the field's read permission comes next.
    middleware: [requireUser(), requirePermission("workspace.read"), requireDocRead] as const,
    "x-permission": "workspace.read",
    request: {
      params: WorkspaceIdParam.extend({ docName: z.string().max(200) }),
      query: z.object({ access_token: z.string().max(300).optional() }),
    },
    responses: {
      101: { description: "Switching to the WebSocket protocol" },
      ...errorResponses("unauthorized", "forbidden", "not_found", "upgrade_required", "validation_failed"),
    },
  }),
  async (c) => {
    if (c.req.header("Upgrade") !== "websocket") {
      throw new AppError("upgrade_required", "Connect with a WebSocket (Upgrade: websocket).");
    }
    const identity = currentIdentity(c);
    // A cookie rides along from any page; only our own pages may open a socket with it.
    if (identity.kind === "session" && c.req.header("Origin") !== new URL(c.req.url).origin) {
      throw new AppError("forbidden", "Live connections are accepted from this app only.", { reason: "origin" });
    }
    const access = currentWorkspace(c);
    const target = parseDocName(c.req.valid("param").docName);
    if (!target) throw docNotFound();
    // A row of another workspace answers exactly like a row that does not exist.
    const row = await target.field.find(c.var.db, access.workspace.id, target.rowId);
    if (!row) throw docNotFound();
    const socket: SocketIdentity = {
      user_id: identity.user.id,
      name: identity.user.name,
      avatar: identity.user.avatar,
      role: access.role,
      permissions: access.permissions,
      credential: credentialOf(identity),
    };
    const grant: DocGrant = {
      workspace_id: access.workspace.id,
      doc: target.name,
      read_permission: target.field.read,
      write_permission: writePermissionFor(identity, access, target.field, row),
    };
    return roomOf(c.env, access.workspace.id).fetch(
      new Request("https://room/doc", {
        headers: {
          Upgrade: "websocket",
          "X-Socket-Identity": JSON.stringify(socket),
          "X-Doc-Grant": JSON.stringify(grant),
        },
      }),
    );
  },
);
