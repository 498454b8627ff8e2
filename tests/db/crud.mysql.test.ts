import { afterAll, beforeAll } from "vitest";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { crudSuite } from "./crud-suite";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

crudSuite(() => mysql.db);
