// What the member and invitation tests check over and over: the activity a workspace
// logged, a membership row as stored, and a person with a confirmed email.
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { type Client, latestMail, signUp, tokenIn } from "../helpers/api";

export const db = () => connectD1(env.DB);

/** The workspace's log entries, oldest first, of one type or all. */
export async function activityOf(workspaceId: string, type?: string) {
  const { activityLogs } = db().t;
  return db()
    .q.select()
    .from(activityLogs)
    .where(and(eq(activityLogs.workspace_id, workspaceId), type ? eq(activityLogs.type, type) : undefined))
    .orderBy(activityLogs.id);
}

/** Runs `act` and checks it wrote no log entry at all. */
export async function logsNothing(workspaceId: string, act: () => Promise<unknown>) {
  const before = (await activityOf(workspaceId)).length;
  await act();
  expect(await activityOf(workspaceId)).toHaveLength(before);
}

export async function memberRow(workspaceId: string, userId: string) {
  const { workspaceMembers } = db().t;
  const [row] = await db()
    .q.select()
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspace_id, workspaceId), eq(workspaceMembers.user_id, userId)));
  return row ?? null;
}

/** Confirms a person's email the way they would: with the link in their confirmation mail. */
export async function verifyEmail(person: { client: Client; email: string }) {
  const token = tokenIn(await latestMail(person.email, /Confirm/));
  const res = await person.client.fetch("/api/v1/auth/email/verify", { method: "POST", json: { token } });
  expect(res.status).toBe(200);
}

/** Someone new, signed in, with a confirmed email. */
export async function verifiedPerson(overrides: { name?: string; email?: string } = {}) {
  const person = await signUp(overrides);
  await verifyEmail(person);
  return person;
}

export type MemberJson = {
  id: string;
  workspace_id: string;
  user_id: string;
  user: { id: string; name: string; email: string; avatar: string | null };
  role: string;
  status: string;
  permissions: { grant: string[]; revoke: string[] };
  invited_at: string | null;
  joined_at: string | null;
};
