// Writing many rows in few statements. D1 binds at most 100 values a statement, which
// caps a plain multi-row INSERT at a handful of rows; here, on D1, the rows travel as
// ONE JSON parameter that SQLite unpacks with json_each, so a statement holds hundreds
// of rows. MySQL has no such cap and takes ordinary multi-row statements.
import { type Column, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database, Query, Statement } from "./database";

/** Bytes of JSON (UTF-8, as D1 counts them) per D1 statement: well inside D1's 2 MB limit on a string value. */
export const WRITE_MANY_BYTES = 900_000;
/** Rows per MySQL statement: far below its 65,535 placeholders for any table here. */
const MYSQL_ROWS_PER_STATEMENT = 500;

type Row = Record<string, unknown>;

/** The columns the rows write, by key: every key any row sets. */
function columnsOf(table: SQLiteTable, rows: readonly Row[]): [string, Column][] {
  const all = getTableColumns(table) as Record<string, Column>;
  const keys = new Set<string>();
  for (const row of rows) for (const [key, value] of Object.entries(row)) if (value !== undefined) keys.add(key);
  return [...keys].map((key) => {
    const column = all[key];
    if (!column) throw new Error(`${key} is not a column of this table`);
    return [key, column];
  });
}

/** A row's value for a column as the driver stores it; a key the row leaves out takes the column's default function, else NULL. */
function driverValue(row: Row, key: string, column: Column): unknown {
  const value = row[key] === undefined ? (column.defaultFn?.() ?? null) : row[key];
  if (value === null) return null;
  const stored = column.mapToDriverValue(value);
  return stored instanceof Date ? stored.toISOString() : stored;
}

/** UTF-8 bytes of JSON text, counted without encoding it (JSON.stringify leaves no lone surrogate). */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 2; // a surrogate pair: two units, four bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * Rows as JSON arrays of driver values, cut into pieces of at most WRITE_MANY_BYTES.
 * Counted in UTF-8 bytes, not characters: notes in CJK take three bytes a character.
 */
function jsonPieces(rows: readonly Row[], columns: [string, Column][]): string[] {
  const pieces: string[] = [];
  let piece: string[] = [];
  let bytes = 2; // the brackets
  for (const row of rows) {
    const encoded = JSON.stringify(columns.map(([key, column]) => driverValue(row, key, column)));
    const size = utf8Length(encoded) + 1; // and its comma
    if (piece.length > 0 && bytes + size > WRITE_MANY_BYTES) {
      pieces.push(`[${piece.join(",")}]`);
      piece = [];
      bytes = 2;
    }
    piece.push(encoded);
    bytes += size;
  }
  if (piece.length > 0) pieces.push(`[${piece.join(",")}]`);
  return pieces;
}

const slices = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** `json_extract(j.value, '$[i]')` for each column, in order. */
const unpacked = (columns: [string, Column][]) =>
  columns.map((_, i) => sql`json_extract(j.value, ${sql.raw(`'$[${i}]'`)})`);

/**
 * INSERT statements for rows of one table. With `ignoreDuplicates`, a row that a
 * unique index already holds is left out instead of failing the unit.
 */
export function insertMany(
  db: Database,
  q: Query,
  table: SQLiteTable,
  rows: readonly Row[],
  options: { ignoreDuplicates?: boolean } = {},
): Statement[] {
  if (rows.length === 0) return [];
  if (db.dialect === "mysql") {
    return slices(rows, MYSQL_ROWS_PER_STATEMENT).map((slice) => {
      // MySQL's builder has INSERT IGNORE where SQLite's has ON CONFLICT DO NOTHING; the shared type is SQLite's.
      const insert = q.insert(table) as unknown as { ignore(): { values(rows: Row[]): Statement } } & {
        values(rows: Row[]): Statement;
      };
      return options.ignoreDuplicates ? insert.ignore().values(slice) : insert.values(slice);
    });
  }
  // "WHERE true" lets SQLite tell the upsert clause from a join constraint.
  const tail = options.ignoreDuplicates ? sql` WHERE true ON CONFLICT DO NOTHING` : sql``;
  // A column a row leaves out takes its SQL default, which INSERT … SELECT cannot name:
  // rows that set the same columns go together, and the others are not listed at all.
  return [...sameShape(rows)].flatMap((group) => {
    const columns = columnsOf(table, group);
    const names = sql.join(
      columns.map(([, column]) => sql.identifier(column.name)),
      sql`, `,
    );
    return jsonPieces(group, columns).map((json) =>
      db.statement(
        q,
        sql`INSERT INTO ${table} (${names}) SELECT ${sql.join(unpacked(columns), sql`, `)} FROM json_each(${json}) AS j${tail}`,
      ),
    );
  });
}

/** Rows grouped by the keys they set (in the order they set them: rows from one place share it). */
function sameShape(rows: readonly Row[]): Iterable<Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    let shape = "";
    for (const key in row) if (row[key] !== undefined) shape += `${key},`;
    const group = groups.get(shape);
    if (group) group.push(row);
    else groups.set(shape, [row]);
  }
  return groups.values();
}

/**
 * UPDATE statements that set each row's own values, matched by `id` (and `also`, when
 * given: a row that no longer meets it is left as it is). A row sets exactly the
 * columns it names; no update hook (such as `updated_at`) runs.
 */
export function updateManyById(
  db: Database,
  q: Query,
  table: SQLiteTable,
  rows: readonly ({ id: string } & Row)[],
  also?: SQL,
): Statement[] {
  return [...sameShape(rows)].flatMap((group) => updateSameShape(db, q, table, group, also));
}

function updateSameShape(db: Database, q: Query, table: SQLiteTable, rows: Row[], also?: SQL): Statement[] {
  const columns = columnsOf(table, rows);
  const idColumn = columns.find(([key]) => key === "id")?.[1];
  const sets = columns.filter(([key]) => key !== "id");
  if (!idColumn || sets.length === 0) return [];
  const extra = also ? sql` AND ${also}` : sql``;
  if (db.dialect === "mysql") {
    return slices(rows, MYSQL_ROWS_PER_STATEMENT).map((slice) => {
      const assignments = sets.map(
        ([key, column]) =>
          sql`${sql.identifier(column.name)} = CASE ${sql.identifier(idColumn.name)} ${sql.join(
            slice.map((row) => sql`WHEN ${row.id} THEN ${sql.param(driverValue(row, key, column))}`),
            sql` `,
          )} END`,
      );
      const ids = slice.map((row) => row.id as string);
      return db.statement(
        q,
        sql`UPDATE ${table} SET ${sql.join(assignments, sql`, `)} WHERE ${inArray(idColumn, ids)}${extra}`,
      );
    });
  }
  // Column 0 of each JSON row is the id; the values to set follow in `sets` order.
  const packed: [string, Column][] = [["id", idColumn], ...sets];
  const assignments = sets.map(
    ([, column], i) => sql`${sql.identifier(column.name)} = json_extract(j.value, ${sql.raw(`'$[${i + 1}]'`)})`,
  );
  return jsonPieces(rows, packed).map((json) =>
    db.statement(
      q,
      sql`UPDATE ${table} SET ${sql.join(assignments, sql`, `)} FROM json_each(${json}) AS j WHERE ${idColumn} = json_extract(j.value, '$[0]')${extra}`,
    ),
  );
}

/** DELETE statements for the rows whose key columns hold one of `keys` (each a tuple in `columns` order). */
export function deleteManyByKeys(
  db: Database,
  q: Query,
  table: SQLiteTable,
  columns: Column[],
  keys: readonly unknown[][],
): Statement[] {
  if (keys.length === 0) return [];
  const tuple = sql.join(columns, sql`, `);
  if (db.dialect === "mysql") {
    return slices(keys, MYSQL_ROWS_PER_STATEMENT).map((slice) => {
      const values = sql.join(
        slice.map(
          (key) =>
            sql`(${sql.join(
              key.map((v) => sql`${v}`),
              sql`, `,
            )})`,
        ),
        sql`, `,
      );
      return db.statement(q, sql`DELETE FROM ${table} WHERE (${tuple}) IN (${values})`);
    });
  }
  const named: [string, Column][] = columns.map((column) => [column.name, column]);
  const asRows = keys.map((key) => Object.fromEntries(named.map(([name], i) => [name, key[i]])));
  return jsonPieces(asRows, named).map((json) =>
    db.statement(
      q,
      sql`DELETE FROM ${table} WHERE (${tuple}) IN (SELECT ${sql.join(unpacked(named), sql`, `)} FROM json_each(${json}) AS j)`,
    ),
  );
}

/**
 * `column IN (values)` for any number of values: on D1 they travel as one JSON
 * parameter, so the list is not cut at 100; SQLite still looks each one up in the index.
 */
export function inValues(db: Database, column: Column, values: readonly (string | number)[]): SQL {
  if (db.dialect === "mysql") return inArray(column, [...values]);
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}
