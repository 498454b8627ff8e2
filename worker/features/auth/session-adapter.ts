// Lucia's adapter over the seed's `sessions` table, written once on the shared data
// layer so it runs on D1 and MySQL alike (@lucia-auth/adapter-test runs on both).
// Attributes named as columns (ip_address, user_agent, last_activity) live in those
// columns; any other attribute lives in `payload` as JSON.
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Database } from "../../../db/database";

type UserRow = Database["t"]["users"]["$inferSelect"];
type SessionRow = Database["t"]["sessions"]["$inferSelect"];
type WorkspaceRow = Database["t"]["workspaces"]["$inferSelect"];
type MemberRow = Database["t"]["workspaceMembers"]["$inferSelect"];

/**
 * A workspace whose membership row is read in the same query as the session: a request
 * to a workspace's route then needs one round trip to know both who calls and what they
 * may do there. `row` is filled when the session is read: null when the caller is not in
 * that workspace, left undefined when the session was never read.
 */
export type MembershipProbe = {
  workspaceId: string;
  row?: { workspace: WorkspaceRow; member: MemberRow } | null;
};

const COLUMN_ATTRIBUTES = ["ip_address", "user_agent", "last_activity"] as const;
type Payload = { attributes: Record<string, unknown>; columns: string[] };

function toDatabaseSession(row: SessionRow): DatabaseSession | null {
  if (!row.user_id || !row.expires_at) return null; // a session from the old platform: never valid here
  let payload: Payload = { attributes: {}, columns: [] };
  try {
    const parsed = JSON.parse(row.payload) as Partial<Payload>;
    payload = { attributes: parsed.attributes ?? {}, columns: parsed.columns ?? [] };
  } catch {
    return null;
  }
  const attributes: Record<string, unknown> = { ...payload.attributes };
  for (const column of payload.columns) {
    if ((COLUMN_ATTRIBUTES as readonly string[]).includes(column)) {
      attributes[column] = row[column as (typeof COLUMN_ATTRIBUTES)[number]];
    }
  }
  return {
    id: row.id,
    userId: row.user_id,
    expiresAt: row.expires_at,
    attributes: attributes as DatabaseSession["attributes"],
  };
}

export function createSessionAdapter(
  db: Database,
  toUserAttributes: (row: UserRow) => DatabaseUser["attributes"],
  probe?: MembershipProbe,
): Adapter {
  const { sessions, users, workspaces, workspaceMembers } = db.t;
  return {
    async getSessionAndUser(sessionId) {
      const [row] = probe
        ? await db.q
            .select({ session: sessions, user: users, member: workspaceMembers, workspace: workspaces })
            .from(sessions)
            .innerJoin(users, eq(users.id, sessions.user_id))
            .leftJoin(
              workspaceMembers,
              and(eq(workspaceMembers.user_id, sessions.user_id), eq(workspaceMembers.workspace_id, probe.workspaceId)),
            )
            .leftJoin(workspaces, eq(workspaces.id, workspaceMembers.workspace_id))
            .where(eq(sessions.id, sessionId))
            .limit(1)
        : await db.q
            .select({ session: sessions, user: users })
            .from(sessions)
            .innerJoin(users, eq(users.id, sessions.user_id))
            .where(eq(sessions.id, sessionId))
            .limit(1);
      if (probe) {
        const found = row as { member?: MemberRow | null; workspace?: WorkspaceRow | null } | undefined;
        probe.row = found?.member && found.workspace ? { member: found.member, workspace: found.workspace } : null;
      }
      const session = row ? toDatabaseSession(row.session) : null;
      if (!row || !session) return [null, null];
      return [session, { id: row.user.id, attributes: toUserAttributes(row.user) }];
    },

    async getUserSessions(userId) {
      const rows = await db.q.select().from(sessions).where(eq(sessions.user_id, userId));
      return rows.map(toDatabaseSession).filter((s): s is DatabaseSession => s !== null);
    },

    async setSession(session) {
      const given = session.attributes as Record<string, unknown>;
      const columns = COLUMN_ATTRIBUTES.filter((c) => c in given);
      const rest = Object.fromEntries(
        Object.entries(given).filter(([k]) => !(COLUMN_ATTRIBUTES as readonly string[]).includes(k)),
      );
      await db.atomic((q) => [
        q.insert(sessions).values({
          id: session.id,
          user_id: session.userId,
          expires_at: session.expiresAt,
          ip_address: (given.ip_address as string | null | undefined) ?? null,
          user_agent: (given.user_agent as string | null | undefined) ?? null,
          last_activity: (given.last_activity as number | undefined) ?? Math.floor(Date.now() / 1000),
          payload: JSON.stringify({ attributes: rest, columns } satisfies Payload),
        }),
      ]);
    },

    async updateSessionExpiration(sessionId, expiresAt) {
      await db.atomic((q) => [
        q
          .update(sessions)
          .set({ expires_at: expiresAt, last_activity: Math.floor(Date.now() / 1000) })
          .where(eq(sessions.id, sessionId)),
      ]);
    },

    async deleteSession(sessionId) {
      await db.atomic((q) => [q.delete(sessions).where(eq(sessions.id, sessionId))]);
    },

    async deleteUserSessions(userId) {
      await db.atomic((q) => [q.delete(sessions).where(eq(sessions.user_id, userId))]);
    },

    async deleteExpiredSessions() {
      await db.atomic((q) => [
        q.delete(sessions).where(or(lte(sessions.expires_at, new Date()), isNull(sessions.expires_at))),
      ]);
    },
  };
}
