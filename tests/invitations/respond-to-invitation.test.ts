import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Client, client, errorOf, signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { activityOf, db, logsNothing, memberRow, verifiedPerson } from "../members/member-helpers";
import { invitationRow, invite } from "./invitation-helpers";

const accept = (c: Client, token: string) => c.fetch(`/api/v1/invitations/${token}/accept`, { method: "POST" });
const decline = (c: Client, token: string) => c.fetch(`/api/v1/invitations/${token}/decline`, { method: "POST" });

async function invitedWorkspace(role = "editor") {
  const owner = await signUp({ name: "Olive Owner" });
  const ws = await createWorkspace(owner.client, "Northwind Studio");
  const sent = await invite(owner.client, ws.id, role);
  return { owner, ws, ...sent };
}

describe("answering an invitation", () => {
  it("previews, then accepts: a member in the invited role, one log entry, the invitation closed", async () => {
    const { ws, invitation, email, token } = await invitedWorkspace("editor");
    const invitee = await verifiedPerson({ name: "Sam Reed", email });

    const previewed = await invitee.client.fetch(`/api/v1/invitations/${token}`);
    expect(previewed.status).toBe(200);
    expect(await previewed.json()).toEqual({
      workspace: { id: ws.id, name: "Northwind Studio", logo: null },
      inviter: { name: "Olive Owner" },
      email,
      role: "editor",
      message: null,
      status: "pending",
      expires_at: invitation.expires_at,
    });

    const res = await accept(invitee.client, token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      workspace: { id: ws.id, name: "Northwind Studio", slug: ws.slug },
      member: { user_id: invitee.user.id, role: "editor", status: "active" },
    });
    const row = await invitationRow(invitation.id);
    expect(row).toMatchObject({ status: "accepted", responded_at: expect.any(Date) });
    const member = await memberRow(ws.id, invitee.user.id);
    expect(member).toMatchObject({ role: "editor", invited_at: row?.created_at, joined_at: expect.any(Date) });
    const entries = await activityOf(ws.id, "workspace_member.joined");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      user_id: invitee.user.id,
      entity_id: member?.id,
      metadata: { via: "invitation", invitation_id: invitation.id, role: "editor" },
    });
    const detail = (await (await invitee.client.fetch(`/api/v1/workspaces/${ws.id}`)).json()) as { my_role: string };
    expect(detail.my_role).toBe("editor");
  });

  it("works once: accepting again finds nothing to accept and logs nothing", async () => {
    const { ws, email, token } = await invitedWorkspace();
    const invitee = await verifiedPerson({ email });
    expect((await accept(invitee.client, token)).status).toBe(200);
    await logsNothing(ws.id, async () => {
      const again = await accept(invitee.client, token);
      expect(again.status).toBe(404);
      expect((await errorOf(again)).message).toBe("This invitation was already accepted.");
      expect((await decline(invitee.client, token)).status).toBe(404);
    });
    const preview = await invitee.client.fetch(`/api/v1/invitations/${token}`);
    expect(await preview.json()).toMatchObject({ status: "accepted" });
  });

  it("refuses an expired invitation with 404, saying it expired", async () => {
    const { ws, invitation, email, token } = await invitedWorkspace();
    const { workspaceInvitations } = db().t;
    await db().atomic((q) => [
      q
        .update(workspaceInvitations)
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where(eq(workspaceInvitations.id, invitation.id)),
    ]);
    const invitee = await verifiedPerson({ email });
    expect((await invitee.client.fetch(`/api/v1/invitations/${token}`)).status).toBe(404);
    await logsNothing(ws.id, async () => {
      const res = await accept(invitee.client, token);
      expect(res.status).toBe(404);
      expect((await errorOf(res)).message).toMatch(/has expired/);
    });
    expect(await memberRow(ws.id, invitee.user.id)).toBeNull();
  });

  it("lets only the invited address answer, naming it", async () => {
    const { ws, email, token } = await invitedWorkspace();
    const someoneElse = await verifiedPerson();
    await logsNothing(ws.id, async () => {
      for (const res of [await accept(someoneElse.client, token), await decline(someoneElse.client, token)]) {
        expect(res.status).toBe(403);
        expect((await errorOf(res)).message).toBe(
          `This invitation was sent to ${email}. Sign in with that email address to answer it.`,
        );
      }
    });
    expect(await memberRow(ws.id, someoneElse.user.id)).toBeNull();
  });

  it("asks the invited address to be confirmed first", async () => {
    const { ws, email, token } = await invitedWorkspace();
    const unconfirmed = await signUp({ email });
    await logsNothing(ws.id, async () => {
      const res = await accept(unconfirmed.client, token);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toMatch(/Confirm your email address/);
    });
    expect(await memberRow(ws.id, unconfirmed.user.id)).toBeNull();
  });

  it("refuses a revoked invitation and a tampered link with 404", async () => {
    const { owner, ws, invitation, email, token } = await invitedWorkspace();
    const invitee = await verifiedPerson({ email });
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    await logsNothing(ws.id, async () => {
      expect((await accept(invitee.client, tampered)).status).toBe(404);
      expect((await invitee.client.fetch(`/api/v1/invitations/${tampered}`)).status).toBe(404);
    });
    await owner.client.fetch(`/api/v1/workspaces/${ws.id}/invitations/${invitation.id}`, { method: "DELETE" });
    await logsNothing(ws.id, async () => {
      expect((await accept(invitee.client, token)).status).toBe(404);
    });
    expect(await memberRow(ws.id, invitee.user.id)).toBeNull();
  });

  it("declines: the invitation closes, one log entry, and it can no longer be accepted", async () => {
    const { ws, invitation, email, token } = await invitedWorkspace();
    const invitee = await verifiedPerson({ email });
    expect((await decline(invitee.client, token)).status).toBe(204);
    expect(await invitationRow(invitation.id)).toMatchObject({ status: "declined", responded_at: expect.any(Date) });
    expect(await activityOf(ws.id, "workspace_invitation.declined")).toHaveLength(1);
    await logsNothing(ws.id, async () => {
      const res = await accept(invitee.client, token);
      expect(res.status).toBe(404);
      expect((await errorOf(res)).message).toBe("This invitation was already declined.");
    });
    expect(await memberRow(ws.id, invitee.user.id)).toBeNull();
  });

  it("needs a signed-in person", async () => {
    const { token } = await invitedWorkspace();
    expect((await client().fetch(`/api/v1/invitations/${token}`)).status).toBe(401);
    expect((await accept(client(), token)).status).toBe(401);
  });
});
