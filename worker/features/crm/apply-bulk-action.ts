// A bulk action over contacts already selected (and checked to be the workspace's):
// applied a chunk at a time, each chunk ONE atomic unit with an activity entry per
// contact, then published to the live feed as one batch.
import { and, eq, inArray } from "drizzle-orm";
import type { Context } from "hono";
import type { Database } from "../../../db/database";
import { activityEntry } from "../../lib/activity";
import { currentIdentity } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { type Change, publishChanges } from "../../lib/realtime";
import type { WorkspaceClock } from "../../lib/workspace-clock";
import { contactChanges, contactName } from "./contact-changes";
import { type ContactRow, deleteContactsStatements, updateContactStatements } from "./contact-statements";
import { type ContactValues, contactInstant, MAX_TAGS } from "./normalize-contact";
import type { BulkContactsBody } from "./schema";
import { toContactJson } from "./to-contact-json";
import { tagKey, uniqueTags } from "./unique-tags";

export type BulkAction = BulkContactsBody;

/**
 * Contacts read and changed at a time: one IN list within D1's 100 bound values, and
 * one atomic unit of their activity entries beside a few wide updates.
 */
const LOAD_CHUNK = 90;

async function loadContacts(db: Database, workspaceId: string, ids: string[]): Promise<ContactRow[]> {
  const t = db.t.crmContacts;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.workspace_id, workspaceId), inArray(t.id, ids)));
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

/** Refuses an add_tags that would take any selected contact past the tag limit, before anything changes. */
export async function assertTagsFit(db: Database, workspaceId: string, ids: string[], tags: string[]) {
  const t = db.t.crmContacts;
  let over = 0;
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
    const rows = await db.q
      .select({ tags: t.tags })
      .from(t)
      .where(and(eq(t.workspace_id, workspaceId), inArray(t.id, ids.slice(i, i + LOAD_CHUNK))));
    over += rows.filter((row) => uniqueTags([...(row.tags ?? []), ...tags]).length > MAX_TAGS).length;
  }
  if (over > 0) {
    throw new AppError(
      "validation_failed",
      `${over} of the selected contacts would have more than ${MAX_TAGS} tags. Nothing was changed.`,
      [{ path: "tags", message: `A contact can have at most ${MAX_TAGS} tags.`, code: "too_big" }],
    );
  }
}

/** Applies the action to the contacts; answers how many changed (those already as asked are left alone). */
export async function applyBulkAction(
  c: Context<AppEnv>,
  workspaceId: string,
  ids: string[],
  action: BulkAction,
  clock: WorkspaceClock,
): Promise<number> {
  const db = c.var.db;
  const me = currentIdentity(c).user.name;
  let affected = 0;
  try {
    for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
      const rows = await loadContacts(db, workspaceId, ids.slice(i, i + LOAD_CHUNK));
      if (action.action === "delete") {
        if (rows.length === 0) continue;
        // 3 statements per 90 ids, and one activity entry per contact: 93 at most.
        await db.atomic((q) => [
          ...deleteContactsStatements(
            q,
            db,
            workspaceId,
            rows.map((row) => row.id),
          ),
          ...rows.map((row) =>
            activityEntry(c, q, db, {
              workspaceId,
              type: "crm_contact.deleted",
              description: describe(me, row, action),
              entityType: "crm_contact",
              entityId: row.id,
              metadata: { bulk: action.action, email: row.email },
            }),
          ),
        ]);
        affected += rows.length;
        await publishChanges(
          c,
          workspaceId,
          rows.map((row) => ({ entity_type: "crm_contact", entity_id: row.id, op: "delete" })),
        );
        continue;
      }
      const unit = rows
        .map((row) => ({ row, next: nextValues(row, action, clock) }))
        .filter(({ row, next }) => Object.keys(contactChanges(row, next)).length > 0);
      if (unit.length > 0) {
        await db.atomic((q) => [
          ...updateContactStatements(
            q,
            db,
            unit.map(({ row, next }) => ({ before: row, changes: next })),
          ),
          ...unit.map(({ row, next }) =>
            activityEntry(c, q, db, {
              workspaceId,
              type: "crm_contact.updated",
              description: describe(me, row, action),
              entityType: "crm_contact",
              entityId: row.id,
              metadata: { bulk: action.action, changes: contactChanges(row, next) },
            }),
          ),
        ]);
        affected += unit.length;
        const after = new Map(
          (
            await loadContacts(
              db,
              workspaceId,
              unit.map(({ row }) => row.id),
            )
          ).map((row) => [row.id, row]),
        );
        const changes: Change[] = unit.map(({ row, next }) => {
          const now = after.get(row.id);
          return {
            entity_type: "crm_contact",
            entity_id: row.id,
            op: "update",
            changed: contactChanges(row, next),
            ...(now && { data: toContactJson(now) }),
          };
        });
        await publishChanges(c, workspaceId, changes);
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    console.error(JSON.stringify({ level: "error", msg: "bulk action stopped", affected, error: String(err) }));
    throw new AppError(
      "internal_error",
      `Something went wrong after ${affected} of ${ids.length} contacts were done. Try again to finish the rest.`,
      { affected },
    );
  }
  return affected;
}
