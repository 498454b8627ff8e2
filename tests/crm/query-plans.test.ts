// Every query the contact list makes on D1 starts from an index: SQLite's plan never
// reads crm_contacts (or its index tables) from end to end.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { type PlanCase, planCases } from "./query-plan-cases";

const WORKSPACE = "01900000-0000-7000-8000-00000000abcd";

describe("contact list query plans on D1", () => {
  it.each(planCases(connectD1(env.DB), WORKSPACE).map((c) => [c.label, c] as const))("%s", async (_, { query }) => {
    const { sql, params } = query.toSQL();
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    const plan = results.map((r) => r.detail);
    const crm = plan.filter((d) => /\bcrm_contact(s|_tags|_terms)\b/.test(d));
    expect(crm.length, plan.join("\n")).toBeGreaterThan(0);
    // "SCAN t" reads the whole table; "SCAN t USING … INDEX" the whole of an index. Either is a full scan.
    expect(
      crm.filter((d) => d.startsWith("SCAN ")),
      plan.join("\n"),
    ).toEqual([]);
  });

  it.each(["a broad score range", "a broad follow-up window"])(
    "walks the sort's index for %s instead of sorting the range",
    async (filter) => {
      const [plan] = planCases(connectD1(env.DB), WORKSPACE).filter((c) => c.label === `${filter}, sorted by created`);
      const { sql, params } = (plan as PlanCase).query.toSQL();
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...params)
        .all<{ detail: string }>();
      const detail = results.map((r) => r.detail).join("\n");
      expect(detail).toContain("crm_contacts_idx_ws_created");
      expect(detail).not.toContain("TEMP B-TREE");
    },
  );

  const planOf = async (label: string) => {
    const found = planCases(connectD1(env.DB), WORKSPACE).find((c) => c.label === label);
    expect(found, label).toBeDefined();
    const { sql, params } = (found as PlanCase).query.toSQL();
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    return results.map((r) => r.detail).join("\n");
  };

  it.each(["asc", "desc"])(
    "orders names without case along the NOCASE name index, sorting nothing (%s)",
    async (order) => {
      for (const from of ["first page", "from a cursor"]) {
        const plan = await planOf(`sort name ${order}, values phase, ${from}`);
        expect(plan).toContain("crm_contacts_idx_ws_name");
        expect(plan).not.toContain("TEMP B-TREE");
      }
    },
  );

  it.each(["source", "company"])("finds a %s in any case through its NOCASE index", async (filter) => {
    const plan = await planOf(`${filter}, sorted by created`);
    expect(plan).toMatch(new RegExp(`crm_contacts_idx_ws_${filter} \\(workspace_id=\\? AND ${filter}=\\?`));
    expect(plan).not.toContain("TEMP B-TREE");
  });

  it("walks the created index for a created range, whichever sort follows", async () => {
    const cases = planCases(connectD1(env.DB), WORKSPACE).filter((c) => c.label === "created range, sorted by created");
    expect(cases).toHaveLength(1);
    const { sql, params } = (cases[0] as (typeof cases)[number]).query.toSQL();
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    expect(results.map((r) => r.detail).join("\n")).toMatch(
      /crm_contacts_idx_ws_created \(workspace_id=\? AND created_at[<>]/,
    );
  });
});
