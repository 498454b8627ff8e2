import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import reference from "../../db/reference/mewayz-schema.sql?raw";
import { introspectD1 } from "./introspect-d1";
import { parseReferenceSchema } from "./reference-schema";
import { compareSchema } from "./schema-fidelity";

const tables = parseReferenceSchema(reference);

describe("the D1 schema", () => {
  it("reads all 25 reference tables", () => {
    expect(tables).toHaveLength(25);
    expect(tables.flatMap((t) => t.columns)).toHaveLength(294);
  });

  it("matches the reference DDL table by table", async () => {
    expect(compareSchema(tables, await introspectD1(env.DB), "sqlite")).toEqual([]);
  });

  it("notices a schema that drifted from the reference", async () => {
    const live = await introspectD1(env.DB);
    const users = live.find((t) => t.name === "users")!;
    users.columns = users.columns.filter((c) => c.name !== "google_id");
    users.indexes = users.indexes.filter((i) => i.name !== "users_idx_status");
    const role = users.columns.find((c) => c.name === "role")!;
    role.enumValues = ["admin"];
    expect(compareSchema(tables, live, "sqlite")).toEqual([
      "users.google_id: column missing",
      "users.role: enum admin, expected admin,user",
      "users.idx_status: index missing",
    ]);
  });

  it("refuses a value outside an enum, as MySQL's ENUM does", async () => {
    await expect(
      env.DB.prepare(
        "INSERT INTO users (id, name, email, password, role) VALUES ('u1', 'Ann', 'ann@example.com', 'x', 'superuser')",
      ).run(),
    ).rejects.toThrow(/CHECK constraint failed/);
  });
});
