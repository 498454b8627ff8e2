// Every query the contact list makes on MySQL starts from an index: EXPLAIN never
// shows crm_contacts (or its index tables) read whole (type ALL, or index: the whole
// of an index). The optimizer weighs row counts, so the workspaces hold real numbers
// of contacts, and the statistics are fresh. SHOW_PLANS=1 prints every plan.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../db/uuidv7";
import { contactTerms } from "../../worker/features/crm/contact-terms";
import { normalizeContact } from "../../worker/features/crm/normalize-contact";
import { tagKey } from "../../worker/features/crm/unique-tags";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { planCases } from "./query-plan-cases";
import { workspaceFor } from "./search-suite";

const WORKSPACES = 4;
const CONTACTS_EACH = 1500;
const FIRST = ["Ada", "Grace", "Alan", "Katherine", "Barbara", "Edsger", "Donald", "Frances", "Linus", "Margaret"];
const LAST = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Johnson",
  "Liskov",
  "Dijkstra",
  "Knuth",
  "Allen",
  "Torvalds",
  "Hamilton",
];
const STATUSES = ["lead", "prospect", "customer", "inactive"] as const;
const TAGS = ["vip", "newsletter", "webinar", "partner", "press"];

let mysql: FreshDatabase;
let workspaceId = "";

/** Contacts written in big multi-row inserts (MySQL has no D1 bind limit), with their tag rows and terms. */
async function seed(workspace: string, userId: string) {
  const db = mysql.db;
  const day = 86_400_000;
  const contacts = Array.from({ length: CONTACTS_EACH }, (_, i) => ({
    ...normalizeContact(
      {
        first_name: FIRST[i % FIRST.length]!,
        last_name: `${LAST[(i * 7) % LAST.length]}${i % 13}`,
        email: `person${i}@company${i % 50}.example`,
        company: `Company ${i % 50}`,
        status: STATUSES[i % 4],
        lead_score: (i * 37) % 101,
        source: ["instagram", "referral", "website"][i % 3]!,
        tags: [TAGS[i % 5]!, TAGS[(i * 3) % 5]!],
        notes: `Met at event ${i % 20}.`,
      },
      "UTC",
    ),
    ...(i % 3 === 0 && { next_follow_up: new Date(Date.UTC(2026, 0, 1) + (i % 60) * day) }),
    ...(i % 4 === 0 && { last_contacted: new Date(Date.UTC(2025, 11, 1) + (i % 30) * day) }),
    id: uuidv7(),
    workspace_id: workspace,
    created_by: userId,
  }));
  const tags = contacts.flatMap((c) =>
    [...new Set(c.tags.map(tagKey))].map((tag) => ({ id: uuidv7(), workspace_id: workspace, contact_id: c.id, tag })),
  );
  const terms = contacts.flatMap((c) =>
    contactTerms(c).map((term) => ({ id: uuidv7(), workspace_id: workspace, contact_id: c.id, term })),
  );
  const slices = <T>(rows: T[]) =>
    Array.from({ length: Math.ceil(rows.length / 500) }, (_, i) => rows.slice(i * 500, i * 500 + 500));
  await db.atomic((q) => [
    ...slices(contacts).map((s) => q.insert(db.t.crmContacts).values(s)),
    ...slices(tags).map((s) => q.insert(db.t.crmContactTags).values(s)),
    ...slices(terms).map((s) => q.insert(db.t.crmContactTerms).values(s)),
  ]);
}

beforeAll(async () => {
  mysql = await freshMySqlDatabase();
  for (let i = 0; i < WORKSPACES; i++) {
    const { userId, workspaceId: id } = await workspaceFor(mysql.db);
    await seed(id, userId);
    workspaceId ||= id;
  }
  await mysql.db.execute(sql`ANALYZE TABLE crm_contacts, crm_contact_tags, crm_contact_terms`);
});
afterAll(() => mysql?.drop());

type ExplainRow = { table: string | null; type: string | null; key: string | null; Extra: string | null };

describe("contact list query plans on MySQL", () => {
  // Built against the MySQL dialect, so the SQL is what production runs; the cases read the workspace late.
  it("has the cases", () => expect(planCases(mysql.db, workspaceId).length).toBeGreaterThan(60));

  it("reads crm_contacts and its index tables through an index in every case", async () => {
    const failures: string[] = [];
    for (const { label, query } of planCases(mysql.db, workspaceId)) {
      const { sql: text, params } = query.toSQL();
      const [rows] = (await mysql.pool.query(`EXPLAIN ${text}`, params)) as unknown as [ExplainRow[]];
      const plan = rows.map((r) => `${r.table} ${r.type} ${r.key ?? "-"} ${r.Extra ?? ""}`);
      const full = rows.filter(
        (r) => /^crm_contact(s|_tags|_terms)$/.test(r.table ?? "") && /^(ALL|index)$/.test(r.type ?? ""),
      );
      if (process.env.SHOW_PLANS) console.log(`${label}:\n  ${plan.join("\n  ")}`);
      if (full.length > 0) failures.push(`${label}:\n  ${plan.join("\n  ")}`);
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });

  // The collation ignores case, so the same indexes serve the caseless filters and name order as on D1.
  it.each([
    ["source, sorted by created", "idx_ws_source"],
    ["company, sorted by created", "idx_ws_company"],
    ["sort name asc, values phase, from a cursor", "idx_ws_name"],
    ["sort name desc, values phase, first page", "idx_ws_name"],
  ])("walks %s along %s without sorting", async (label, key) => {
    const found = planCases(mysql.db, workspaceId).find((c) => c.label === label);
    const { sql: text, params } = (found as NonNullable<typeof found>).query.toSQL();
    const [rows] = (await mysql.pool.query(`EXPLAIN ${text}`, params)) as unknown as [ExplainRow[]];
    const contacts = rows.find((r) => r.table === "crm_contacts");
    expect(contacts?.key, JSON.stringify(rows)).toBe(key);
    expect(contacts?.Extra ?? "").not.toContain("filesort");
  });
});
