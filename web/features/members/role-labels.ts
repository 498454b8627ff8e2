import type { Role } from "../../../worker/lib/permissions";

export type { Role };

/** Roles as the app names them, highest first, with what each may do in a sentence. */
export const ROLE_LABELS: Record<Role, { label: string; hint: string }> = {
  owner: { label: "Owner", hint: "Everything, billing and deleting the workspace included." },
  admin: { label: "Admin", hint: "Everything but billing, deleting and handing over the workspace." },
  editor: { label: "Editor", hint: "Creates, edits, publishes and deletes content; no team or settings." },
  contributor: { label: "Contributor", hint: "Drafts and edits their own work; others publish it." },
  viewer: { label: "Viewer", hint: "Sees everything, changes nothing." },
  guest: { label: "Guest", hint: "Sees only what is shared with them." },
};

export const roleLabel = (role: Role) => ROLE_LABELS[role].label;
