// A workspace route learns who calls and what they may do there from one statement:
// the session is read with the caller's membership of the workspace the path names.
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { signUp } from "../helpers/api";
import { countQueries } from "../helpers/count-queries";
import { createWorkspace, teammate } from "../helpers/workspaces";

const readsSession = (sql: string) => /from "sessions"/i.test(sql);
const readsMembership = (sql: string) => /"workspace_members"/i.test(sql);

let counting: ReturnType<typeof countQueries> | null = null;
afterEach(() => counting?.stop());

describe("session and membership", () => {
  it("reads the caller's membership in the statement that reads the session", async () => {
    const { client: owner } = await signUp();
    const workspace = await createWorkspace(owner);
    counting = countQueries();
    const res = await owner.fetch(`/api/v1/workspaces/${workspace.id}/members`);
    counting.stop();
    expect(res.status).toBe(200);
    const gate = counting.seen.filter((sql) => readsSession(sql) || readsMembership(sql));
    // The members list itself reads workspace_members too: the gate adds no statement of its own.
    expect(gate.filter(readsSession)).toHaveLength(1);
    expect(readsMembership(gate.find(readsSession) ?? "")).toBe(true);
    expect(gate.filter((sql) => !readsSession(sql) && /"workspaces"/.test(sql))).toHaveLength(0);
  });

  it("gives the same answers as a separate look-up: roles, suspensions, other workspaces, any case of the id", async () => {
    const { client: owner } = await signUp();
    const workspace = await createWorkspace(owner);
    const other = await createWorkspace((await signUp()).client);
    const viewer = await teammate(workspace.id, "viewer");

    expect((await viewer.client.fetch(`/api/v1/workspaces/${workspace.id.toUpperCase()}`)).status).toBe(200);
    const rename = await viewer.client.fetch(`/api/v1/workspaces/${workspace.id}`, {
      method: "PATCH",
      json: { name: "Viewer's choice" },
    });
    expect(rename.status).toBe(403);
    expect((await viewer.client.fetch(`/api/v1/workspaces/${other.id}`)).status).toBe(404);

    const db = connectD1(env.DB);
    const m = db.t.workspaceMembers;
    await db.atomic((q) => [
      q
        .update(m)
        .set({ status: "suspended" })
        .where(and(eq(m.workspace_id, workspace.id), eq(m.user_id, viewer.user.id))),
    ]);
    expect((await viewer.client.fetch(`/api/v1/workspaces/${workspace.id}`)).status).toBe(404);
    // Routes outside a workspace still know the caller.
    expect((await viewer.client.fetch("/api/v1/workspaces")).status).toBe(200);
  });
});
