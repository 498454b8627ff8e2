import { afterAll, beforeAll, describe } from "vitest";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { insertsWhileSuite } from "./inserts-while-suite";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

describe("guarded inserts on MySQL", () => insertsWhileSuite(() => mysql.db));
