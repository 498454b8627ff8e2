// /api/v1/invitations/:token — the invited person's side: see an invitation, accept it,
// decline it. Not workspace-scoped (they are not a member yet): the token names the
// invitation, and only the signed-in owner of the invited, confirmed address may answer.
//
// An unknown, revoked, replaced, expired or already answered link answers 404 not_found,
// each with its own message: for the person holding it, all of them mean "this link no
// longer works"; 410 would add nothing a client could act on.
import { createRoute } from "@hono/zod-openapi";
import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { activityEntry } from "../../lib/activity";
import { currentIdentity, requireUser } from "../../lib/auth";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses } from "../../lib/openapi";
import { publishChanges } from "../../lib/realtime";
import { findMember } from "../members/get-member-or-throw";
import { assertInvitee } from "./assert-invitee";
import { findInvitationByToken, type InvitationByToken } from "./find-invitation-by-token";
import { insertsWhile } from "./inserts-while";
import { InvitationPreviewSchema, JoinedSchema, TokenParam } from "./schema";
import { invitationStatus } from "./to-invitation-json";
import { toJoinedJson } from "./to-joined-json";

const tags = ["Invitations"];

const notFound = () =>
  new AppError("not_found", "This invitation link is not valid: it may have been revoked or replaced by a newer one.");
const expired = () =>
  new AppError("not_found", "This invitation has expired. Ask the person who invited you to send a new one.", {
    status: "expired",
  });

/** The invitation a link names, still open for an answer; otherwise why it is not. */
async function openInvitation(db: Database, token: string): Promise<InvitationByToken> {
  const found = await findInvitationByToken(db, token);
  if (!found) throw notFound();
  const status = invitationStatus(found.invitation);
  if (status === "expired") throw expired();
  if (status !== "pending") throw new AppError("not_found", `This invitation was already ${status}.`, { status });
  return found;
}

export const invitationResponseRoutes = createRouter()
  // GET /api/v1/invitations/:token — what I was invited to, before I answer
  .openapi(
    createRoute({
      method: "get",
      path: "/{token}",
      tags,
      summary: "Preview an invitation",
      middleware: [requireUser("workspaces:read")] as const,
      request: { params: TokenParam },
      responses: {
        200: { description: "The invitation", content: { "application/json": { schema: InvitationPreviewSchema } } },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const found = await findInvitationByToken(c.var.db, c.req.valid("param").token);
      if (!found) throw notFound();
      const status = invitationStatus(found.invitation);
      // An answered invitation still previews, so the page can say so; an expired one is simply gone.
      if (status === "expired") throw expired();
      const { invitation, workspace, inviterName } = found;
      return c.json(
        {
          workspace: { id: workspace.id, name: workspace.name, logo: workspace.logo },
          inviter: { name: inviterName },
          email: invitation.email,
          role: invitation.role ?? "viewer",
          message: invitation.message,
          status: status as "pending" | "accepted" | "declined",
          expires_at: invitation.expires_at.toISOString(),
        },
        200,
      );
    },
  )
  // POST /api/v1/invitations/:token/accept — join the workspace in the invited role
  .openapi(
    createRoute({
      method: "post",
      path: "/{token}/accept",
      tags,
      summary: "Accept an invitation",
      middleware: [requireUser("workspaces:write")] as const,
      request: { params: TokenParam },
      responses: {
        200: { description: "Joined", content: { "application/json": { schema: JoinedSchema } } },
        ...errorResponses("unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const db = c.var.db;
      const me = currentIdentity(c).user;
      const { invitation, workspace } = await openInvitation(db, c.req.valid("param").token);
      assertInvitee(me, invitation.email);
      const alreadyMember = () =>
        new AppError("conflict", `You are already a member of ${workspace.name}.`, { workspace_id: workspace.id });
      if (await findMember(db, { workspaceId: workspace.id, userId: me.id })) throw alreadyMember();

      const { workspaceInvitations: invitations, workspaceMembers } = db.t;
      const now = new Date();
      const stillOpen = and(
        eq(invitations.id, invitation.id),
        eq(invitations.status, "pending"),
        gt(invitations.expires_at, now),
      );
      const memberId = uuidv7();
      const role = invitation.role ?? "viewer";
      let results: { rowsAffected: number }[];
      try {
        // The member and the log entry are written only while the invitation is still open, and
        // closing it comes last: a second accept, a revoke or a decline that got in first leaves nothing.
        results = await db.atomic((q) => {
          const whileOpen = insertsWhile(q, invitations, stillOpen);
          return [
            whileOpen.insert(workspaceMembers).values({
              id: memberId,
              workspace_id: workspace.id,
              user_id: me.id,
              role,
              invited_at: invitation.created_at,
              joined_at: now,
            }),
            activityEntry(c, whileOpen, db, {
              workspaceId: workspace.id,
              type: "workspace_member.joined",
              description: `${me.name} accepted the invitation and joined as ${role}`,
              entityType: "workspace_member",
              entityId: memberId,
              metadata: { via: "invitation", invitation_id: invitation.id, role },
            }),
            q.update(invitations).set({ status: "accepted", responded_at: now }).where(stillOpen),
          ];
        });
      } catch (err) {
        // The unique (workspace, user) key refused a second membership: they joined some other way meanwhile.
        if (await findMember(db, { workspaceId: workspace.id, userId: me.id })) throw alreadyMember();
        throw err;
      }
      if (!results[2]?.rowsAffected) throw new AppError("not_found", "This invitation was already answered.");
      await publishChanges(c, workspace.id, [{ entity_type: "workspace_member", entity_id: memberId, op: "create" }]);
      return c.json(await toJoinedJson(db, workspace.id, me.id), 200);
    },
  )
  // POST /api/v1/invitations/:token/decline — say no; the link stops working
  .openapi(
    createRoute({
      method: "post",
      path: "/{token}/decline",
      tags,
      summary: "Decline an invitation",
      middleware: [requireUser("workspaces:write")] as const,
      request: { params: TokenParam },
      responses: {
        204: { description: "Declined" },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const db = c.var.db;
      const me = currentIdentity(c).user;
      const { invitation, workspace } = await openInvitation(db, c.req.valid("param").token);
      assertInvitee(me, invitation.email);
      const { workspaceInvitations: invitations } = db.t;
      const now = new Date();
      const stillOpen = and(
        eq(invitations.id, invitation.id),
        eq(invitations.status, "pending"),
        gt(invitations.expires_at, now),
      );
      const results = await db.atomic((q) => [
        activityEntry(c, insertsWhile(q, invitations, stillOpen), db, {
          workspaceId: workspace.id,
          type: "workspace_invitation.declined",
          description: `${me.name} declined the invitation`,
          entityType: "workspace_invitation",
          entityId: invitation.id,
          metadata: { email: invitation.email, role: invitation.role },
        }),
        q.update(invitations).set({ status: "declined", responded_at: now }).where(stillOpen),
      ]);
      if (!results[1]?.rowsAffected) throw new AppError("not_found", "This invitation was already answered.");
      return c.body(null, 204);
    },
  );
