import type { Role } from "../../lib/permissions";
import type { WorkspaceRow } from "../../lib/workspace-access";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toWorkspaceJson(row: WorkspaceRow, myRole: Role) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    logo: row.logo,
    branding: row.branding ?? {},
    status: row.status ?? "active",
    owner_id: row.owner_id,
    settings: row.settings ?? {},
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    my_role: myRole,
  };
}
