// A throwaway MySQL database per test file on the real MariaDB server, migrated
// with the same files production applies, dropped afterwards.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/mysql2";
import { migrate } from "drizzle-orm/mysql2/migrator";
import { createConnection } from "mysql2/promise";
import { connectMySql, type MySqlConnection } from "../../db/connect-mysql";

export const MYSQL_SERVER_URL = process.env.MYSQL_TEST_URL ?? "mysql://root@127.0.0.1:3306";
const migrationsFolder = fileURLToPath(new URL("../../db/migrations/mysql", import.meta.url));

export type FreshDatabase = MySqlConnection & { name: string; drop(): Promise<void> };

export async function freshMySqlDatabase(): Promise<FreshDatabase> {
  const name = `mewayz_test_${randomBytes(4).toString("hex")}`;
  const admin = await createConnection(MYSQL_SERVER_URL);
  await admin.query(`CREATE DATABASE \`${name}\``);
  const connection = connectMySql(`${MYSQL_SERVER_URL}/${name}`);
  await migrate(drizzle(connection.pool), { migrationsFolder });
  return {
    ...connection,
    name,
    async drop() {
      await connection.close();
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}
