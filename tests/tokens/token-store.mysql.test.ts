import { afterAll, beforeAll, describe } from "vitest";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { tokenStoreSuite } from "./token-store-suite";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

describe("personal access tokens on MySQL", () => tokenStoreSuite(() => mysql.db));
