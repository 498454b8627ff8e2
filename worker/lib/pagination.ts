// Cursor pagination shared by every list: `?limit=&cursor=` in, `{ data, next_cursor }` out.
// A cursor is the sort key of the last row seen, opaque to clients.
import { z } from "@hono/zod-openapi";
import { AppError } from "./errors";

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ description: "Page size, 1–100." }),
  cursor: z.string().max(512).optional().openapi({ description: "next_cursor of the previous page." }),
});

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export type Page<T> = { data: T[]; next_cursor: string | null };

export type CursorKey = (string | number | null)[];

export function encodeCursor(key: CursorKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const key: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (Array.isArray(key) && key.every((v) => v === null || ["string", "number"].includes(typeof v))) {
      return key as CursorKey;
    }
  } catch {
    // fall through to the one error below
  }
  throw new AppError("invalid_cursor", "The cursor is not one this list gave out.", { cursor });
}

/** Turns `limit + 1` fetched rows into a page: the extra row only tells that another page exists. */
export function toPage<Row, Out>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  toJson: (row: Row) => Out,
): Page<Out> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return { data: shown.map(toJson), next_cursor: more && last ? encodeCursor(keyOf(last)) : null };
}
