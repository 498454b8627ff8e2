import { afterAll, beforeAll, describe, expect, it } from "vitest";
import reference from "../../db/reference/mewayz-schema.sql?raw";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { introspectMySql } from "../mysql/introspect-mysql";
import { parseReferenceSchema } from "./reference-schema";
import { compareSchema } from "./schema-fidelity";

const tables = parseReferenceSchema(reference);
let mysql: FreshDatabase;

beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

describe("the MySQL schema", () => {
  it("matches the reference DDL table by table", async () => {
    expect(compareSchema(tables, await introspectMySql(mysql.pool, mysql.name), "mysql")).toEqual([]);
  });

  it("notices a schema that drifted from the reference", async () => {
    await mysql.pool.query("ALTER TABLE crm_contacts MODIFY lead_score INT NOT NULL DEFAULT 5");
    await mysql.pool.query("ALTER TABLE workspace_members DROP FOREIGN KEY fk_workspace_members_user_id");
    const problems = compareSchema(tables, await introspectMySql(mysql.pool, mysql.name), "mysql");
    expect(problems.sort()).toEqual([
      "crm_contacts.lead_score: NOT NULL, expected NULL",
      "crm_contacts.lead_score: default 5, expected 0",
      "workspace_members: foreign key missing: user_id->users.id ON DELETE CASCADE",
    ]);
  });

  it("refuses a value outside an enum", async () => {
    await mysql.pool.query("SET SESSION sql_mode = 'STRICT_ALL_TABLES'");
    await expect(
      mysql.pool.query(
        "INSERT INTO users (id, name, email, password, role) VALUES ('u1', 'Ann', 'ann@example.com', 'x', 'superuser')",
      ),
    ).rejects.toThrow(/role/);
  });
});
