import { describe, expect, it } from "vitest";
import { type Client, errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { activityOf, logsNothing, memberRow, verifiedPerson, verifyEmail } from "../members/member-helpers";
import { joinTokenIn } from "./invitation-helpers";

type LinkJson = { id: string; role: string; uses: number };

const linkPath = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/invite-link`;
const join = (c: Client, token: string) => c.fetch(`/api/v1/invite-links/${token}/join`, { method: "POST" });

async function createLink(c: Client, workspaceId: string, role: string) {
  const res = await c.fetch(linkPath(workspaceId), { method: "POST", json: { role } });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { invite_link: LinkJson; url: string };
  return { ...body, token: joinTokenIn(body.url) };
}

const currentLink = async (c: Client, workspaceId: string) =>
  ((await (await c.fetch(linkPath(workspaceId))).json()) as { invite_link: LinkJson | null }).invite_link;

describe("the reusable invite link", () => {
  it("lets confirmed people join in its role, counting each new member once", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const { url, token, invite_link } = await createLink(owner, ws.id, "contributor");
    expect(url).toBe(`http://localhost/app/join/${token}`);
    expect(await activityOf(ws.id, "workspace_invite_link.created")).toHaveLength(1);
    const shown = await owner.fetch(linkPath(ws.id));
    const text = await shown.text();
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toEqual({ invite_link: expect.objectContaining({ role: "contributor", uses: 0 }) });

    const first = await verifiedPerson();
    const res = await join(first.client, token);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ workspace: { id: ws.id }, member: { role: "contributor" } });
    expect(await memberRow(ws.id, first.user.id)).toMatchObject({ role: "contributor", invited_at: null });
    const joined = await activityOf(ws.id, "workspace_member.joined");
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({
      user_id: first.user.id,
      metadata: { via: "invite_link", invite_link_id: invite_link.id },
    });

    await logsNothing(ws.id, async () => {
      const again = await join(first.client, token);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ member: { role: "contributor" } });
    });
    expect((await currentLink(owner, ws.id))?.uses).toBe(1);

    expect((await join((await verifiedPerson()).client, token)).status).toBe(201);
    expect((await currentLink(owner, ws.id))?.uses).toBe(2);
  });

  it("leaves an existing member as they are", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const { token } = await createLink(owner, ws.id, "viewer");
    const editor = await teammate(ws.id, "editor");
    await verifyEmail(editor);
    const res = await join(editor.client, token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ member: { role: "editor" } });
    expect((await currentLink(owner, ws.id))?.uses).toBe(0);
  });

  it("stops working once turned off", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const { token } = await createLink(owner, ws.id, "viewer");
    expect((await owner.fetch(linkPath(ws.id), { method: "DELETE" })).status).toBe(204);
    expect(await activityOf(ws.id, "workspace_invite_link.disabled")).toHaveLength(1);
    expect(await currentLink(owner, ws.id)).toBeNull();
    const person = await verifiedPerson();
    await logsNothing(ws.id, async () => {
      const res = await join(person.client, token);
      expect(res.status).toBe(404);
      expect((await errorOf(res)).message).toMatch(/turned off or replaced/);
      expect((await owner.fetch(linkPath(ws.id), { method: "DELETE" })).status).toBe(404);
    });
    expect(await memberRow(ws.id, person.user.id)).toBeNull();
  });

  it("makes the old URL useless when a new link is created", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const old = await createLink(owner, ws.id, "viewer");
    const fresh = await createLink(owner, ws.id, "editor");
    const [entry] = (await activityOf(ws.id, "workspace_invite_link.created")).slice(-1);
    expect(entry?.metadata).toMatchObject({ role: "editor", replaced_id: old.invite_link.id });
    const person = await verifiedPerson();
    expect((await join(person.client, old.token)).status).toBe(404);
    expect((await join(person.client, fresh.token)).status).toBe(201);
    expect((await memberRow(ws.id, person.user.id))?.role).toBe("editor");
  });

  it("needs a confirmed email to join", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const { token } = await createLink(owner, ws.id, "viewer");
    const unconfirmed = await signUp();
    await logsNothing(ws.id, async () => {
      const res = await join(unconfirmed.client, token);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toMatch(/Confirm your email address/);
    });
    expect(await memberRow(ws.id, unconfirmed.user.id)).toBeNull();
  });

  it("is managed only by those who may invite, and only for roles below theirs", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const editor = await teammate(ws.id, "editor");
    const viewer = await teammate(ws.id, "viewer", { grant: ["invitations.manage"], revoke: [] });
    await logsNothing(ws.id, async () => {
      expect((await editor.client.fetch(linkPath(ws.id), { method: "POST", json: { role: "viewer" } })).status).toBe(
        403,
      );
      expect((await editor.client.fetch(linkPath(ws.id))).status).toBe(403);
      const res = await viewer.client.fetch(linkPath(ws.id), { method: "POST", json: { role: "editor" } });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toMatch(/As a viewer you cannot invite people/);
      // A link never hands out admin: that takes a personal invitation from the owner.
      const adminLink = await owner.fetch(linkPath(ws.id), { method: "POST", json: { role: "admin" } });
      expect(adminLink.status).toBe(422);
    });
  });
});
