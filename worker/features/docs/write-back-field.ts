// The room writes a document's plain text back to its row, with an activity entry in
// the same atomic unit, through the shared data layer (D1 in dev, MySQL in production).
import type { Database } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { takeBackEntry } from "../../lib/activity";
import type { Env } from "../../lib/env";
import { loadWorkspaceAccess } from "../../lib/workspace-access";
import { type DocTarget, type FieldEditor, lengthRefusal } from "./collaborative-fields";

/**
 * too_long: the text is over the field's (or the row's) limit and longer than the row's;
 * locked: the row takes no edits now (a post being published). Either way the row keeps its text.
 */
export type WriteBack = "written" | "unchanged" | "gone" | "too_long" | "locked";

export async function writeBackField(
  env: Env,
  db: Database,
  input: {
    workspaceId: string;
    target: DocTarget;
    text: string;
    editor: { id: string; name: string };
    /** Told why the text was refused (too_long, locked), in the words the editor shows. */
    onRefused?: (reason: string) => void;
  },
): Promise<WriteBack> {
  const { workspaceId, target, text } = input;
  const { field, rowId } = target;
  const row = await field.find(db, workspaceId, rowId);
  if (!row) return "gone";
  const before = row.value ?? "";
  if (before === text) return "unchanged";
  if (row.locked) {
    input.onRefused?.(`${row.locked} The last edit was not saved.`);
    return "locked";
  }
  // The room refuses such edits as they are typed; this keeps the row to the API's limit whatever reaches it.
  const tooLong = lengthRefusal(field, text, before.length) ?? row.refuseText?.(text, before.length) ?? null;
  if (tooLong) {
    input.onRefused?.(tooLong);
    return "too_long";
  }
  // What the editor may do now, not when they joined: a row's rules can depend on it (an approved post).
  const access = await loadWorkspaceAccess(db, workspaceId, input.editor.id);
  const editor: FieldEditor = { ...input.editor, permissions: access?.permissions ?? [] };
  const activityId = uuidv7();
  const [written] = await db.atomic((q) => [
    ...field.update(q, db, workspaceId, rowId, text, row, editor),
    q.insert(db.t.activityLogs).values({
      id: activityId,
      workspace_id: workspaceId,
      user_id: editor.id,
      type: `${field.entityType}.content_edited`,
      description: `${editor.name} edited the ${field.label}`.slice(0, 5000),
      entity_type: field.entityType,
      entity_id: rowId,
      ip_address: null,
      user_agent: null,
      // Lengths only: the text can be long and is the row's business, not the log's.
      metadata: { field: field.column, length: text.length, previous_length: before.length },
    }),
  ]);
  if (written?.rowsAffected === 0) {
    // The row moved on between reading and writing (deleted, or a post the cron claimed): its entry must not stand alone.
    await takeBackEntry(db, activityId);
    const now = await field.find(db, workspaceId, rowId);
    if (!now) return "gone";
    input.onRefused?.(`${now.locked ?? "This item changed meanwhile."} The last edit was not saved.`);
    return "locked";
  }
  await field.afterWrite?.(env, row, editor, db);
  return "written";
}
