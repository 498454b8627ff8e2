import { z } from "@hono/zod-openapi";
import { uuidField } from "../../lib/fields";
import { ACTIONS, MemberPermissionsSchema, ROLE_PERMISSIONS, ROLES } from "../../lib/permissions";
import { WorkspaceIdParam } from "../workspaces/schema";

/** What only an owner does (billing, deleting, handing over): nobody else can be granted it. */
export const OWNER_ONLY_ACTIONS = ACTIONS.filter((a) => !ROLE_PERMISSIONS.admin.includes(a));

export const MemberPermissionsBody = MemberPermissionsSchema.superRefine((value, ctx) => {
  value.grant.forEach((action, i) => {
    if (OWNER_ONLY_ACTIONS.includes(action)) {
      ctx.addIssue({
        code: "custom",
        path: ["grant", i],
        message: `"${action}" stays with the workspace's owner and cannot be granted to anyone else.`,
      });
    }
  });
}).openapi("MemberPermissions", {
  description: "Single actions granted or revoked on top of the member's role.",
  example: { grant: ["crm.contacts.export"], revoke: ["activity.read"] },
});

export const UpdateMemberBody = z
  .object({
    // `owner` is accepted here so that asking for it gets a clear refusal rather than a bare enum error.
    role: z.enum(ROLES).openapi({ description: "Any role below yours; ownership moves only by transfer." }),
    permissions: MemberPermissionsBody,
    status: z.enum(["active", "suspended"]).openapi({
      description: "Suspend a member (no access until reinstated; their open tabs close at once) or reinstate them.",
    }),
  })
  .partial()
  .strict()
  .openapi("UpdateMember");

export const MemberSchema = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    user_id: z.string(),
    user: z.object({ id: z.string(), name: z.string(), email: z.string(), avatar: z.string().nullable() }),
    role: z.enum(ROLES),
    status: z.enum(["active", "inactive", "suspended"]),
    permissions: z.object({ grant: z.array(z.enum(ACTIONS)), revoke: z.array(z.enum(ACTIONS)) }),
    invited_at: z.string().nullable(),
    joined_at: z.string().nullable(),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi("WorkspaceMember");

export const MemberIdParam = WorkspaceIdParam.extend({ memberId: uuidField });
