// The one permission table: which workspace role may do which action. Every
// workspace route declares the action it needs (see workspace-access.ts); the
// SPA reads a member's effective list from GET /api/v1/workspaces/:id to hide what
// it cannot do. A member's `permissions` JSON can grant or revoke single actions.
import { z } from "zod";

export const ROLES = ["owner", "admin", "editor", "contributor", "viewer", "guest"] as const;
export type Role = (typeof ROLES)[number];

/** Read, write and manage actions per resource. `*_own` actions apply to rows the member created. */
export const ACTIONS = [
  "workspace.read",
  "workspace.update",
  "workspace.delete",
  "workspace.transfer",
  "members.read",
  "members.manage",
  "invitations.manage",
  "billing.read",
  "billing.manage",
  "activity.read",
  "crm.contacts.read",
  "crm.contacts.create",
  "crm.contacts.update",
  "crm.contacts.delete",
  "crm.contacts.bulk",
  "crm.contacts.import",
  "crm.contacts.export",
  "bio.pages.read",
  "bio.pages.create",
  "bio.pages.update",
  "bio.pages.publish",
  "bio.pages.delete",
  "bio.analytics.read",
  "social.accounts.read",
  "social.accounts.manage",
  "social.posts.read",
  "social.posts.create",
  "social.posts.update_own",
  "social.posts.update",
  "social.posts.approve",
  "social.posts.publish",
  "social.posts.delete_own",
  "social.posts.delete",
  "email.campaigns.read",
  "email.campaigns.create",
  "email.campaigns.update_own",
  "email.campaigns.update",
  "email.campaigns.send",
  "email.campaigns.delete",
  "email.templates.manage",
  "email.audiences.manage",
  "courses.read",
  "courses.create",
  "courses.update_own",
  "courses.update",
  "courses.publish",
  "courses.delete",
  "store.products.read",
  "store.products.create",
  "store.products.update",
  "store.products.delete",
  "store.orders.read",
  "store.orders.refund",
] as const;
export type Action = (typeof ACTIONS)[number];

const all = ACTIONS;
const reads = ACTIONS.filter((a) => /\.read$/.test(a) && !a.startsWith("billing."));
const OWNER_ONLY: Action[] = ["billing.manage", "workspace.delete", "workspace.transfer"];
const ADMINISTRATION: Action[] = [
  "workspace.update",
  "members.manage",
  "invitations.manage",
  "billing.read",
  "billing.manage",
];

/** What each role may do by default. */
export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  owner: all,
  admin: all.filter((a) => !OWNER_ONLY.includes(a)),
  editor: all.filter((a) => !OWNER_ONLY.includes(a) && !ADMINISTRATION.includes(a)),
  // Contributors draft and edit their own work; publishing, approving and deleting others' work is not theirs.
  contributor: [
    ...reads,
    "crm.contacts.create",
    "crm.contacts.update",
    "bio.pages.create",
    "bio.pages.update",
    "social.posts.create",
    "social.posts.update_own",
    "social.posts.delete_own",
    "email.campaigns.create",
    "email.campaigns.update_own",
    "courses.create",
    "courses.update_own",
    "store.products.create",
  ],
  viewer: reads,
  // Guests see only what is explicitly shared with them, through per-member grants.
  guest: ["workspace.read"],
};

export const MemberPermissionsSchema = z
  .object({
    grant: z.array(z.enum(ACTIONS)).max(ACTIONS.length).default([]),
    revoke: z.array(z.enum(ACTIONS)).max(ACTIONS.length).default([]),
  })
  .strict();
export type MemberPermissions = z.infer<typeof MemberPermissionsSchema>;

/** Role defaults, plus the member's grants, minus their revocations. Unknown stored shapes count as none. */
export function effectivePermissions(role: Role, stored: unknown): Action[] {
  const parsed = MemberPermissionsSchema.safeParse(stored ?? {});
  const extra = parsed.success ? parsed.data : { grant: [], revoke: [] };
  // Nobody but an owner can be granted what only owners do.
  const grant = role === "owner" ? extra.grant : extra.grant.filter((a) => !OWNER_ONLY.includes(a));
  const set = new Set<Action>([...ROLE_PERMISSIONS[role], ...grant]);
  for (const a of extra.revoke) set.delete(a);
  set.add("workspace.read");
  return ACTIONS.filter((a) => set.has(a));
}

const ROLE_RANK: Record<Role, number> = { owner: 5, admin: 4, editor: 3, contributor: 2, viewer: 1, guest: 0 };

/** A member can hand out or change only roles below their own (owners: any but owner, which is transferred). */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (target === "owner") return false;
  return actor === "owner" || ROLE_RANK[target] < ROLE_RANK[actor];
}

export const outranks = (a: Role, b: Role) => ROLE_RANK[a] > ROLE_RANK[b];

/** Suspended workspaces are read-only: only these actions stay allowed. */
export const isReadAction = (a: Action) => a.endsWith(".read");

/** The API-token ability an action needs: module:read for reads, module:write for the rest. */
export function abilityFor(action: Action): string {
  const prefix = action.split(".")[0] ?? "";
  const module =
    {
      workspace: "workspaces",
      members: "workspaces",
      invitations: "workspaces",
      billing: "workspaces",
      activity: "workspaces",
    }[prefix] ?? (prefix === "store" ? "store" : prefix === "social" ? "social" : prefix);
  return `${module}:${isReadAction(action) ? "read" : "write"}`;
}
