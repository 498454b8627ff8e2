// A bulk action over contacts already selected (and checked to be the workspace's), or
// over everything a filter matches: applied a chunk of at most 1,000 contacts at a
// time, each chunk ONE atomic unit with an activity entry per contact, then published
// to the live feed (one change per contact). A filter's matches are walked in id
// order, so an action on 100,000 contacts spans several requests: each answers with a
// cursor the client sends back to go on where it stopped.
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { Database } from "../../../db/database";
import { inValues } from "../../../db/write-many";
import { activityEntriesBy, actorOf } from "../../lib/activity";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { type Change, publishChanges } from "../../lib/realtime";
import type { WorkspaceClock } from "../../lib/workspace-clock";
import { contactChanges, contactName } from "./contact-changes";
import { type ContactRow, deleteContactsStatements, updateContactStatements } from "./contact-statements";
import { type ContactValues, contactInstant, MAX_TAGS } from "./normalize-contact";
import type { ContactWhere } from "./resolve-contact-filter";
import type { BulkContactsBody } from "./schema";
import { nextMatchingContacts } from "./select-bulk-contacts";
import { toContactJson } from "./to-contact-json";
import { tagKey, uniqueTags } from "./unique-tags";

export type BulkAction = BulkContactsBody;

/** A request stops taking new chunks after this long, well inside Workers' limits; the client asks for the rest. */
const REQUEST_BUDGET_MS = 10_000;

/**
 * Contacts changed in one atomic unit, with an activity entry each: the rows and their
 * entries travel as JSON (db/write-many.ts), so a chunk is a handful of statements.
 */
export const BULK_CHUNK = 1_000;

async function loadContacts(db: Database, workspaceId: string, ids: string[]): Promise<ContactRow[]> {
  const t = db.t.crmContacts;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.workspace_id, workspaceId), inValues(db, t.id, ids)));
}

/** What an update action makes of one contact. */
function nextValues(row: ContactRow, action: BulkAction, clock: WorkspaceClock): Partial<ContactValues> {
  switch (action.action) {
    case "add_tags":
      return { tags: uniqueTags([...(row.tags ?? []), ...action.tags]) };
    case "remove_tags": {
      const gone = new Set(action.tags.map(tagKey));
      return { tags: (row.tags ?? []).filter((tag) => !gone.has(tagKey(tag))) };
    }
    case "set_status":
      return { status: action.status };
    case "set_follow_up":
      return {
        next_follow_up: action.next_follow_up === null ? null : contactInstant(action.next_follow_up, clock.timeZone),
      };
    case "delete":
      return {};
  }
}

function describe(me: string, row: ContactRow, action: BulkAction): string {
  const name = contactName(row);
  switch (action.action) {
    case "add_tags":
      return `${me} tagged ${name} with ${action.tags.join(", ")}`;
    case "remove_tags":
      return `${me} removed the tags ${action.tags.join(", ")} from ${name}`;
    case "set_status":
      return `${me} set ${name}'s status to ${action.status}`;
    case "set_follow_up":
      return action.next_follow_up === null
        ? `${me} cleared the follow-up with ${name}`
        : `${me} set a follow-up with ${name}`;
    case "delete":
      return `${me} deleted the contact ${name}`;
  }
}

/** How many of these contacts an add_tags would take past the tag limit. */
const overTagLimit = (rows: Pick<ContactRow, "tags">[], tags: string[]) =>
  rows.filter((row) => uniqueTags([...(row.tags ?? []), ...tags]).length > MAX_TAGS).length;

function tooManyTags(over: number) {
  return new AppError(
    "validation_failed",
    `${over} of the selected contacts would have more than ${MAX_TAGS} tags. Nothing was changed.`,
    [{ path: "tags", message: `A contact can have at most ${MAX_TAGS} tags.`, code: "too_big" }],
  );
}

/** Refuses an add_tags that would take any selected contact past the tag limit, before anything changes. */
export async function assertTagsFit(db: Database, workspaceId: string, selection: BulkSelection, tags: string[]) {
  const t = db.t.crmContacts;
  let over = 0;
  if (selection.ids) {
    for (let i = 0; i < selection.ids.length; i += BULK_CHUNK) {
      const rows = await db.q
        .select({ tags: t.tags })
        .from(t)
        .where(and(eq(t.workspace_id, workspaceId), inValues(db, t.id, selection.ids.slice(i, i + BULK_CHUNK))));
      over += overTagLimit(rows, tags);
    }
  } else {
    // Every match, before the first chunk changes: an action by filter is refused whole too.
    let afterId: string | null = null;
    for (;;) {
      const rows = await nextMatchingContacts(db, workspaceId, selection.where, afterId, BULK_CHUNK);
      over += overTagLimit(rows, tags);
      afterId = rows.at(-1)?.id ?? null;
      if (rows.length < BULK_CHUNK || afterId === null) break;
    }
  }
  if (over > 0) throw tooManyTags(over);
}

/** Contacts by id, or everything a filter matches (after the id a previous request stopped at). */
export type BulkSelection = { ids: string[]; where?: undefined } | { ids?: undefined; where: ContactWhere };

/** One chunk: applied in one atomic unit with its activity entries, then published. Answers how many changed. */
async function applyChunk(
  c: Context<AppEnv>,
  workspaceId: string,
  rows: ContactRow[],
  action: BulkAction,
  clock: WorkspaceClock,
): Promise<number> {
  const db = c.var.db;
  const actor = actorOf(c);
  if (rows.length === 0) return 0;
  if (action.action === "delete") {
    await db.atomic((q) => [
      ...deleteContactsStatements(
        q,
        db,
        workspaceId,
        rows.map((row) => row.id),
      ),
      ...activityEntriesBy(
        actor,
        q,
        db,
        rows.map((row) => ({
          workspaceId,
          type: "crm_contact.deleted",
          description: describe(actor.name, row, action),
          entityType: "crm_contact",
          entityId: row.id,
          metadata: { bulk: action.action, email: row.email },
        })),
      ),
    ]);
    await publishChanges(
      c,
      workspaceId,
      rows.map((row) => ({ entity_type: "crm_contact", entity_id: row.id, op: "delete" })),
    );
    return rows.length;
  }
  const unit = rows
    .map((row) => ({ row, next: nextValues(row, action, clock) }))
    .map(({ row, next }) => ({ row, next, changes: contactChanges(row, next) }))
    .filter(({ changes }) => Object.keys(changes).length > 0);
  if (unit.length === 0) return 0;
  await db.atomic((q) => [
    ...updateContactStatements(
      q,
      db,
      unit.map(({ row, next }) => ({ before: row, changes: next })),
    ),
    ...activityEntriesBy(
      actor,
      q,
      db,
      unit.map(({ row, changes }) => ({
        workspaceId,
        type: "crm_contact.updated",
        description: describe(actor.name, row, action),
        entityType: "crm_contact",
        entityId: row.id,
        metadata: { bulk: action.action, changes },
      })),
    ),
  ]);
  const after = new Map(
    (
      await loadContacts(
        db,
        workspaceId,
        unit.map(({ row }) => row.id),
      )
    ).map((row) => [row.id, row]),
  );
  const changes: Change[] = unit.map(({ row, changes }) => {
    const now = after.get(row.id);
    return {
      entity_type: "crm_contact",
      entity_id: row.id,
      op: "update",
      changed: changes,
      ...(now && { data: toContactJson(now) }),
    };
  });
  await publishChanges(c, workspaceId, changes);
  return unit.length;
}

/** What one request of a bulk action did: how many changed, and where to go on from if it stopped early. */
export type BulkProgress = { affected: number; lastId: string | null; done: boolean };

/**
 * Applies the action chunk by chunk, and stops after `limit` contacts were looked at
 * (or after about ten seconds) when a filter matches more. Contacts already as asked
 * are left alone and not counted. A failure keeps the chunks before it: each is whole.
 */
export async function applyBulkAction(
  c: Context<AppEnv>,
  workspaceId: string,
  selection: BulkSelection,
  action: BulkAction,
  clock: WorkspaceClock,
  from: { afterId: string | null; limit: number },
): Promise<BulkProgress> {
  const db = c.var.db;
  const started = Date.now();
  let affected = 0;
  let seen = 0;
  let lastId = from.afterId;
  try {
    for (;;) {
      const size = Math.min(BULK_CHUNK, from.limit - seen);
      const rows = selection.ids
        ? await loadContacts(db, workspaceId, selection.ids.slice(seen, seen + size))
        : await nextMatchingContacts(db, workspaceId, selection.where, lastId, size);
      affected += await applyChunk(c, workspaceId, rows, action, clock);
      seen += size;
      lastId = rows.at(-1)?.id ?? lastId;
      const exhausted = selection.ids ? seen >= selection.ids.length : rows.length < size;
      if (exhausted) return { affected, lastId, done: true };
      if (seen >= from.limit || Date.now() - started > REQUEST_BUDGET_MS) return { affected, lastId, done: false };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    console.error(JSON.stringify({ level: "error", msg: "bulk action stopped", affected, error: String(err) }));
    throw new AppError(
      "internal_error",
      `Something went wrong after ${affected} contacts were changed. Try again to finish the rest.`,
      { affected },
    );
  }
}
