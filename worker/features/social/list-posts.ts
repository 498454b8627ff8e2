import { and, asc, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { decodeCursor, type Page, toPage } from "../../lib/pagination";
import { type PostJson, toPostJson } from "./to-post-json";

export type PostFilter = {
  status?: string[] | undefined;
  account_id?: string | undefined;
  group_id?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

export function postConditions(db: Database, workspaceId: string, filter: PostFilter): SQL[] {
  const t = db.t.socialMediaPosts;
  const where: SQL[] = [eq(t.workspace_id, workspaceId)];
  if (filter.status?.length) where.push(inArray(t.status, filter.status as never[]));
  if (filter.account_id) where.push(eq(t.social_media_account_id, filter.account_id.toLowerCase()));
  if (filter.group_id) where.push(eq(t.group_id, filter.group_id.toLowerCase()));
  if (filter.from) where.push(gte(t.scheduled_at, filter.from));
  if (filter.to) where.push(lt(t.scheduled_at, filter.to));
  return where;
}

/** Newest first (ids are time-ordered), a page at a time. */
export async function listPosts(
  db: Database,
  workspaceId: string,
  filter: PostFilter,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<PostJson>> {
  const t = db.t.socialMediaPosts;
  const where = postConditions(db, workspaceId, filter);
  if (page.cursor) where.push(lt(t.id, String(decodeCursor(page.cursor)[0])));
  const rows = await db.q
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.id], toPostJson);
}

/** Every post in a range by scheduled time, for the calendar (at most 2,000). */
export async function calendarPosts(db: Database, workspaceId: string, filter: PostFilter) {
  const t = db.t.socialMediaPosts;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(...postConditions(db, workspaceId, filter)))
    .orderBy(asc(t.scheduled_at), asc(t.id))
    .limit(2000);
  return rows.map(toPostJson);
}
