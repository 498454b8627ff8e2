import { describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import type { MemberJson } from "./member-helpers";

type Page = { data: MemberJson[]; next_cursor: string | null };

describe("listing members", () => {
  it("shows each member with their user, role, grants and dates, a page at a time", async () => {
    const { client: owner, user } = await signUp({ name: "Maya Chen" });
    const ws = await createWorkspace(owner);
    const editor = await teammate(ws.id, "editor", { grant: ["crm.contacts.export"], revoke: [] });
    const viewer = await teammate(ws.id, "viewer");

    const first = (await (await owner.fetch(`/api/v1/workspaces/${ws.id}/members?limit=2`)).json()) as Page;
    expect(first.data).toHaveLength(2);
    expect(first.data[0]).toMatchObject({
      workspace_id: ws.id,
      user_id: user.id,
      user: { id: user.id, name: "Maya Chen", email: expect.any(String), avatar: null },
      role: "owner",
      status: "active",
      permissions: { grant: [], revoke: [] },
      invited_at: null,
      joined_at: expect.any(String),
    });
    expect(first.data[1]).toMatchObject({
      user_id: editor.user.id,
      role: "editor",
      permissions: { grant: ["crm.contacts.export"], revoke: [] },
    });
    expect(first.next_cursor).toEqual(expect.any(String));

    const rest = (await (
      await owner.fetch(`/api/v1/workspaces/${ws.id}/members?limit=2&cursor=${first.next_cursor}`)
    ).json()) as Page;
    expect(rest.data.map((m) => m.user_id)).toEqual([viewer.user.id]);
    expect(rest.next_cursor).toBeNull();
  });

  it("lets viewers read the list, not guests, and hides it from everyone else", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const viewer = await teammate(ws.id, "viewer");
    expect((await viewer.client.fetch(`/api/v1/workspaces/${ws.id}/members`)).status).toBe(200);
    const guest = await teammate(ws.id, "guest");
    expect((await guest.client.fetch(`/api/v1/workspaces/${ws.id}/members`)).status).toBe(403);
    const stranger = await signUp();
    expect((await stranger.client.fetch(`/api/v1/workspaces/${ws.id}/members`)).status).toBe(404);
  });
});
