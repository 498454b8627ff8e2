// Reads a MySQL database's live schema from information_schema.
import type { Pool, RowDataPacket } from "mysql2/promise";
import type { LiveTable } from "../db/schema-fidelity";

type ColumnRow = RowDataPacket & {
  TABLE_NAME: string;
  COLUMN_NAME: string;
  COLUMN_TYPE: string;
  IS_NULLABLE: string;
  COLUMN_DEFAULT: string | null;
  COLUMN_KEY: string;
  EXTRA: string;
};
type IndexRow = RowDataPacket & { TABLE_NAME: string; INDEX_NAME: string; NON_UNIQUE: number; COLUMN_NAME: string };
type ForeignKeyRow = RowDataPacket & {
  TABLE_NAME: string;
  COLUMN_NAME: string;
  REFERENCED_TABLE_NAME: string;
  REFERENCED_COLUMN_NAME: string;
  DELETE_RULE: string;
};

/** Drops display widths (int(11) → int) that MariaDB prints and MySQL 8 does not; keeps tinyint(1), the boolean. */
function normalizeType(type: string): { type: string; enumValues: string[] | null } {
  const t = type.toLowerCase();
  if (t.startsWith("enum(")) {
    return { type: "enum", enumValues: [...t.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1] ?? "") };
  }
  if (t === "tinyint(1)") return { type: t, enumValues: null };
  return { type: t.replace(/^(tinyint|smallint|int|bigint)\(\d+\)/, "$1"), enumValues: null };
}

export async function introspectMySql(pool: Pool, database: string): Promise<LiveTable[]> {
  const [columns] = await pool.query<ColumnRow[]>(
    "SELECT * FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION",
    [database],
  );
  const [indexes] = await pool.query<IndexRow[]>(
    "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
    [database],
  );
  const [foreignKeys] = await pool.query<ForeignKeyRow[]>(
    `SELECT k.TABLE_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL`,
    [database],
  );
  const tableNames = [...new Set(columns.map((c) => c.TABLE_NAME))].filter((n) => n !== "__drizzle_migrations");
  return tableNames.map((name) => {
    const tableIndexes = new Map<string, { name: string; unique: boolean; columns: string[] }>();
    for (const row of indexes.filter((i) => i.TABLE_NAME === name && i.INDEX_NAME !== "PRIMARY")) {
      const entry = tableIndexes.get(row.INDEX_NAME) ?? {
        name: row.INDEX_NAME,
        unique: row.NON_UNIQUE === 0,
        columns: [],
      };
      entry.columns.push(row.COLUMN_NAME);
      tableIndexes.set(row.INDEX_NAME, entry);
    }
    return {
      name,
      columns: columns
        .filter((c) => c.TABLE_NAME === name)
        .map((c) => ({
          name: c.COLUMN_NAME,
          ...normalizeType(c.COLUMN_TYPE),
          notNull: c.IS_NULLABLE === "NO",
          primaryKey: c.COLUMN_KEY === "PRI",
          default: c.COLUMN_DEFAULT,
          onUpdateNow: /on update current_timestamp/i.test(c.EXTRA),
          autoIncrement: /auto_increment/i.test(c.EXTRA),
        })),
      indexes: [...tableIndexes.values()],
      foreignKeys: foreignKeys
        .filter((f) => f.TABLE_NAME === name)
        .map((f) => ({
          column: f.COLUMN_NAME,
          table: f.REFERENCED_TABLE_NAME,
          refColumn: f.REFERENCED_COLUMN_NAME,
          onDelete: f.DELETE_RULE,
        })),
    };
  });
}
