import { beforeAll, describe, expect, it } from "vitest";
import { CLOSE } from "../../durable-objects/workspace-room-protocol";
import type { MemberRow } from "../../worker/lib/workspace-access";
import { type Client, errorOf, signUp } from "../helpers/api";
import { connectLive } from "../helpers/live";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { activityOf, logsNothing, type MemberJson, memberRow } from "./member-helpers";

const patch = (client: Client, workspaceId: string, memberId: string, json: unknown) =>
  client.fetch(`/api/v1/workspaces/${workspaceId}/members/${memberId}`, { method: "PATCH", json });

async function workspaceWithTeam() {
  const owner = await signUp({ name: "Olive Owner" });
  const ws = await createWorkspace(owner.client);
  const ownerMember = (await memberRow(ws.id, owner.user.id))!;
  const admin = await teammate(ws.id, "admin");
  const adminMember = (await memberRow(ws.id, admin.user.id))!;
  const editor = await teammate(ws.id, "editor");
  const editorMember = (await memberRow(ws.id, editor.user.id))!;
  return { ws, owner, ownerMember, admin, adminMember, editor, editorMember };
}

describe("changing a member's role and permissions", () => {
  it("lets an owner change an admin's role, logging exactly one entry with the change", async () => {
    const { ws, owner, adminMember } = await workspaceWithTeam();
    const res = await patch(owner.client, ws.id, adminMember.id, { role: "viewer" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: adminMember.id, role: "viewer" });
    expect((await memberRow(ws.id, adminMember.user_id))?.role).toBe("viewer");
    const entries = await activityOf(ws.id, "workspace_member.role_changed");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity_type: "workspace_member", entity_id: adminMember.id });
    expect(entries[0]?.metadata).toMatchObject({ changes: { role: { from: "admin", to: "viewer" } } });
  });

  it("suspends a member: their open tabs close at once and the workspace is gone for them until reinstated", async () => {
    const { ws, owner, editor, editorMember } = await workspaceWithTeam();
    const tab = await connectLive(editor.client, ws.id);
    await tab.next("hello");

    const res = await patch(owner.client, ws.id, editorMember.id, { status: "suspended" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: editorMember.id, status: "suspended", role: "editor" });
    expect(await tab.closed).toMatchObject({ code: CLOSE.ACCESS_REVOKED });
    expect((await editor.client.fetch(`/api/v1/workspaces/${ws.id}`)).status).toBe(404);
    const [entry] = await activityOf(ws.id, "workspace_member.suspended");
    expect(entry?.metadata).toMatchObject({ changes: { status: { from: "active", to: "suspended" } } });

    expect((await patch(owner.client, ws.id, editorMember.id, { status: "active" })).status).toBe(200);
    expect((await editor.client.fetch(`/api/v1/workspaces/${ws.id}`)).status).toBe(200);
    expect(await activityOf(ws.id, "workspace_member.reinstated")).toHaveLength(1);
    // "inactive" is how an invitation waits; it is not a state anyone is put in by hand.
    expect((await patch(owner.client, ws.id, editorMember.id, { status: "inactive" })).status).toBe(422);
  });

  it("keeps the ranking rules for suspending: an editor cannot suspend, an admin cannot suspend the owner", async () => {
    const { ws, admin, editor, ownerMember, adminMember } = await workspaceWithTeam();
    expect((await patch(editor.client, ws.id, adminMember.id, { status: "suspended" })).status).toBe(403);
    expect((await patch(admin.client, ws.id, ownerMember.id, { status: "suspended" })).status).toBe(403);
    expect((await memberRow(ws.id, ownerMember.user_id))?.status).toBe("active");
  });

  it("lets an admin change editors and below, and grant or revoke single actions", async () => {
    const { ws, admin, editor, editorMember } = await workspaceWithTeam();
    const res = await patch(admin.client, ws.id, editorMember.id, {
      role: "contributor",
      permissions: { grant: ["crm.contacts.delete"], revoke: ["activity.read"] },
    });
    expect(res.status).toBe(200);
    expect((await res.json()) as MemberJson).toMatchObject({
      role: "contributor",
      permissions: { grant: ["crm.contacts.delete"], revoke: ["activity.read"] },
    });
    const detail = (await (await editor.client.fetch(`/api/v1/workspaces/${ws.id}`)).json()) as {
      my_role: string;
      my_permissions: string[];
    };
    expect(detail.my_role).toBe("contributor");
    expect(detail.my_permissions).toContain("crm.contacts.delete");
    expect(detail.my_permissions).not.toContain("activity.read");
    // Role and permissions in one request are one change: one entry.
    expect(await activityOf(ws.id, "workspace_member.role_changed")).toHaveLength(1);
    expect(await activityOf(ws.id, "workspace_member.permissions_changed")).toHaveLength(0);

    await patch(admin.client, ws.id, editorMember.id, { permissions: { grant: [], revoke: [] } });
    const [entry] = await activityOf(ws.id, "workspace_member.permissions_changed");
    expect(entry?.metadata).toMatchObject({ changes: { permissions: expect.any(Object) } });
  });

  it("logs nothing when nothing changes", async () => {
    const { ws, owner, editorMember } = await workspaceWithTeam();
    await logsNothing(ws.id, async () => {
      expect((await patch(owner.client, ws.id, editorMember.id, { role: "editor" })).status).toBe(200);
    });
  });

  describe("escalations", () => {
    // Refusals change nothing, so one team serves every case (and spares a few dozen password hashes).
    let team: Awaited<ReturnType<typeof workspaceWithTeam>> & { admin2Member: MemberRow };
    beforeAll(async () => {
      const base = await workspaceWithTeam();
      const admin2 = await teammate(base.ws.id, "admin");
      team = { ...base, admin2Member: (await memberRow(base.ws.id, admin2.user.id))! };
    });

    it.each([
      ["an admin making itself owner", "admin", "self", { role: "owner" }, /your own role/i],
      ["an admin raising its own role", "admin", "self", { role: "editor" }, /your own role/i],
      [
        "an admin granting itself an action",
        "admin",
        "self",
        { permissions: { grant: ["crm.contacts.bulk"] } },
        /own/i,
      ],
      ["an admin promoting an editor to admin", "admin", "editor", { role: "admin" }, /only the roles editor/i],
      ["an admin making an editor owner", "admin", "editor", { role: "owner" }, /transfer ownership/i],
      ["an admin changing another admin", "admin", "admin2", { role: "viewer" }, /ranked below you/i],
      ["an admin demoting the owner", "admin", "owner", { role: "viewer" }, /owner's role/i],
      ["the owner demoting itself", "owner", "self", { role: "admin" }, /your own role/i],
      ["the owner making an editor owner", "owner", "editor", { role: "owner" }, /transfer ownership/i],
    ] as const)("refuses %s with 403, changing and logging nothing", async (_, who, target, json, message) => {
      const actor = who === "admin" ? team.admin : team.owner;
      const before = {
        self: who === "admin" ? team.adminMember : team.ownerMember,
        editor: team.editorMember,
        owner: team.ownerMember,
        admin2: team.admin2Member,
      }[target];
      await logsNothing(team.ws.id, async () => {
        const res = await patch(actor.client, team.ws.id, before.id, json);
        expect(res.status).toBe(403);
        expect((await errorOf(res)).message).toMatch(message);
      });
      expect(await memberRow(team.ws.id, before.user_id)).toMatchObject({
        role: before.role,
        permissions: before.permissions,
      });
    });
  });

  it("refuses to grant what only an owner does, naming the action", async () => {
    const { ws, owner, adminMember } = await workspaceWithTeam();
    const res = await patch(owner.client, ws.id, adminMember.id, {
      permissions: { grant: ["crm.contacts.bulk", "billing.manage"] },
    });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.details).toEqual([
      expect.objectContaining({
        path: "permissions.grant.1",
        message: expect.stringMatching(/billing\.manage.*owner/),
      }),
    ]);
  });

  it("refuses to grant what the granting admin cannot do", async () => {
    const { ws, owner, editorMember } = await workspaceWithTeam();
    const limited = await teammate(ws.id, "admin", { grant: [], revoke: ["crm.contacts.export"] });
    await logsNothing(ws.id, async () => {
      const res = await patch(limited.client, ws.id, editorMember.id, {
        permissions: { grant: ["crm.contacts.export"] },
      });
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatchObject({ details: { actions: ["crm.contacts.export"] } });
    });
    expect(
      (await patch(owner.client, ws.id, editorMember.id, { permissions: { grant: ["crm.contacts.export"] } })).status,
    ).toBe(200);
  });

  it("refuses members without members.manage", async () => {
    const { ws, editor, adminMember } = await workspaceWithTeam();
    const viewer = await teammate(ws.id, "viewer");
    const viewerMember = (await memberRow(ws.id, viewer.user.id))!;
    const res = await patch(editor.client, ws.id, viewerMember.id, { role: "guest" });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ details: { action: "members.manage" } });
    expect((await patch(editor.client, ws.id, adminMember.id, { role: "viewer" })).status).toBe(403);
  });

  it("answers 404 for a member of another workspace, and changes nothing there", async () => {
    const a = await workspaceWithTeam();
    const { client: ownerB } = await signUp();
    const wsB = await createWorkspace(ownerB, "Other Studio");
    await logsNothing(a.ws.id, async () => {
      const res = await patch(ownerB, wsB.id, a.editorMember.id, { role: "viewer" });
      expect(res.status).toBe(404);
    });
    expect(await activityOf(wsB.id, "workspace_member.role_changed")).toHaveLength(0);
    expect((await memberRow(a.ws.id, a.editorMember.user_id))?.role).toBe("editor");
    // A's owner naming B's path is no better: not a member there.
    expect((await patch(a.owner.client, wsB.id, a.editorMember.id, { role: "viewer" })).status).toBe(404);
  });
});
