import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../worker/lib/crypto";
import { type Client, errorOf, latestMail, signUp, uniqueEmail } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { activityOf, db, logsNothing } from "../members/member-helpers";
import { type InvitationJson, invitationRow, invitationTokenIn, invite } from "./invitation-helpers";

const post = (client: Client, workspaceId: string, json: unknown) =>
  client.fetch(`/api/v1/workspaces/${workspaceId}/invitations`, { method: "POST", json });
const preview = (client: Client, token: string) => client.fetch(`/api/v1/invitations/${token}`);

describe("sending invitations", () => {
  it("invites by email: a mailed link valid 7 days, only its hash stored, never shown, one log entry", async () => {
    const { client: owner, user } = await signUp({ name: "Maya Chen" });
    const ws = await createWorkspace(owner, "Northwind Studio");
    const email = uniqueEmail("sam");
    const res = await post(owner, ws.id, { email: email.toUpperCase(), role: "admin", message: "Welcome aboard!" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as InvitationJson & Record<string, unknown>;
    expect(body).toMatchObject({ workspace_id: ws.id, email, role: "admin", status: "pending", invited_by: user.id });
    expect(body).not.toHaveProperty("token");
    const days = (new Date(body.expires_at).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await latestMail(email, /Maya Chen invited you to Northwind Studio/);
    expect(mail.text).toContain("Welcome aboard!");
    expect(mail.text).toMatch(/as an admin/);
    const token = invitationTokenIn(mail);
    expect(mail.text).toContain(`http://localhost/app/invitations/${token}`);
    expect((await invitationRow(body.id))?.token).toBe(await sha256Hex(token));
    expect(JSON.stringify(body)).not.toContain(token);

    const entries = await activityOf(ws.id, "workspace_invitation.created");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity_id: body.id, metadata: { email, role: "admin" } });
    expect(JSON.stringify(entries[0])).not.toContain(token);
  });

  it("lists the pending, unexpired invitations, newest first, a page at a time", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const first = await invite(owner, ws.id, "viewer");
    const second = await invite(owner, ws.id, "editor");
    const expired = await invite(owner, ws.id, "editor");
    const { workspaceInvitations } = db().t;
    await db().atomic((q) => [
      q
        .update(workspaceInvitations)
        .set({ expires_at: new Date(Date.now() - 60_000) })
        .where(eq(workspaceInvitations.id, expired.invitation.id)),
    ]);
    const page = (await (await owner.fetch(`/api/v1/workspaces/${ws.id}/invitations?limit=1`)).json()) as {
      data: InvitationJson[];
      next_cursor: string;
    };
    expect(page.data.map((i) => i.id)).toEqual([second.invitation.id]);
    const rest = (await (
      await owner.fetch(`/api/v1/workspaces/${ws.id}/invitations?limit=1&cursor=${page.next_cursor}`)
    ).json()) as { data: InvitationJson[]; next_cursor: string | null };
    expect(rest).toEqual({ data: [expect.objectContaining({ id: first.invitation.id })], next_cursor: null });
  });

  it("refreshes a pending invitation for the same email instead of adding another", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const { invitation, email, token } = await invite(owner, ws.id, "viewer");
    const again = await post(owner, ws.id, { email, role: "editor" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: invitation.id, role: "editor", status: "pending" });
    const { workspaceInvitations } = db().t;
    expect(await db().q.$count(workspaceInvitations, eq(workspaceInvitations.workspace_id, ws.id))).toBe(1);
    const newToken = invitationTokenIn(await latestMail(email, /invited you/));
    expect(newToken).not.toBe(token);
    const someone = await signUp();
    expect((await preview(someone.client, token)).status).toBe(404);
    expect((await preview(someone.client, newToken)).status).toBe(200);
    expect(await activityOf(ws.id, "workspace_invitation.created")).toHaveLength(1);
    const [resent] = await activityOf(ws.id, "workspace_invitation.resent");
    expect(resent?.metadata).toMatchObject({ changes: { role: { from: "viewer", to: "editor" } } });
  });

  it("hands out only roles below the inviter's: an admin cannot invite an admin, an owner can", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const admin = await teammate(ws.id, "admin");
    await logsNothing(ws.id, async () => {
      const res = await post(admin.client, ws.id, { email: uniqueEmail(), role: "admin" });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toBe(
        "As an admin you can invite people only as editor, contributor or viewer, not as admin.",
      );
    });
    expect((await post(admin.client, ws.id, { email: uniqueEmail(), role: "editor" })).status).toBe(201);
    expect((await post(owner, ws.id, { email: uniqueEmail(), role: "admin" })).status).toBe(201);
  });

  it("refuses members without invitations.manage, even for the lowest role", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const editor = await teammate(ws.id, "editor");
    await logsNothing(ws.id, async () => {
      const res = await post(editor.client, ws.id, { email: uniqueEmail(), role: "viewer" });
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatchObject({ details: { action: "invitations.manage" } });
    });
    expect((await editor.client.fetch(`/api/v1/workspaces/${ws.id}/invitations`)).status).toBe(403);
  });

  it("refuses to invite someone who is already a member", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const editor = await teammate(ws.id, "editor");
    const res = await post(owner, ws.id, { email: editor.email, role: "viewer" });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toMatch(/already a member/);
  });

  it.each([
    ["a malformed email", { email: "not-an-email", role: "viewer" }, "email"],
    ["the owner role", { email: "a@example.com", role: "owner" }, "role"],
    ["the guest role", { email: "a@example.com", role: "guest" }, "role"],
    [
      "a message over 2,000 characters",
      { email: "a@example.com", role: "viewer", message: "x".repeat(2001) },
      "message",
    ],
    ["a token of the caller's choosing", { email: "a@example.com", role: "viewer", token: "mine" }, ""],
  ])("refuses %s with 422", async (_, json, path) => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const res = await post(owner, ws.id, json);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it("resends with a new link and expiry; the old link stops working", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const { invitation, email, token } = await invite(owner, ws.id);
    const { workspaceInvitations } = db().t;
    await db().atomic((q) => [
      q
        .update(workspaceInvitations)
        .set({ expires_at: new Date(Date.now() - 60_000) })
        .where(eq(workspaceInvitations.id, invitation.id)),
    ]);
    const res = await owner.fetch(`/api/v1/workspaces/${ws.id}/invitations/${invitation.id}/resend`, {
      method: "POST",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as InvitationJson;
    expect(body.status).toBe("pending");
    expect(new Date(body.expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const newToken = invitationTokenIn(await latestMail(email, /invited you/));
    expect(newToken).not.toBe(token);
    const someone = await signUp();
    expect((await preview(someone.client, token)).status).toBe(404);
    expect((await preview(someone.client, newToken)).status).toBe(200);
    expect(await activityOf(ws.id, "workspace_invitation.resent")).toHaveLength(1);
  });

  it("revokes: the row goes, the link stops working, one log entry", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const { invitation, token } = await invite(owner, ws.id);
    const res = await owner.fetch(`/api/v1/workspaces/${ws.id}/invitations/${invitation.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await invitationRow(invitation.id)).toBeNull();
    expect((await preview(owner, token)).status).toBe(404);
    expect(await activityOf(ws.id, "workspace_invitation.revoked")).toHaveLength(1);
    expect(
      (await owner.fetch(`/api/v1/workspaces/${ws.id}/invitations/${invitation.id}`, { method: "DELETE" })).status,
    ).toBe(404);
  });

  it("answers 404 for an invitation of another workspace, and leaves it alone", async () => {
    const { client: ownerA } = await signUp();
    const wsA = await createWorkspace(ownerA);
    const { invitation, token } = await invite(ownerA, wsA.id);
    const { client: ownerB } = await signUp();
    const wsB = await createWorkspace(ownerB, "Other Studio");
    const before = await invitationRow(invitation.id);
    await logsNothing(wsA.id, async () => {
      const base = `/api/v1/workspaces/${wsB.id}/invitations/${invitation.id}`;
      expect((await ownerB.fetch(`${base}/resend`, { method: "POST" })).status).toBe(404);
      expect((await ownerB.fetch(base, { method: "DELETE" })).status).toBe(404);
    });
    expect(await activityOf(wsB.id)).toHaveLength(1); // only its own workspace.created
    expect(await invitationRow(invitation.id)).toEqual(before);
    expect((await preview(ownerB, token)).status).toBe(200);
  });

  it("limits invitation mail to 50 an hour per workspace", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const { invitation } = await invite(owner, ws.id);
    const resend = () =>
      owner.fetch(`/api/v1/workspaces/${ws.id}/invitations/${invitation.id}/resend`, { method: "POST" });
    for (let i = 1; i < 50; i++) expect((await resend()).status).toBe(200);
    const res = await resend();
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
  });
});
