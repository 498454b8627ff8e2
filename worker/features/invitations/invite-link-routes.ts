// /api/v1/workspaces/:workspaceId/invite-link — the workspace's one reusable join link:
// see it, make a new one (the old one stops working), turn it off.
import { z } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import { uuidv7 } from "../../../db/uuidv7";
import { activityEntry } from "../../lib/activity";
import { currentIdentity } from "../../lib/auth";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses, json } from "../../lib/openapi";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import { WorkspaceIdParam } from "../workspaces/schema";
import { appLink } from "./app-link";
import { assertCanInvite } from "./assert-can-invite";
import { findActiveInviteLink } from "./find-invite-link";
import { CreateInviteLinkBody, INVITE_LINK_ROLES, InviteLinkSchema } from "./schema";
import { toInviteLinkJson } from "./to-invite-link-json";

const tags = ["Invitations"];

export const inviteLinkRoutes = createRouter()
  // GET /api/v1/workspaces/:workspaceId/invite-link — the live link's role and uses (never its URL again)
  .openapi(
    workspaceRoute("invitations.manage", {
      method: "get",
      path: "/{workspaceId}/invite-link",
      tags,
      summary: "The workspace's invite link, if one is on",
      request: { params: WorkspaceIdParam },
      responses: {
        200: json(z.object({ invite_link: InviteLinkSchema.nullable() }), "The live link, or null when it is off"),
        ...errorResponses("unauthorized", "forbidden", "not_found"),
      },
    }),
    async (c) => {
      const link = await findActiveInviteLink(c.var.db, currentWorkspace(c).workspace.id);
      return c.json({ invite_link: link ? toInviteLinkJson(link) : null }, 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/invite-link — a new link for a role; any older link stops working
  .openapi(
    workspaceRoute("invitations.manage", {
      method: "post",
      path: "/{workspaceId}/invite-link",
      tags,
      summary: "Create the invite link (replacing the current one)",
      request: {
        params: WorkspaceIdParam,
        body: { content: { "application/json": { schema: CreateInviteLinkBody } }, required: true },
      },
      responses: {
        201: json(
          z.object({
            invite_link: InviteLinkSchema,
            url: z.string().openapi({ description: "Shown once; only the hash of its token is kept." }),
          }),
          "The new link, with its URL shown this once",
        ),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { role } = c.req.valid("json");
      const db = c.var.db;
      const access = currentWorkspace(c);
      const workspaceId = access.workspace.id;
      assertCanInvite(access.role, role, INVITE_LINK_ROLES);
      const previous = await findActiveInviteLink(db, workspaceId);
      const token = randomToken();
      const tokenHash = await sha256Hex(token);
      const id = uuidv7();
      const { workspaceInviteLinks: links } = db.t;
      await db.atomic((q) => [
        q
          .update(links)
          .set({ disabled_at: new Date() })
          .where(and(eq(links.workspace_id, workspaceId), isNull(links.disabled_at))),
        q.insert(links).values({
          id,
          workspace_id: workspaceId,
          token_hash: tokenHash,
          role,
          created_by: currentIdentity(c).user.id,
        }),
        activityEntry(c, q, db, {
          workspaceId,
          type: "workspace_invite_link.created",
          description: `${currentIdentity(c).user.name} created an invite link for ${role}s`,
          entityType: "workspace_invite_link",
          entityId: id,
          metadata: { role, replaced_id: previous?.id ?? null },
        }),
      ]);
      const [link] = await db.q.select().from(links).where(eq(links.id, id));
      if (!link) throw new Error(`invite link ${id} not found right after it was inserted`);
      // The URL is in this body and nowhere else: no cache may keep a copy.
      c.header("Cache-Control", "no-store");
      return c.json({ invite_link: toInviteLinkJson(link), url: appLink(c, `/app/join/${token}`) }, 201);
    },
  )
  // DELETE /api/v1/workspaces/:workspaceId/invite-link — turn the link off
  .openapi(
    workspaceRoute("invitations.manage", {
      method: "delete",
      path: "/{workspaceId}/invite-link",
      tags,
      summary: "Turn the invite link off",
      request: { params: WorkspaceIdParam },
      responses: { 204: { description: "Turned off" }, ...errorResponses("unauthorized", "forbidden", "not_found") },
    }),
    async (c) => {
      const db = c.var.db;
      const workspaceId = currentWorkspace(c).workspace.id;
      const link = await findActiveInviteLink(db, workspaceId);
      if (!link) throw new AppError("not_found", "This workspace has no invite link turned on.");
      const { workspaceInviteLinks: links } = db.t;
      await db.atomic((q) => [
        q
          .update(links)
          .set({ disabled_at: new Date() })
          .where(and(eq(links.workspace_id, workspaceId), isNull(links.disabled_at))),
        activityEntry(c, q, db, {
          workspaceId,
          type: "workspace_invite_link.disabled",
          description: `${currentIdentity(c).user.name} turned the invite link off`,
          entityType: "workspace_invite_link",
          entityId: link.id,
          metadata: { role: link.role, uses: link.uses },
        }),
      ]);
      return c.body(null, 204);
    },
  );
