// Workspaces for tests: one created through the API, and teammates added in any role.
import { env } from "cloudflare:test";
import { connectD1 } from "../../db/connect-d1";
import type { Role } from "../../worker/lib/permissions";
import { type Client, signUp } from "./api";

export type WorkspaceJson = { id: string; name: string; slug: string; my_role: Role; my_permissions: string[] };

export async function createWorkspace(owner: Client, name = "Northwind Studio", extra: Record<string, unknown> = {}) {
  const res = await owner.fetch("/api/v1/workspaces", { method: "POST", json: { name, ...extra } });
  if (res.status !== 201) throw new Error(`workspace not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as WorkspaceJson;
}

/** A new person who is a member of the workspace in the given role. */
export async function teammate(workspaceId: string, role: Role, permissions: unknown = null) {
  const person = await signUp({ name: `${role} teammate` });
  const db = connectD1(env.DB);
  await db.atomic((q) => [
    q.insert(db.t.workspaceMembers).values({
      workspace_id: workspaceId,
      user_id: person.user.id,
      role,
      permissions: permissions as Record<string, unknown> | null,
      joined_at: new Date(),
    }),
  ]);
  return person;
}
