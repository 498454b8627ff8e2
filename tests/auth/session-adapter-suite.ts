// Lucia's official adapter suite against our sessions adapter, on whichever database is given.
import { databaseUser, testAdapter } from "@lucia-auth/adapter-test";
import type { DatabaseUser } from "lucia";
import { expect, it } from "vitest";
import type { Database } from "../../db/database";
import { uuidv7 } from "../../db/uuidv7";
import { createSessionAdapter, type MembershipProbe } from "../../worker/features/auth/session-adapter";

export function sessionAdapterSuite(dbOf: () => Database) {
  it("passes @lucia-auth/adapter-test", async () => {
    const db = dbOf();
    const username = (databaseUser.attributes as unknown as { username: string }).username;
    await db.atomic((q) => [
      q
        .insert(db.t.users)
        .values({ id: databaseUser.id, name: username, email: `${username}@example.com`, password: "x" }),
    ]);
    const adapter = createSessionAdapter(
      db,
      (row) => ({ username: row.name }) as unknown as DatabaseUser["attributes"],
    );
    await expect(testAdapter(adapter)).resolves.toBeUndefined();
  });

  it("reads the caller's membership of a named workspace in the session's own statement", async () => {
    const db = dbOf();
    const [userId, workspaceId, elsewhere, sessionId] = [uuidv7(), uuidv7(), uuidv7(), `probe-${uuidv7()}`];
    await db.atomic((q) => [
      q.insert(db.t.users).values({ id: userId, name: "Ada", email: `${userId}@example.com`, password: "x" }),
      q
        .insert(db.t.workspaces)
        .values({ id: workspaceId, name: "Probe Co", slug: `probe-${userId}`, owner_id: userId }),
      q.insert(db.t.workspaceMembers).values({ workspace_id: workspaceId, user_id: userId, role: "editor" }),
      q.insert(db.t.sessions).values({
        id: sessionId,
        user_id: userId,
        expires_at: new Date(Date.now() + 60_000),
        payload: JSON.stringify({ attributes: {}, columns: [] }),
        last_activity: Math.floor(Date.now() / 1000),
      }),
    ]);
    const attributes = (row: { name: string }) => ({ name: row.name }) as unknown as DatabaseUser["attributes"];

    const member: MembershipProbe = { workspaceId };
    const [session, user] = await createSessionAdapter(db, attributes, member).getSessionAndUser(sessionId);
    expect(session?.userId).toBe(userId);
    expect(user?.id).toBe(userId);
    expect(member.row?.member).toMatchObject({ user_id: userId, role: "editor" });
    expect(member.row?.workspace).toMatchObject({ id: workspaceId, name: "Probe Co" });

    const stranger: MembershipProbe = { workspaceId: elsewhere };
    const [still] = await createSessionAdapter(db, attributes, stranger).getSessionAndUser(sessionId);
    expect(still?.userId).toBe(userId);
    expect(stranger.row).toBeNull();
  });
}
