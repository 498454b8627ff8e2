import type { Database } from "../../../db/database";
import { toCsvLine } from "../../lib/csv";
import { type ActivityRow, findActivity } from "./find-activity";
import type { ActivityFilter } from "./schema";

export const CSV_COLUMNS = [
  "created_at",
  "type",
  "description",
  "user_name",
  "user_email",
  "entity_type",
  "entity_id",
  "ip_address",
] as const;

/** Rows read per query: the stream holds at most one chunk, however long the log is. */
export const CSV_CHUNK = 500;

const csvRecord = ({ entry, user }: ActivityRow) =>
  toCsvLine([
    entry.created_at?.toISOString(),
    entry.type,
    entry.description,
    user?.name,
    user?.email,
    entry.entity_type,
    entry.entity_id,
    entry.ip_address,
  ]);

/**
 * The whole filtered log as CSV, newest first, read a chunk at a time only when the
 * client has taken the previous one (a pull stream), so memory stays flat for any size.
 */
export function activityCsvStream(
  db: Database,
  workspaceId: string,
  filter: ActivityFilter,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let beforeId: string | null = null;
  let header = toCsvLine(CSV_COLUMNS);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const rows = await findActivity(db, workspaceId, filter, { beforeId, limit: CSV_CHUNK });
          const text = header + rows.map(csvRecord).join("");
          header = "";
          if (text) controller.enqueue(encoder.encode(text));
          const last = rows[rows.length - 1];
          if (rows.length < CSV_CHUNK || !last) controller.close();
          else beforeId = last.entry.id;
        } catch (err) {
          // The headers are long gone: all that is left is to cut the download short and say why in the log.
          console.error(JSON.stringify({ level: "error", message: "activity export failed", error: String(err) }));
          controller.error(err);
        }
      },
    },
    { highWaterMark: 0 },
  );
}
