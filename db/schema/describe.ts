// The vocabulary the one schema description is written in. Each column kind names
// the seed's SQL type; db/schema/generate.ts turns a description into the Drizzle
// definitions of both dialects, so no table is ever written twice by hand.
import type { JsonShape } from "./json-columns";

export type ColumnKind =
  | "uuid"
  | "varchar"
  | "text"
  | "mediumtext"
  | "longtext"
  | "enum"
  | "json"
  | "boolean"
  | "int"
  | "int_unsigned"
  | "tinyint_unsigned"
  | "bigint_autoincrement"
  | "decimal"
  | "timestamp";

export type ColumnDefault = { kind: "now" } | { kind: "value"; value: string | number | boolean };

export type ColumnSpec = {
  kind: ColumnKind;
  length?: number;
  precision?: number;
  scale?: number;
  values?: readonly string[];
  notNull: boolean;
  primaryKey: boolean;
  unique: boolean;
  default?: ColumnDefault;
  onUpdateNow: boolean;
  /** TypeScript type of a JSON column's value, as source text. */
  jsonType?: JsonShape;
  /** Ids are made in code (UUIDv7): MySQL has no RETURNING and PlanetScale no LAST_INSERT_ID per request. */
  generatedId: boolean;
  references?: { table: string; column: string };
};

/**
 * An index column is a column name, or `caseless(name)`: compared without case. MySQL's
 * collation already ignores case; on D1 the index column is COLLATE NOCASE, and a
 * query reaches it by comparing and ordering with COLLATE NOCASE too.
 */
export type IndexSpec = { name: string; columns: string[] };

const CASELESS = " COLLATE NOCASE";
export const caseless = (column: string) => `${column}${CASELESS}`;
/** The column an index entry is on, and whether it ignores case. */
export const indexColumn = (entry: string) =>
  entry.endsWith(CASELESS)
    ? { column: entry.slice(0, -CASELESS.length), caseless: true }
    : { column: entry, caseless: false };

export type TableSpec = {
  name: string;
  columns: Record<string, ColumnSpec>;
  indexes: IndexSpec[];
  uniques: IndexSpec[];
};

class Column {
  constructor(readonly spec: ColumnSpec) {}

  private with(patch: Partial<ColumnSpec>): Column {
    return new Column({ ...this.spec, ...patch });
  }
  notNull(): Column {
    return this.with({ notNull: true });
  }
  primaryKey(): Column {
    return this.with({ primaryKey: true, notNull: true });
  }
  /** A UUIDv7 primary key made in code. */
  id(): Column {
    return this.with({ primaryKey: true, notNull: true, generatedId: true });
  }
  unique(): Column {
    return this.with({ unique: true });
  }
  default(value: string | number | boolean): Column {
    return this.with({ default: { kind: "value", value } });
  }
  defaultNow(): Column {
    return this.with({ default: { kind: "now" } });
  }
  onUpdateNow(): Column {
    return this.with({ onUpdateNow: true });
  }
  /** Seed foreign keys all cascade on delete, so that is the only kind there is. */
  references(table: string, column = "id"): Column {
    return this.with({ references: { table, column } });
  }
  type(jsonType: JsonShape): Column {
    return this.with({ jsonType });
  }
}

const column = (kind: ColumnKind, extra: Partial<ColumnSpec> = {}) =>
  new Column({
    kind,
    notNull: false,
    primaryKey: false,
    unique: false,
    onUpdateNow: false,
    generatedId: false,
    ...extra,
  });

export const uuid = () => column("uuid", { length: 36 });
export const varchar = (length: number) => column("varchar", { length });
export const text = () => column("text");
export const mediumtext = () => column("mediumtext");
export const longtext = () => column("longtext");
export const enumOf = (values: readonly string[]) => column("enum", { values });
export const json = () => column("json");
export const boolean = () => column("boolean");
export const int = () => column("int");
export const intUnsigned = () => column("int_unsigned");
export const tinyintUnsigned = () => column("tinyint_unsigned");
export const bigintAutoIncrement = () => column("bigint_autoincrement", { primaryKey: true, notNull: true });
export const decimal = (precision: number, scale: number) => column("decimal", { precision, scale });
export const timestamp = () => column("timestamp");

/** `created_at`/`updated_at` as every seed table has them. */
export const timestamps = () => ({
  created_at: timestamp().defaultNow(),
  updated_at: timestamp().defaultNow().onUpdateNow(),
});

export function table(
  name: string,
  columns: Record<string, Column>,
  keys: { indexes?: Record<string, string[]>; uniques?: Record<string, string[]> } = {},
): TableSpec {
  const toSpecs = (named: Record<string, string[]> = {}) =>
    Object.entries(named).map(([indexName, cols]) => ({ name: indexName, columns: cols }));
  return {
    name,
    columns: Object.fromEntries(Object.entries(columns).map(([key, col]) => [key, col.spec])),
    indexes: toSpecs(keys.indexes),
    uniques: toSpecs(keys.uniques),
  };
}
