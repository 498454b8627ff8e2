// Helpers for the activity tests: write log entries straight into D1 (with chosen
// times, types and authors), read the feed page by page, and parse the CSV export.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { connectD1 } from "../../db/connect-d1";
import { uuidv7 } from "../../db/uuidv7";
import type { Client } from "../helpers/api";

export const database = () => connectD1(env.DB);

export type ActivityJson = {
  id: string;
  type: string;
  description: string;
  entity_type: string | null;
  entity_id: string | null;
  user: { id: string; name: string | null; avatar: string | null };
  ip_address: string | null;
  user_agent: string | null;
  metadata: Record<string, unknown> | null;
  created_at: string | null;
};

export type ActivityPage = { data: ActivityJson[]; next_cursor: string | null };

export type LoggedEntry = {
  userId: string;
  type: string;
  description?: string;
  entityType?: string | null;
  entityId?: string | null;
  createdAt?: Date;
  ipAddress?: string | null;
  metadata?: Record<string, unknown> | null;
};

/**
 * Writes entries in the order given, so their ids (UUIDv7, made now) grow in that
 * order: list them oldest first. D1 binds at most 100 values a statement, hence the slices.
 */
export async function logActivity(workspaceId: string, entries: LoggedEntry[]): Promise<string[]> {
  const db = database();
  const rows = entries.map((e) => ({
    id: uuidv7(),
    workspace_id: workspaceId,
    user_id: e.userId,
    type: e.type,
    description: e.description ?? e.type,
    entity_type: e.entityType ?? null,
    entity_id: e.entityId ?? null,
    ip_address: e.ipAddress ?? null,
    metadata: e.metadata ?? null,
    ...(e.createdAt && { created_at: e.createdAt, updated_at: e.createdAt }),
  }));
  const slices: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += 7) slices.push(rows.slice(i, i + 7));
  if (slices.length > 0) await db.atomic((q) => slices.map((slice) => q.insert(db.t.activityLogs).values(slice)));
  return rows.map((r) => r.id);
}

/** Every log row of a workspace, straight from the table. */
export async function activityRows(workspaceId: string) {
  const db = database();
  return db.q.select().from(db.t.activityLogs).where(eq(db.t.activityLogs.workspace_id, workspaceId));
}

export const feedPath = (workspaceId: string, query: Record<string, string> = {}, tail = "") => {
  const search = new URLSearchParams(query).toString();
  return `/api/v1/workspaces/${workspaceId}/activity${tail}${search ? `?${search}` : ""}`;
};

export async function readFeed(client: Client, workspaceId: string, query: Record<string, string> = {}) {
  const res = await client.fetch(feedPath(workspaceId, query));
  if (res.status !== 200) throw new Error(`feed answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ActivityPage;
}

/** Every entry the filter matches, following next_cursor to the end. */
export async function walkFeed(client: Client, workspaceId: string, query: Record<string, string> = {}) {
  const seen: ActivityJson[] = [];
  let cursor: string | null = null;
  do {
    const page: ActivityPage = await readFeed(client, workspaceId, { ...query, ...(cursor && { cursor }) });
    seen.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return seen;
}

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF records), so the test checks the format itself. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        if (text[i] === '"' || text[i] === "\n")
          throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field`);
        cell += text[i++];
      }
    }
    record.push(cell);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (record.length > 0) throw new Error("last record lacks its CRLF");
  return records;
}
