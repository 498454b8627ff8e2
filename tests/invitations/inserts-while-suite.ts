// The guarded insert that accepting an invitation and joining with a link rely on, on
// whichever database is given: INSERT … SELECT must write the row, every column encoded
// and defaulted as a plain insert would, while the guard holds — and nothing once it no
// longer does. Runs on D1 and on MariaDB.
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "../../db/database";
import { uuidv7 } from "../../db/uuidv7";
import { insertsWhile } from "../../worker/features/invitations/inserts-while";

async function invitedWorkspace(db: Database) {
  const ownerId = uuidv7();
  const inviteeId = uuidv7();
  const workspaceId = uuidv7();
  const invitationId = uuidv7();
  const { users, workspaces, workspaceInvitations } = db.t;
  await db.atomic((q) => [
    q.insert(users).values([
      { id: ownerId, name: "Olive", email: `${ownerId}@example.com`, password: "x" },
      { id: inviteeId, name: "Sam", email: `${inviteeId}@example.com`, password: "x" },
    ]),
    q.insert(workspaces).values({ id: workspaceId, name: "Studio", slug: `studio-${workspaceId}`, owner_id: ownerId }),
    q.insert(workspaceInvitations).values({
      id: invitationId,
      workspace_id: workspaceId,
      email: `${inviteeId}@example.com`,
      role: "editor",
      token: uuidv7(),
      invited_by: ownerId,
      expires_at: new Date(Date.now() + 60_000),
    }),
  ]);
  return { ownerId, inviteeId, workspaceId, invitationId };
}

export function insertsWhileSuite(dbOf: () => Database) {
  it("writes the row while the guard holds, once, with every column as a plain insert would", async () => {
    const db = dbOf();
    const { inviteeId, workspaceId, invitationId } = await invitedWorkspace(db);
    const { workspaceInvitations: invitations, workspaceMembers: members, activityLogs } = db.t;
    const stillPending = and(eq(invitations.id, invitationId), eq(invitations.status, "pending"));
    const joinedAt = new Date("2031-05-06T07:08:09.000Z");
    const accept = (memberId: string) =>
      db.atomic((q) => {
        const guarded = insertsWhile(q, invitations, stillPending);
        return [
          guarded.insert(members).values({
            id: memberId,
            workspace_id: workspaceId,
            user_id: inviteeId,
            role: "editor",
            permissions: { grant: ["crm.contacts.export"], revoke: [] },
            joined_at: joinedAt,
          }),
          guarded.insert(activityLogs).values({
            id: uuidv7(),
            workspace_id: workspaceId,
            user_id: inviteeId,
            type: "workspace_member.joined",
            description: "Sam joined",
            metadata: { via: "invitation", nested: { n: 1 } },
          }),
          q.update(invitations).set({ status: "accepted" }).where(stillPending),
        ];
      });

    const memberId = uuidv7();
    expect((await accept(memberId)).map((r) => r.rowsAffected)).toEqual([1, 1, 1]);
    const [member] = await db.q.select().from(members).where(eq(members.id, memberId));
    expect(member).toMatchObject({
      workspace_id: workspaceId,
      user_id: inviteeId,
      role: "editor",
      status: "active", // the column default
      permissions: { grant: ["crm.contacts.export"], revoke: [] },
      invited_at: null,
      joined_at: joinedAt,
    });
    expect(member?.created_at).toBeInstanceOf(Date);
    expect(Math.abs((member?.created_at?.getTime() ?? 0) - Date.now())).toBeLessThan(120_000);
    const [entry] = await db.q.select().from(activityLogs).where(eq(activityLogs.workspace_id, workspaceId));
    expect(entry?.metadata).toEqual({ via: "invitation", nested: { n: 1 } });

    // The second runner finds the guard gone: no member, no log entry, nothing changed.
    expect((await accept(uuidv7())).map((r) => r.rowsAffected)).toEqual([0, 0, 0]);
    expect(await db.q.$count(members, eq(members.workspace_id, workspaceId))).toBe(1);
    expect(await db.q.$count(activityLogs, eq(activityLogs.workspace_id, workspaceId))).toBe(1);
  });

  it("writes nothing when the guard never held", async () => {
    const db = dbOf();
    const { inviteeId, workspaceId, invitationId } = await invitedWorkspace(db);
    const { workspaceInvitations: invitations, workspaceMembers: members } = db.t;
    await db.atomic((q) => [q.delete(invitations).where(eq(invitations.id, invitationId))]);
    const [result] = await db.atomic((q) => [
      insertsWhile(q, invitations, eq(invitations.id, invitationId))
        .insert(members)
        .values({ workspace_id: workspaceId, user_id: inviteeId, role: "viewer" }),
    ]);
    expect(result?.rowsAffected).toBe(0);
    expect(await db.q.$count(members, eq(members.workspace_id, workspaceId))).toBe(0);
  });
}
