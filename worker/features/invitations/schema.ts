import { z } from "@hono/zod-openapi";
import { workspaceInvitations, workspaceInviteLinks } from "../../../db/schema/generated/sqlite";
import { uuidField } from "../../lib/fields";
import { emailField } from "../auth/schema";
import { MemberSchema } from "../members/schema";
import { WorkspaceIdParam } from "../workspaces/schema";

/** The roles an invitation and an invite link can carry: the columns' own enums. */
export const INVITATION_ROLES = workspaceInvitations.role.enumValues;
export const INVITE_LINK_ROLES = workspaceInviteLinks.role.enumValues;

export const CreateInvitationBody = z
  .object({
    email: emailField,
    role: z.enum(INVITATION_ROLES, { error: `Choose one of: ${INVITATION_ROLES.join(", ")}.` }),
    message: z.string().trim().max(2000, "Use at most 2,000 characters.").optional().openapi({
      description: "A personal note shown in the invitation email.",
    }),
  })
  .strict()
  .openapi("CreateInvitation");

export const InvitationSchema = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    email: z.string(),
    role: z.enum(INVITATION_ROLES),
    status: z.enum(["pending", "accepted", "declined", "expired"]),
    message: z.string().nullable(),
    invited_by: z.string(),
    expires_at: z.string(),
    responded_at: z.string().nullable(),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi("WorkspaceInvitation");

export const InvitationPreviewSchema = z
  .object({
    workspace: z.object({ id: z.string(), name: z.string(), logo: z.string().nullable() }),
    inviter: z.object({ name: z.string() }),
    email: z.string(),
    role: z.enum(INVITATION_ROLES),
    message: z.string().nullable(),
    status: z.enum(["pending", "accepted", "declined"]),
    expires_at: z.string(),
  })
  .openapi("InvitationPreview");

export const JoinedSchema = z
  .object({ workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }), member: MemberSchema })
  .openapi("JoinedWorkspace");

export const CreateInviteLinkBody = z
  .object({ role: z.enum(INVITE_LINK_ROLES, { error: `Choose one of: ${INVITE_LINK_ROLES.join(", ")}.` }) })
  .strict()
  .openapi("CreateInviteLink");

export const InviteLinkSchema = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    role: z.enum(INVITE_LINK_ROLES),
    uses: z.number().int(),
    created_by: z.string(),
    created_at: z.string().nullable(),
  })
  .openapi("InviteLink");

export const InvitationIdParam = WorkspaceIdParam.extend({ invitationId: uuidField });

/** A token from a link. Any string is looked up (a wrong one is simply not found), within a sane length. */
export const TokenParam = z.object({ token: z.string().min(1).max(128) });
