import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { uuidv7 } from "../../../db/uuidv7";
import { activityEntry, changedFields } from "../../lib/activity";
import { currentIdentity } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses, json } from "../../lib/openapi";
import { pageOf, paginationQuery } from "../../lib/pagination";
import { enforceRateLimits } from "../../lib/rate-limit";
import { publishChanges } from "../../lib/realtime";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import { findUserByEmail } from "../auth/find-user";
import { findMember } from "../members/get-member-or-throw";
import { WorkspaceIdParam } from "../workspaces/schema";
import { assertCanInvite } from "./assert-can-invite";
import { getInvitationOrThrow } from "./get-invitation-or-throw";
import { newInvitationToken } from "./invitation-token";
import { listPendingInvitations } from "./list-pending-invitations";
import { CreateInvitationBody, INVITATION_ROLES, InvitationIdParam, InvitationSchema } from "./schema";
import { sendInvitation } from "./send-invitation";
import { toInvitationJson } from "./to-invitation-json";

const tags = ["Invitations"];

/** Every invitation mail counts against the workspace: 50 an hour keeps a leaked admin session from spamming. */
const limitSending = (c: Context<AppEnv>, workspaceId: string) =>
  enforceRateLimits(c, [{ key: `invitations:workspace:${workspaceId}`, limit: 50, windowSeconds: 3600 }]);

async function reload(c: Context<AppEnv>, workspaceId: string, invitationId: string) {
  return toInvitationJson(await getInvitationOrThrow(c.var.db, { workspaceId, invitationId }));
}

export const invitationRoutes = createRouter()
  // GET /api/v1/workspaces/:workspaceId/invitations — invitations still waiting for an answer
  .openapi(
    workspaceRoute("invitations.manage", {
      method: "get",
      path: "/{workspaceId}/invitations",
      tags,
      summary: "Pending invitations",
      request: { params: WorkspaceIdParam, query: paginationQuery },
      responses: {
        200: json(pageOf(InvitationSchema), "Pending, unexpired invitations, newest first"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "invalid_cursor", "validation_failed"),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      return c.json(await listPendingInvitations(c.var.db, currentWorkspace(c).workspace.id, { limit, cursor }), 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/invitations — invite someone by email (again: refreshes the pending one)
  .openapi(
    workspaceRoute("invitations.manage", {
      method: "post",
      path: "/{workspaceId}/invitations",
      tags,
      summary: "Invite someone by email",
      description:
        "Sends an invitation link valid for 7 days. If one is already pending for this email, it is refreshed " +
        "(new link, new expiry, this role and message) and answered with 200 instead of 201.",
      request: {
        params: WorkspaceIdParam,
        body: { content: { "application/json": { schema: CreateInvitationBody } }, required: true },
      },
      responses: {
        201: json(InvitationSchema, "Invited"),
        200: json(InvitationSchema, "The pending invitation, refreshed and sent again"),
        ...errorResponses(
          "invalid_json",
          "unauthorized",
          "forbidden",
          "not_found",
          "conflict",
          "validation_failed",
          "rate_limited",
        ),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.var.db;
      const access = currentWorkspace(c);
      const workspaceId = access.workspace.id;
      const me = currentIdentity(c).user;
      assertCanInvite(access.role, input.role, INVITATION_ROLES);
      const existingUser = await findUserByEmail(db, input.email);
      if (existingUser && (await findMember(db, { workspaceId, userId: existingUser.id }))) {
        throw new AppError("conflict", `${input.email} is already a member of this workspace.`, { path: "email" });
      }
      await limitSending(c, workspaceId);

      const { workspaceInvitations: invitations } = db.t;
      const [pending] = await db.q
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.workspace_id, workspaceId),
            eq(invitations.email, input.email),
            eq(invitations.status, "pending"),
          ),
        )
        .limit(1);
      const { token, hash, expiresAt } = await newInvitationToken();
      const fields = { role: input.role, message: input.message ?? null, invited_by: me.id, expires_at: expiresAt };
      const id = pending?.id ?? uuidv7();
      await db.atomic((q) =>
        pending
          ? [
              q
                .update(invitations)
                .set({ ...fields, token: hash })
                .where(and(eq(invitations.id, pending.id), eq(invitations.workspace_id, workspaceId))),
              activityEntry(c, q, db, {
                workspaceId,
                type: "workspace_invitation.resent",
                description: `${me.name} invited ${input.email} again, as ${input.role}`,
                entityType: "workspace_invitation",
                entityId: id,
                metadata: {
                  email: input.email,
                  changes: changedFields(pending, { role: input.role, message: fields.message }),
                },
              }),
            ]
          : [
              q
                .insert(invitations)
                .values({ id, workspace_id: workspaceId, email: input.email, token: hash, ...fields }),
              activityEntry(c, q, db, {
                workspaceId,
                type: "workspace_invitation.created",
                description: `${me.name} invited ${input.email} as ${input.role}`,
                entityType: "workspace_invitation",
                entityId: id,
                metadata: { email: input.email, role: input.role },
              }),
            ],
      );
      await sendInvitation(c, {
        email: input.email,
        token,
        role: input.role,
        message: fields.message,
        workspaceName: access.workspace.name,
        inviterName: me.name,
      });
      const created = await reload(c, workspaceId, id);
      await publishChanges(c, workspaceId, [
        { entity_type: "workspace_invitation", entity_id: id, op: pending ? "update" : "create", data: created },
      ]);
      return c.json(created, pending ? 200 : 201);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/invitations/:invitationId/resend — a new link and expiry, mailed again
  .openapi(
    workspaceRoute("invitations.manage", {
      method: "post",
      path: "/{workspaceId}/invitations/{invitationId}/resend",
      tags,
      summary: "Send an invitation again",
      request: { params: InvitationIdParam },
      responses: {
        200: json(InvitationSchema, "The invitation, with a new expiry; the old link no longer works"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "conflict", "validation_failed", "rate_limited"),
      },
    }),
    async (c) => {
      const { invitationId } = c.req.valid("param");
      const db = c.var.db;
      const access = currentWorkspace(c);
      const workspaceId = access.workspace.id;
      const invitation = await getInvitationOrThrow(db, { workspaceId, invitationId });
      if (invitation.status !== "pending") {
        throw new AppError("conflict", `This invitation was already ${invitation.status}.`, {
          status: invitation.status,
        });
      }
      const role = invitation.role ?? "viewer";
      assertCanInvite(access.role, role, INVITATION_ROLES);
      await limitSending(c, workspaceId);
      const me = currentIdentity(c).user;
      const { token, hash, expiresAt } = await newInvitationToken();
      const { workspaceInvitations: invitations } = db.t;
      await db.atomic((q) => [
        q
          .update(invitations)
          .set({ token: hash, expires_at: expiresAt })
          .where(and(eq(invitations.id, invitation.id), eq(invitations.workspace_id, workspaceId))),
        activityEntry(c, q, db, {
          workspaceId,
          type: "workspace_invitation.resent",
          description: `${me.name} sent the invitation to ${invitation.email} again`,
          entityType: "workspace_invitation",
          entityId: invitation.id,
          metadata: { email: invitation.email, role },
        }),
      ]);
      await sendInvitation(c, {
        email: invitation.email,
        token,
        role,
        message: invitation.message,
        workspaceName: access.workspace.name,
        inviterName: me.name,
      });
      const resent = await reload(c, workspaceId, invitation.id);
      await publishChanges(c, workspaceId, [
        { entity_type: "workspace_invitation", entity_id: invitation.id, op: "update", data: resent },
      ]);
      return c.json(resent, 200);
    },
  )
  // DELETE /api/v1/workspaces/:workspaceId/invitations/:invitationId — revoke: the link stops working
  .openapi(
    workspaceRoute("invitations.manage", {
      method: "delete",
      path: "/{workspaceId}/invitations/{invitationId}",
      tags,
      summary: "Revoke an invitation",
      request: { params: InvitationIdParam },
      responses: {
        204: { description: "Revoked" },
        ...errorResponses("unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const { invitationId } = c.req.valid("param");
      const db = c.var.db;
      const workspaceId = currentWorkspace(c).workspace.id;
      const invitation = await getInvitationOrThrow(db, { workspaceId, invitationId });
      if (invitation.status !== "pending") {
        throw new AppError(
          "conflict",
          invitation.status === "accepted"
            ? "This invitation was already accepted. Remove the member instead."
            : `This invitation was already ${invitation.status}.`,
          { status: invitation.status },
        );
      }
      const { workspaceInvitations: invitations } = db.t;
      await db.atomic((q) => [
        q.delete(invitations).where(and(eq(invitations.id, invitation.id), eq(invitations.workspace_id, workspaceId))),
        activityEntry(c, q, db, {
          workspaceId,
          type: "workspace_invitation.revoked",
          description: `${currentIdentity(c).user.name} revoked the invitation to ${invitation.email}`,
          entityType: "workspace_invitation",
          entityId: invitation.id,
          metadata: { email: invitation.email, role: invitation.role },
        }),
      ]);
      await publishChanges(c, workspaceId, [
        { entity_type: "workspace_invitation", entity_id: invitation.id, op: "delete" },
      ]);
      return c.body(null, 204);
    },
  );
