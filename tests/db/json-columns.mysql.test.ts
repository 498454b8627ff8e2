import { afterAll, beforeAll, describe } from "vitest";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { jsonColumnsSuite } from "./json-columns-suite";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

describe("JSON columns on MySQL", () => jsonColumnsSuite(() => mysql.db));
