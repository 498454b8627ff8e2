import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Query } from "../../../db/database";

/**
 * `q`, except that its inserts write their row only while `guard` holds:
 * `INSERT INTO t (…) SELECT <the row> FROM <source> WHERE <guard>`. The guard must pin
 * one row of `source` (by its id), so the select yields that row or nothing.
 *
 * This is the single-use pattern of auth/user-tokens.ts for inserts: put the guarded
 * inserts first and the statement that ends the guard (status → accepted, link
 * disabled) last, in one atomic unit; whoever runs second inserts nothing. It works
 * on activityEntry() too, which only ever calls `q.insert(table).values(row)`, so a
 * refused unit leaves no log entry behind.
 */
export function insertsWhile(q: Query, source: SQLiteTable, guard: SQL | undefined): Query {
  const guarded: Query = Object.create(q);
  const insert = (table: SQLiteTable) => ({
    values: (row: Record<string, unknown>) =>
      // The select lists every column, in the table's order, as drizzle's insert-select requires.
      q.insert(table).select(q.select(rowAsSelection(table, row)).from(source).where(guard) as never),
  });
  guarded.insert = insert as unknown as Query["insert"];
  return guarded;
}

/** Each column's value as a bound parameter, encoded by the column itself; omitted ones get the column's default. */
function rowAsSelection(table: SQLiteTable, row: Record<string, unknown>): Record<string, SQL> {
  const selection: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value =
      row[key] !== undefined ? row[key] : (column.default ?? column.defaultFn?.() ?? column.onUpdateFn?.() ?? null);
    selection[key] = is(value, SQL) ? value : value === null ? sql`null` : sql`${sql.param(value, column)}`;
  }
  return selection;
}
