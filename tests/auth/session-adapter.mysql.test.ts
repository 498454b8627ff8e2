import { afterAll, beforeAll, describe } from "vitest";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { sessionAdapterSuite } from "./session-adapter-suite";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

describe("the sessions adapter on MySQL", () => sessionAdapterSuite(() => mysql.db));
