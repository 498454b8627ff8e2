// Every query the contact list makes on D1 starts from an index: SQLite's plan never
// reads crm_contacts (or its index tables) from end to end.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { planCases } from "./query-plan-cases";

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
});
