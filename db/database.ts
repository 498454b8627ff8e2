// The one data layer both databases run: D1 (SQLite) inside the worker, and MySQL —
// PlanetScale in production, MariaDB in tests. Query code is written once against
// `db.q` and `db.t`; everything the two dialects do differently lives here.
import type { SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { MySqlDatabase } from "drizzle-orm/mysql-core";
import type * as sqliteTables from "./schema/generated/sqlite";

export type Dialect = "sqlite" | "mysql";

/**
 * The builder surface both dialects share (select, insert, update, delete), typed
 * as SQLite's. MySQL's builders have the same shape at run time; what they lack —
 * RETURNING, .get()/.all()/.run() — must not be used by shared code, and the
 * CRUD suite runs every data function on both to hold that line.
 */
export type Query = Pick<DrizzleD1Database, "select" | "selectDistinct" | "insert" | "update" | "delete" | "$count">;

/** The tables, typed as SQLite's; on MySQL the generated MySQL tables stand in with the same columns. */
export type Tables = typeof sqliteTables;

export type Statement = BatchItem<"sqlite">;

export type Database = {
  dialect: Dialect;
  q: Query;
  t: Tables;
  /**
   * Runs the statements as one unit: all of them or none. D1 has no interactive
   * transactions (it rejects BEGIN), so its unit is a batch; MySQL's is a
   * transaction. The statements are built from the `q` passed in, because on
   * MySQL only statements built from the transaction run inside it.
   */
  atomic(build: (q: Query) => Statement[]): Promise<{ rowsAffected: number }[]>;
  /** Raw SQL as one statement of an `atomic` unit, built from its `q`. */
  statement(q: Query, query: SQL): Statement;
  /** Raw SQL that reads rows, for the few queries the builder cannot say. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Raw SQL that changes something. */
  execute(query: SQL): Promise<{ rowsAffected: number }>;
};

/** Rows changed by one awaited insert/update/delete, whichever driver ran it. */
export function rowsAffected(result: unknown): number {
  if (Array.isArray(result)) {
    const head = result[0] as { affectedRows?: number } | undefined;
    return typeof head?.affectedRows === "number" ? head.affectedRows : 0; // mysql2: [ResultSetHeader, fields]
  }
  if (result && typeof result === "object") {
    const r = result as { meta?: { changes?: number }; rowsAffected?: number };
    if (typeof r.meta?.changes === "number") return r.meta.changes; // D1
    if (typeof r.rowsAffected === "number") return r.rowsAffected; // PlanetScale
  }
  return 0;
}

/** What drizzle's SQLite builders and raw statements both offer: their SQL and bound values. */
type Preparable = { _prepare(): { getQuery(): { sql: string; params: unknown[] } } };

export function sqliteDatabase(orm: DrizzleD1Database & { $client: D1Database }, t: Tables): Database {
  return {
    dialect: "sqlite",
    q: orm,
    t,
    async atomic(build) {
      const statements = build(orm);
      if (statements.length === 0) return [];
      // D1's own batch, not drizzle's: drizzle's cannot bind the parameters of a raw
      // statement, and a unit here only needs each statement's rows affected.
      const client = orm.$client;
      const results = await client.batch(
        statements.map((statement) => {
          const { sql, params } = (statement as unknown as Preparable)._prepare().getQuery();
          return client.prepare(sql).bind(...params);
        }),
      );
      return results.map((r) => ({ rowsAffected: rowsAffected(r) }));
    },
    statement: (q, query) => (q as DrizzleD1Database).run(query),
    rows: <T>(query: SQL) => orm.all<T>(query),
    async execute(query) {
      return { rowsAffected: rowsAffected(await orm.run(query)) };
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the drivers' HKTs differ; only the shared surface is used.
type AnyMySqlDatabase = MySqlDatabase<any, any, any>;

export function mysqlDatabase(orm: AnyMySqlDatabase, tables: unknown): Database {
  const asQuery = (db: AnyMySqlDatabase) => db as unknown as Query;
  const rowsOf = (result: unknown): unknown[] => {
    if (Array.isArray(result)) return result[0] as unknown[]; // mysql2: [rows, fields]
    return (result as { rows: unknown[] }).rows; // PlanetScale
  };
  return {
    dialect: "mysql",
    q: asQuery(orm),
    t: tables as Tables,
    atomic(build) {
      return orm.transaction(async (tx) => {
        const out: { rowsAffected: number }[] = [];
        for (const statement of build(asQuery(tx as AnyMySqlDatabase))) {
          out.push({ rowsAffected: rowsAffected(await statement) });
        }
        return out;
      });
    },
    statement(q, query) {
      // `execute` runs at once; `atomic` awaits its statements in order, so this one waits its turn.
      const run = () => (q as unknown as AnyMySqlDatabase).execute(query);
      // biome-ignore lint/suspicious/noThenProperty: a lazy statement is a thenable on purpose, as drizzle's builders are.
      const lazy: PromiseLike<unknown> = { then: (done, failed) => run().then(done, failed) };
      return lazy as unknown as Statement;
    },
    async rows<T>(query: SQL) {
      return rowsOf(await orm.execute(query)) as T[];
    },
    async execute(query) {
      return { rowsAffected: rowsAffected(await orm.execute(query)) };
    },
  };
}
