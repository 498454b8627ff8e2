// The queries the contact list can make — every sort in both orders and both phases,
// from the first page and from a cursor, and the main filters, tag and search
// conditions in both their forms (gathered, or checked per contact) — built by the same
// builder the API uses, for query-plans.test.ts (D1) and query-plans.mysql.test.ts.
import type { Database } from "../../db/database";
import {
  CONTACT_SORTS,
  type ContactPhase,
  type ContactPosition,
  type ContactSortKey,
  contactListQuery,
  phasesOf,
} from "../../worker/features/crm/contact-list-query";
import { followUpCountQuery } from "../../worker/features/crm/count-follow-ups";
import { type ContactWhere, resolveContactFilter } from "../../worker/features/crm/resolve-contact-filter";
import { matchingContactsQuery } from "../../worker/features/crm/select-bulk-contacts";
import { workspaceClock } from "../../worker/lib/workspace-clock";

export type PlanCase = { label: string; query: { toSQL(): { sql: string; params: unknown[] } } };

const CLOCK = workspaceClock({ settings: { timezone: "Europe/Paris" } });
const SOME_ID = "01900000-0000-7000-8000-000000000000";

/** The filter with its tag and search conditions marked common: checked per contact (EXISTS), not gathered. */
const common = (where: ContactWhere): ContactWhere => ({
  ...where,
  matches: where.matches?.map((match) => ({ ...match, common: true })),
});

function positionFor(by: ContactSortKey, phase: ContactPhase): ContactPosition {
  if (phase === "nulls") return { values: null, id: SOME_ID };
  const values: Record<ContactSortKey, (string | number | Date)[]> = {
    created: [new Date("2026-01-01T00:00:00Z")],
    name: ["Lovelace", "Ada"],
    updated: [new Date("2026-01-01T00:00:00Z")],
    score: [50],
    last_contacted: [new Date("2026-01-01T00:00:00Z")],
    next_follow_up: [new Date("2026-01-01T00:00:00Z")],
  };
  return { values: values[by], id: SOME_ID };
}

const FILTERS: [string, ContactWhere][] = [
  ["status", resolveContactFilter({ status: ["lead", "prospect"] }, CLOCK)],
  ["tags (any)", resolveContactFilter({ tags: ["vip", "newsletter"] }, CLOCK)],
  ["tags (all)", resolveContactFilter({ tags: ["vip", "newsletter"], tags_mode: "all" }, CLOCK)],
  ["score range", resolveContactFilter({ score_min: 40, score_max: 80 }, CLOCK)],
  ["a broad score range", { ...resolveContactFilter({ score_min: 40, score_max: 80 }, CLOCK), broadRanges: ["score"] }],
  [
    "a broad follow-up window",
    { ...resolveContactFilter({ follow_up: "this_week" }, CLOCK), broadRanges: ["followUp"] },
  ],
  ["source", resolveContactFilter({ source: "instagram" }, CLOCK)],
  ["company", resolveContactFilter({ company: "Acme" }, CLOCK)],
  ["follow-up overdue", resolveContactFilter({ follow_up: "overdue" }, CLOCK)],
  ["follow-up this week", resolveContactFilter({ follow_up: "this_week" }, CLOCK)],
  ["created range", resolveContactFilter({ created_from: "2026-01-01", created_to: "2026-01-31" }, CLOCK)],
  ["search, one word", resolveContactFilter({ q: "lov" }, CLOCK)],
  ["search, two words", resolveContactFilter({ q: "ada lov" }, CLOCK)],
  ["search, an email", resolveContactFilter({ q: "ada@analytical" }, CLOCK)],
  ["search and filters", resolveContactFilter({ q: "ada", status: ["lead"], tags: ["vip"], score_min: 10 }, CLOCK)],
  ["a common tag", common(resolveContactFilter({ tags: ["vip"] }, CLOCK))],
  ["two common tags (all)", common(resolveContactFilter({ tags: ["vip", "press"], tags_mode: "all" }, CLOCK))],
  ["a common search word", common(resolveContactFilter({ q: "mar" }, CLOCK))],
  [
    "a common and a rare word",
    {
      matches: [
        { kind: "prefix", word: "mar", common: true },
        { kind: "prefix", word: "zzqx", common: false },
      ],
    },
  ],
  ["a common word and a status", common(resolveContactFilter({ q: "mar", status: ["lead"] }, CLOCK))],
];

export function planCases(db: Database, workspaceId: string): PlanCase[] {
  const cases: PlanCase[] = [];
  for (const by of CONTACT_SORTS) {
    for (const order of ["asc", "desc"] as const) {
      for (const phase of phasesOf(db, by)) {
        for (const from of ["first page", "from a cursor"] as const) {
          const position = from === "first page" ? null : positionFor(by, phase);
          cases.push({
            label: `sort ${by} ${order}, ${phase} phase, ${from}`,
            query: contactListQuery(db, workspaceId, {}, { by, order }, phase, position, 51),
          });
        }
      }
    }
  }
  for (const [label, where] of FILTERS) {
    for (const by of ["created", "name"] as const) {
      cases.push({
        label: `${label}, sorted by ${by}`,
        query: contactListQuery(db, workspaceId, where, { by, order: "asc" }, "values", positionFor(by, "values"), 51),
      });
    }
  }
  cases.push({ label: "follow-up badge count", query: followUpCountQuery(db, workspaceId, CLOCK) });
  // A bulk action by filter walks the matches in id order, a thousand at a time.
  for (const [label, where] of [["everything", {}] as [string, ContactWhere], ...FILTERS]) {
    for (const afterId of [null, SOME_ID]) {
      cases.push({
        label: `bulk by filter: ${label}, ${afterId ? "from a cursor" : "first part"}`,
        query: matchingContactsQuery(db, workspaceId, where, afterId, 1000),
      });
    }
  }
  return cases;
}
