// /api/v1/invite-links/:token — join a workspace with its reusable invite link.
import { createRoute } from "@hono/zod-openapi";
import { and, eq, isNull, sql } from "drizzle-orm";
import { uuidv7 } from "../../../db/uuidv7";
import { activityEntry } from "../../lib/activity";
import { currentIdentity, requireUser } from "../../lib/auth";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses } from "../../lib/openapi";
import { publishChanges } from "../../lib/realtime";
import { findMember } from "../members/get-member-or-throw";
import { assertVerified } from "./assert-invitee";
import { findInviteLinkByToken } from "./find-invite-link";
import { insertsWhile } from "./inserts-while";
import { JoinedSchema, TokenParam } from "./schema";
import { toJoinedJson } from "./to-joined-json";

const tags = ["Invitations"];
const joined = { content: { "application/json": { schema: JoinedSchema } } };

const linkOff = () =>
  new AppError(
    "not_found",
    "This invite link does not work any more: it was turned off or replaced. Ask for a new one.",
  );

export const inviteLinkJoinRoutes = createRouter()
  // POST /api/v1/invite-links/:token/join — become a member in the link's role (a member already stays as they are)
  .openapi(
    createRoute({
      method: "post",
      path: "/{token}/join",
      tags,
      summary: "Join a workspace with its invite link",
      middleware: [requireUser("workspaces:write")] as const,
      request: { params: TokenParam },
      responses: {
        201: { description: "Joined", ...joined },
        200: { description: "Already a member: the membership as it is, unchanged", ...joined },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const db = c.var.db;
      const me = currentIdentity(c).user;
      const link = await findInviteLinkByToken(db, c.req.valid("param").token);
      if (!link) throw linkOff();
      assertVerified(me);
      const workspaceId = link.workspace_id;
      if (await findMember(db, { workspaceId, userId: me.id })) {
        return c.json(await toJoinedJson(db, workspaceId, me.id), 200);
      }

      const { workspaceInviteLinks: links, workspaceMembers } = db.t;
      const stillOn = and(eq(links.id, link.id), isNull(links.disabled_at));
      const memberId = uuidv7();
      let results: { rowsAffected: number }[];
      try {
        // As with invitations: written only while the link is on, so turning it off wins a race.
        results = await db.atomic((q) => {
          const whileOn = insertsWhile(q, links, stillOn);
          return [
            whileOn.insert(workspaceMembers).values({
              id: memberId,
              workspace_id: workspaceId,
              user_id: me.id,
              role: link.role,
              joined_at: new Date(),
            }),
            activityEntry(c, whileOn, db, {
              workspaceId,
              type: "workspace_member.joined",
              description: `${me.name} joined with the invite link as ${link.role}`,
              entityType: "workspace_member",
              entityId: memberId,
              metadata: { via: "invite_link", invite_link_id: link.id, role: link.role },
            }),
            q
              .update(links)
              .set({ uses: sql`${links.uses} + 1` })
              .where(stillOn),
          ];
        });
      } catch (err) {
        // A second click raced the first: the unique (workspace, user) key kept one membership.
        if (await findMember(db, { workspaceId, userId: me.id })) {
          return c.json(await toJoinedJson(db, workspaceId, me.id), 200);
        }
        throw err;
      }
      if (!results[2]?.rowsAffected) throw linkOff();
      await publishChanges(c, workspaceId, [{ entity_type: "workspace_member", entity_id: memberId, op: "create" }]);
      return c.json(await toJoinedJson(db, workspaceId, me.id), 201);
    },
  );
