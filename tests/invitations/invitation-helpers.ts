// Invitations for tests: send one through the API and read its link out of the mail.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { type Client, latestMail, uniqueEmail } from "../helpers/api";
import { db } from "../members/member-helpers";

export type InvitationJson = {
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  status: string;
  message: string | null;
  invited_by: string;
  expires_at: string;
};

/** The token of the invitation link in a mail. */
export function invitationTokenIn(mail: { text: string }): string {
  const match = /\/app\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no invitation link in: ${mail.text}`);
  return match[1];
}

/** The token at the end of an invite-link URL. */
export function joinTokenIn(url: string): string {
  const match = /\/app\/join\/([A-Za-z0-9_-]+)$/.exec(url);
  if (!match?.[1]) throw new Error(`not a join URL: ${url}`);
  return match[1];
}

/** Invites an email (a fresh one unless given) and hands back the invitation and the token its mail carries. */
export async function invite(inviter: Client, workspaceId: string, role = "editor", email = uniqueEmail("invitee")) {
  const res = await inviter.fetch(`/api/v1/workspaces/${workspaceId}/invitations`, {
    method: "POST",
    json: { email, role },
  });
  expect(res.status).toBe(201);
  const invitation = (await res.json()) as InvitationJson;
  return { invitation, email, token: invitationTokenIn(await latestMail(email, /invited you/)) };
}

export async function invitationRow(id: string) {
  const { workspaceInvitations } = db().t;
  const [row] = await db().q.select().from(workspaceInvitations).where(eq(workspaceInvitations.id, id));
  return row ?? null;
}
