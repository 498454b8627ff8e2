import { describe, expect, it } from "vitest";
import { type Client, errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { activityOf, logsNothing, memberRow } from "./member-helpers";

const remove = (client: Client, workspaceId: string, memberId: string) =>
  client.fetch(`/api/v1/workspaces/${workspaceId}/members/${memberId}`, { method: "DELETE" });
const leave = (client: Client, workspaceId: string) =>
  client.fetch(`/api/v1/workspaces/${workspaceId}/leave`, { method: "POST" });

describe("removing members", () => {
  it("removes a member: their session still works but the workspace is gone for them", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const editor = await teammate(ws.id, "editor");
    const member = (await memberRow(ws.id, editor.user.id))!;
    const res = await remove(owner, ws.id, member.id);
    expect(res.status).toBe(204);
    expect(await memberRow(ws.id, editor.user.id)).toBeNull();
    const entries = await activityOf(ws.id, "workspace_member.removed");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity_id: member.id, metadata: { user_id: editor.user.id, role: "editor" } });
    expect((await editor.client.fetch("/api/v1/auth/me")).status).toBe(200);
    expect((await editor.client.fetch(`/api/v1/workspaces/${ws.id}`)).status).toBe(404);
  });

  it("keeps the ranking rules: no removing yourself, the owner, or someone of your rank", async () => {
    const { client: owner, user: ownerUser } = await signUp();
    const ws = await createWorkspace(owner);
    const admin = await teammate(ws.id, "admin");
    const otherAdmin = await teammate(ws.id, "admin");
    const editor = await teammate(ws.id, "editor");
    const cases: [Client, string, RegExp][] = [
      [admin.client, ownerUser.id, /owner cannot be removed/],
      [admin.client, otherAdmin.user.id, /only members ranked below you/],
      [admin.client, admin.user.id, /Leave the workspace instead/],
      [owner, ownerUser.id, /Leave the workspace instead/],
      [editor.client, admin.user.id, /does not allow/],
    ];
    for (const [client, userId, message] of cases) {
      const member = (await memberRow(ws.id, userId))!;
      await logsNothing(ws.id, async () => {
        const res = await remove(client, ws.id, member.id);
        expect(res.status).toBe(403);
        expect((await errorOf(res)).message).toMatch(message);
      });
      expect(await memberRow(ws.id, userId)).not.toBeNull();
    }
    expect((await remove(admin.client, ws.id, (await memberRow(ws.id, editor.user.id))!.id)).status).toBe(204);
  });

  it("answers 404 for a member id of another workspace, removing nothing", async () => {
    const { client: ownerA } = await signUp();
    const wsA = await createWorkspace(ownerA);
    const editorA = await teammate(wsA.id, "editor");
    const { client: ownerB } = await signUp();
    const wsB = await createWorkspace(ownerB, "Other Studio");
    const member = (await memberRow(wsA.id, editorA.user.id))!;
    await logsNothing(wsA.id, async () => {
      expect((await remove(ownerB, wsB.id, member.id)).status).toBe(404);
    });
    expect(await activityOf(wsB.id, "workspace_member.removed")).toHaveLength(0);
    expect(await memberRow(wsA.id, editorA.user.id)).not.toBeNull();
  });
});

describe("leaving a workspace", () => {
  it("lets a member leave, logging it", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const viewer = await teammate(ws.id, "viewer");
    expect((await leave(viewer.client, ws.id)).status).toBe(204);
    expect(await memberRow(ws.id, viewer.user.id)).toBeNull();
    const entries = await activityOf(ws.id, "workspace_member.left");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ user_id: viewer.user.id });
    expect((await viewer.client.fetch(`/api/v1/workspaces/${ws.id}`)).status).toBe(404);
    expect((await leave(viewer.client, ws.id)).status).toBe(404);
  });

  it("keeps the last owner in: transfer ownership first", async () => {
    const { client: owner, user: ownerUser } = await signUp();
    const ws = await createWorkspace(owner);
    const editor = await teammate(ws.id, "editor");
    await logsNothing(ws.id, async () => {
      const res = await leave(owner, ws.id);
      expect(res.status).toBe(409);
      expect((await errorOf(res)).message).toMatch(/transfer ownership first/);
    });
    expect((await memberRow(ws.id, ownerUser.id))?.role).toBe("owner");

    const transfer = await owner.fetch(`/api/v1/workspaces/${ws.id}/transfer`, {
      method: "POST",
      json: { user_id: editor.user.id },
    });
    expect(transfer.status).toBe(200);
    expect((await leave(owner, ws.id)).status).toBe(204);
    expect((await leave(editor.client, ws.id)).status).toBe(409);
  });
});
