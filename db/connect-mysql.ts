// A MySQL server over TCP (mysql2), for Node: the tests against MariaDB and the
// maintenance scripts. The worker reaches MySQL through connect-planetscale.ts.
import { drizzle } from "drizzle-orm/mysql2";
import { createPool, type Pool } from "mysql2/promise";
import { type Database, mysqlDatabase } from "./database";
import * as tables from "./schema/generated/mysql";

export type MySqlConnection = { db: Database; pool: Pool; close(): Promise<void> };

export function connectMySql(url: string): MySqlConnection {
  const pool = createPool({ uri: url, connectionLimit: 4, multipleStatements: false });
  // TIMESTAMP values cross the wire in the session's zone; UTC keeps them equal to what D1 stores.
  pool.pool.on("connection", (connection) => {
    connection.query("SET time_zone = '+00:00'");
  });
  return {
    db: mysqlDatabase(drizzle(pool, { mode: "default" }), tables),
    pool,
    close: () => pool.end(),
  };
}
