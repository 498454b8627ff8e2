// The activity log: one entry per mutation, built here and written in the same
// atomic unit as the change it records (pass the statement to db.atomic).
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { Database, Query, Statement } from "../../db/database";
import { uuidv7 } from "../../db/uuidv7";
import { insertMany } from "../../db/write-many";
import { currentIdentity } from "./auth";
import type { AppEnv } from "./env";

export type ActivityInput = {
  /** Chosen by the caller that may have to take the entry back (the change it records did not happen). */
  id?: string;
  workspaceId: string;
  /** `<entity>.<verb>`, e.g. `crm_contact.updated`. */
  type: string;
  description: string;
  entityType?: string;
  entityId?: string | null;
  metadata?: Record<string, unknown>;
};

/** Fields never copied into the log, whatever feature changes them. */
const SECRET_FIELDS = new Set(["password", "token", "token_hash", "access_tokens", "remember_token", "secret"]);

/** Who a change is by, and from where: the signed-in caller of a request, or work done on their behalf later. */
export type Actor = { userId: string; name: string; ip: string | null; userAgent: string | null };

/** The signed-in caller, from their IP and browser. */
export function actorOf(c: Context<AppEnv>): Actor {
  const { user } = currentIdentity(c);
  return {
    userId: user.id,
    name: user.name,
    ip: c.req.header("CF-Connecting-IP")?.slice(0, 45) ?? null,
    userAgent: c.req.header("User-Agent")?.slice(0, 1000) ?? null,
  };
}

/** The row of one entry by an actor. */
const activityRow = (actor: Actor, entry: ActivityInput) => ({
  id: entry.id ?? uuidv7(),
  workspace_id: entry.workspaceId,
  user_id: actor.userId,
  type: entry.type,
  description: entry.description.slice(0, 5000),
  entity_type: entry.entityType ?? null,
  entity_id: entry.entityId ?? null,
  ip_address: actor.ip,
  user_agent: actor.userAgent,
  metadata: entry.metadata ?? null,
});

/** Removes an entry whose unit committed but whose change did not happen (its guard found the row moved on). */
export async function takeBackEntry(db: Database, id: string): Promise<void> {
  await db.atomic((q) => [q.delete(db.t.activityLogs).where(eq(db.t.activityLogs.id, id))]);
}

/** The insert for one entry by an actor. */
export function activityEntryBy(actor: Actor, q: Query, db: Database, entry: ActivityInput) {
  return q.insert(db.t.activityLogs).values(activityRow(actor, entry));
}

/** The inserts for many entries by an actor, in a few wide statements (a bulk action's thousand). */
export function activityEntriesBy(actor: Actor, q: Query, db: Database, entries: ActivityInput[]): Statement[] {
  return insertMany(
    db,
    q,
    db.t.activityLogs,
    entries.map((entry) => activityRow(actor, entry)),
  );
}

/** The insert for one entry, by the signed-in caller, from their IP and browser. */
export const activityEntry = (c: Context<AppEnv>, q: Query, db: Database, entry: ActivityInput) =>
  activityEntryBy(actorOf(c), q, db, entry);

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null));

/** `{ field: { from, to } }` for the fields that really changed; secrets show as changed but never their value. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    if (to === undefined || comparable(from) === comparable(to)) continue;
    const hidden = SECRET_FIELDS.has(key);
    changes[key] = {
      from: hidden ? "[hidden]" : from instanceof Date ? from.toISOString() : from,
      to: hidden ? "[hidden]" : to instanceof Date ? to.toISOString() : to,
    };
  }
  return changes;
}
