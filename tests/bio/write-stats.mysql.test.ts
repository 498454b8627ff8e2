import { afterAll, beforeAll } from "vitest";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { writeStatsSuite } from "./write-stats-suite";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

writeStatsSuite(() => mysql.db);
