// Reads D1's live schema through SQLite's catalogue pragmas.
import type { LiveTable } from "./schema-fidelity";

type ColumnInfo = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
type IndexList = { name: string; unique: number; origin: string };
type IndexInfo = { seqno: number; name: string };
type ForeignKeyInfo = { table: string; from: string; to: string; on_delete: string };

const all = async <T>(db: D1Database, sql: string) => (await db.prepare(sql).all<T>()).results;

/** CHECK ("t"."col" IN ('a', 'b')) → values per column. */
function enumChecks(createSql: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of createSql.matchAll(/CHECK\s*\(\s*"?\w+"?\."?(\w+)"?\s+IN\s*\(([^)]*)\)\s*\)/gi)) {
    out.set(
      m[1] ?? "",
      (m[2] ?? "").split(",").map((v) => v.trim().replace(/^'|'$/g, "")),
    );
  }
  return out;
}

export async function introspectD1(db: D1Database): Promise<LiveTable[]> {
  const tables = await all<{ name: string; sql: string }>(
    db,
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
  );
  return Promise.all(
    tables.map(async ({ name, sql }) => {
      const checks = enumChecks(sql);
      const autoIncrement = /AUTOINCREMENT/i.test(sql);
      const columns = (await all<ColumnInfo>(db, `PRAGMA table_info('${name}')`)).map((c) => ({
        name: c.name,
        type: c.type.toLowerCase(),
        notNull: c.notnull === 1 || c.pk > 0,
        primaryKey: c.pk > 0,
        default: c.dflt_value,
        onUpdateNow: null,
        autoIncrement: c.pk > 0 ? autoIncrement && c.type.toLowerCase() === "integer" : false,
        enumValues: checks.get(c.name) ?? null,
      }));
      const indexes = await Promise.all(
        (await all<IndexList>(db, `PRAGMA index_list('${name}')`))
          .filter((i) => i.origin !== "pk")
          .map(async (i) => ({
            name: i.name,
            unique: i.unique === 1,
            columns: (await all<IndexInfo>(db, `PRAGMA index_info('${i.name}')`))
              .sort((a, b) => a.seqno - b.seqno)
              .map((c) => c.name),
          })),
      );
      const foreignKeys = (await all<ForeignKeyInfo>(db, `PRAGMA foreign_key_list('${name}')`)).map((f) => ({
        column: f.from,
        table: f.table,
        refColumn: f.to,
        onDelete: f.on_delete,
      }));
      return { name, columns, indexes, foreignKeys };
    }),
  );
}
