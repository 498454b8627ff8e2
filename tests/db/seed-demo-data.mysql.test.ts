import { afterAll, beforeAll, describe } from "vitest";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { seedDemoDataSuite } from "./seed-demo-data-suite";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

describe("demo data on MySQL", () => seedDemoDataSuite(() => mysql.db));
