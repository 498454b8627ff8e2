import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { createdAtBounds } from "./created-at-bounds";
import type { ActivityFilter } from "./schema";

export type ActivityRow = Awaited<ReturnType<typeof findActivity>>[number];

/** The conditions of a filter, always inside the one workspace. */
function conditions(
  db: Database,
  workspaceId: string,
  filter: ActivityFilter,
  beforeId: string | null,
): SQL | undefined {
  const log = db.t.activityLogs;
  const { from, before } = createdAtBounds(filter);
  let type: SQL | undefined;
  if (filter.type?.endsWith(".")) {
    // "_" is a LIKE wildcard and types are full of it; "!" cannot occur in a type, so it escapes.
    // Both SQLite and MySQL take a one-character ESCAPE written this way.
    type = sql`${log.type} LIKE ${`${filter.type.replace(/_/g, "!_")}%`} ESCAPE '!'`;
  } else if (filter.type) {
    type = eq(log.type, filter.type);
  }
  return and(
    eq(log.workspace_id, workspaceId),
    type,
    filter.user_id ? eq(log.user_id, filter.user_id.toLowerCase()) : undefined,
    filter.entity_type ? eq(log.entity_type, filter.entity_type) : undefined,
    filter.entity_id ? eq(log.entity_id, filter.entity_id) : undefined,
    from ? gte(log.created_at, from) : undefined,
    before ? lt(log.created_at, before) : undefined,
    beforeId ? lt(log.id, beforeId) : undefined,
  );
}

/**
 * A workspace's log entries matching the filter, newest first, each with its author
 * from one join. Ids are UUIDv7 and so sort by time: `id < beforeId` walks back
 * through the log without skipping or repeating, however many entries are added meanwhile.
 */
export async function findActivity(
  db: Database,
  workspaceId: string,
  filter: ActivityFilter,
  page: { beforeId: string | null; limit: number },
) {
  const { activityLogs: log, users } = db.t;
  return db.q
    .select({
      entry: log,
      user: { id: users.id, name: users.name, email: users.email, avatar: users.avatar },
    })
    .from(log)
    .leftJoin(users, eq(users.id, log.user_id))
    .where(conditions(db, workspaceId, filter, page.beforeId))
    .orderBy(desc(log.id))
    .limit(page.limit);
}
