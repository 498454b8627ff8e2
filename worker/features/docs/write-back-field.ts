// The room writes a document's plain text back to its row, with an activity entry in
// the same atomic unit, through the shared data layer (D1 in dev, MySQL in production).
import type { Database } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import type { Env } from "../../lib/env";
import { type DocTarget, lengthRefusal } from "./collaborative-fields";

/** too_long: the text is over the field's limit and longer than the row's; the row keeps its text. */
export type WriteBack = "written" | "unchanged" | "gone" | "too_long";

export async function writeBackField(
  env: Env,
  db: Database,
  input: { workspaceId: string; target: DocTarget; text: string; editor: { id: string; name: string } },
): Promise<WriteBack> {
  const { workspaceId, target, text, editor } = input;
  const { field, rowId } = target;
  const row = await field.find(db, workspaceId, rowId);
  if (!row) return "gone";
  const before = row.value ?? "";
  if (before === text) return "unchanged";
  // The room refuses such edits as they are typed; this keeps the row to the API's limit whatever reaches it.
  if (lengthRefusal(field, text, before.length)) return "too_long";
  await db.atomic((q) => [
    ...field.update(q, db, workspaceId, rowId, text, row),
    q.insert(db.t.activityLogs).values({
      id: uuidv7(),
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
  await field.afterWrite?.(env, row);
  return "written";
}
