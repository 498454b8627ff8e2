import { AppError } from "../../lib/errors";
import { decodeCursor } from "../../lib/pagination";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The contact id a bulk action by filter stopped after, from the cursor it answered with. */
export function bulkCursorId(cursor: string): string {
  const [kind, id, ...rest] = decodeCursor(cursor);
  if (kind !== "bulk" || typeof id !== "string" || !UUID.test(id) || rest.length > 0) {
    throw new AppError("invalid_cursor", "The cursor is not one this bulk action gave out.", { path: "cursor" });
  }
  return id;
}
