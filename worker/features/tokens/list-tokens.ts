import { and, desc, lt } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import { decodeCursor, type Page, toPage } from "../../lib/pagination";
import { ownedBy } from "./owned-by";
import { toTokenJson } from "./to-token-json";

/** A user's tokens, newest first, one page at a time; the cursor is the last id seen. */
export async function listTokens(
  db: Database,
  userId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<ReturnType<typeof toTokenJson>>> {
  const tokens = db.t.personalAccessTokens;
  const before = page.cursor === undefined ? null : cursorId(page.cursor);
  const rows = await db.q
    .select()
    .from(tokens)
    .where(and(ownedBy(db, userId), before === null ? undefined : lt(tokens.id, before)))
    .orderBy(desc(tokens.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => [row.id], toTokenJson);
}

function cursorId(cursor: string): number {
  const [id, ...rest] = decodeCursor(cursor);
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0 || rest.length > 0) {
    throw new AppError("invalid_cursor", "The cursor is not one this list gave out.", { cursor });
  }
  return id;
}
