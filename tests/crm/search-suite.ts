// The same search stories on D1 (search-contacts.test.ts, inside workerd) and on
// MariaDB (search-contacts.mysql.test.ts, in Node), through the shared data layer:
// the contact statement builders write, the list query builder reads.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database";
import { uuidv7 } from "../../db/uuidv7";
import {
  type ContactPosition,
  type ContactSort,
  positionFromKey,
  positionKey,
} from "../../worker/features/crm/contact-list-query";
import {
  deleteContactsStatements,
  insertContactStatements,
  updateContactStatements,
} from "../../worker/features/crm/contact-statements";
import { findContacts } from "../../worker/features/crm/find-contacts";
import { COMMON_MATCHES, gaugeMatches } from "../../worker/features/crm/gauge-matches";
import { type ContactInput, normalizeContact } from "../../worker/features/crm/normalize-contact";
import { resolveContactFilter } from "../../worker/features/crm/resolve-contact-filter";
import { workspaceClock } from "../../worker/lib/workspace-clock";

const unique = () => Math.random().toString(36).slice(2, 10);

/** A user and a workspace of their own, written straight through the data layer. */
export async function workspaceFor(db: Database) {
  const userId = uuidv7();
  const workspaceId = uuidv7();
  await db.atomic((q) => [
    q.insert(db.t.users).values({ id: userId, name: "Search Owner", email: `${unique()}@example.com`, password: "x" }),
    q.insert(db.t.workspaces).values({ id: workspaceId, name: "Search", slug: `search-${unique()}`, owner_id: userId }),
  ]);
  return { userId, workspaceId };
}

export async function addContact(db: Database, workspaceId: string, userId: string, input: ContactInput) {
  const contact = { ...normalizeContact(input, "UTC"), id: uuidv7(), workspace_id: workspaceId, created_by: userId };
  await db.atomic((q) => insertContactStatements(q, db, [contact]));
  return contact.id;
}

const CLOCK = workspaceClock({ settings: {} });

export function searchSuite(dbOf: () => Database) {
  describe("searching contacts", () => {
    const ids: Record<string, string> = {};
    let workspaceId = "";
    let userId = "";

    async function search(
      q: string,
      extra: Record<string, unknown> = {},
      sort: ContactSort = { by: "name", order: "asc" },
    ) {
      const where = resolveContactFilter({ q, ...extra }, CLOCK);
      const rows = await findContacts(dbOf(), workspaceId, where, sort, { position: null, limit: 100 });
      const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
      return rows.map((row) => byId.get(row.id) ?? row.id);
    }

    // The contacts every story below searches, written once through the data layer.
    beforeAll(async () => {
      const db = dbOf();
      ({ workspaceId, userId } = await workspaceFor(db));
      const add = async (name: string, input: ContactInput) => {
        ids[name] = await addContact(db, workspaceId, userId, input);
      };
      await add("ada", {
        first_name: "Ada",
        last_name: "Lovelace",
        email: "ada.lovelace@analytical-engines.example",
        company: "Analytical Engines",
        position: "Mathematician",
        status: "customer",
        notes: "Wrote the first program. Likes punch cards!",
      });
      await add("byron", { first_name: "Ada", last_name: "Byron", email: "countess@byron.example", status: "lead" });
      await add("jose", { first_name: "José", last_name: "Núñez", company: "Łódź Straße GmbH", position: "Jefe" });
      await add("jo", { first_name: "JOSEPHINE", last_name: "Baker", email: "jo@stage.example" });
      await add("kiz", { first_name: "Ayşe", last_name: "Yılmaz", notes: "kız kiz — the same word twice for MySQL" });
      await add("emoji", { first_name: "Zoë", last_name: "Saldaña", notes: "🎬 actor 🚀 astronaut" });
      await add("long", {
        first_name: "Wordy",
        last_name: "Notes",
        notes: `${Array.from({ length: 320 }, (_, i) => `word${i}`).join(" ")} zebra`,
      });
      // The same person in another workspace: never found from this one.
      const other = await workspaceFor(db);
      await addContact(db, other.workspaceId, other.userId, { first_name: "Ada", last_name: "Lovelace" });
    });

    it.each([
      ["lov", ["ada"]],
      ["LOVELACE", ["ada"]],
      ["lovelacex", []],
      ["ada", ["byron", "ada"]],
      ["ada lov", ["ada"]],
      ["lov ada", ["ada"]],
      ["ada  math", ["ada"]],
      ["ada countess", ["byron"]],
      ["ada nobody", []],
    ])("finds %j as prefixes of words, every word needed: %j", async (q, expected) => {
      expect(await search(q)).toEqual(expected);
    });

    it.each([
      ["jose", ["jo", "jose"]],
      ["josé", ["jo", "jose"]],
      ["JOSÉ NÚÑEZ", ["jose"]],
      ["nunez", ["jose"]],
      ["lodz", ["jose"]],
      ["strasse", ["jose"]],
      ["STRAẞE", ["jose"]],
      ["ayse yilmaz", ["kiz"]],
      ["kiz", ["kiz"]],
      ["zoe saldana", ["emoji"]],
      ["astronaut", ["emoji"]],
    ])("folds case and accents: %j finds %j", async (q, expected) => {
      expect(await search(q)).toEqual(expected);
    });

    it.each([
      ["ada.lovelace@analytical-engines.example", ["ada"]],
      ["ada.lovelace@ana", ["ada"]],
      ["ADA.LOVELACE@", ["ada"]],
      ["@analytical-engines", ["ada"]],
      ["analytical-engines.example", ["ada"]],
      ["engines", ["ada"]],
      ["countess", ["byron"]],
      ["@byron.example", ["byron"]],
      ["jo@stage", ["jo"]],
      ["stage", ["jo"]],
      ["x@analytical", []],
    ])("finds emails whole, by local part and by domain: %j finds %j", async (q, expected) => {
      expect(await search(q)).toEqual(expected);
    });

    it("searches the first 300 distinct words of the notes", async () => {
      expect(await search("punch card")).toEqual(["ada"]);
      expect(await search("word299")).toEqual(["long"]);
      expect(await search("word300")).toEqual([]);
      expect(await search("zebra")).toEqual([]);
    });

    it("ignores a search without words, and combines one with other filters and any sort", async () => {
      expect(await search("  !!  ")).toHaveLength(7);
      expect(await search("ada", { status: ["lead"] })).toEqual(["byron"]);
      expect(await search("ada", {}, { by: "created", order: "asc" })).toEqual(["ada", "byron"]);
      expect(await search("ada", {}, { by: "name", order: "desc" })).toEqual(["ada", "byron"]);
    });

    it.each([["ada"], ["lov ada"], ["jose"], ["@byron.example"], ["nobody"], ["word1"]])(
      "finds the same for %j whether its words are gathered first or checked per contact",
      async (q) => {
        const db = dbOf();
        const where = resolveContactFilter({ q, tags: ["nothing-tagged"] }, CLOCK);
        const untagged = { ...where, matches: where.matches?.filter((m) => m.kind === "prefix") };
        const found = async (common: boolean) => {
          const marked = { ...untagged, matches: untagged.matches?.map((m) => ({ ...m, common })) };
          const rows = await findContacts(
            db,
            workspaceId,
            marked,
            { by: "name", order: "asc" },
            { position: null, limit: 100 },
          );
          return rows.map((row) => row.id);
        };
        expect(await found(true)).toEqual(await found(false));
      },
    );

    it("gauges a word with more than 2,000 index entries as common, a rarer one not", async () => {
      const db = dbOf();
      const other = await workspaceFor(db);
      // 8 contacts × 300 distinct note words "w0000"… : 2,400 terms starting with "w".
      for (let c = 0; c < 8; c++) {
        const notes = Array.from({ length: 300 }, (_, i) => `w${String(c * 300 + i).padStart(4, "0")}`).join(" ");
        await addContact(db, other.workspaceId, other.userId, { first_name: "Many", last_name: `Words${c}`, notes });
      }
      const where = resolveContactFilter({ q: "w w0 w00", tags: ["x"] }, CLOCK);
      const gauged = await gaugeMatches(db, other.workspaceId, where);
      // The tag x (none), "w" (2,400), "w0" (1,000), "w00" (100).
      expect(gauged.matches?.map((m) => m.common)).toEqual([false, true, false, false]);
      expect(COMMON_MATCHES).toBe(2000);
      const rows = await findContacts(
        db,
        other.workspaceId,
        resolveContactFilter({ q: "w23" }, CLOCK),
        { by: "name", order: "asc" },
        { position: null, limit: 100 },
      );
      expect(rows.map((r) => r.last_name)).toEqual(["Words7"]);
      expect(
        await findContacts(
          db,
          other.workspaceId,
          resolveContactFilter({ q: "w" }, CLOCK),
          { by: "name", order: "desc" },
          { position: null, limit: 3 },
        ),
      ).toHaveLength(3);
    });

    it("gauges a score range over 2,000 contacts as broad, and finds the same page checking it row by row", async () => {
      const db = dbOf();
      const crowd = await workspaceFor(db);
      const scores = Array.from({ length: 2_100 }, (_, i) => (i * 37) % 101);
      for (let start = 0; start < scores.length; start += 150) {
        await db.atomic((q) =>
          insertContactStatements(
            q,
            db,
            scores.slice(start, start + 150).map((lead_score, i) => ({
              ...normalizeContact({ first_name: "Score", last_name: `Card${start + i}`, lead_score }, "UTC"),
              id: uuidv7(),
              workspace_id: crowd.workspaceId,
              created_by: crowd.userId,
            })),
          ),
        );
      }
      const broad = await gaugeMatches(
        db,
        crowd.workspaceId,
        resolveContactFilter({ score_min: 0, score_max: 100 }, CLOCK),
      );
      const narrow = await gaugeMatches(
        db,
        crowd.workspaceId,
        resolveContactFilter({ score_min: 100, score_max: 100 }, CLOCK),
      );
      expect(broad.broadRanges).toEqual(["score"]);
      expect(narrow.broadRanges).toEqual([]);

      const page = (where: typeof broad) =>
        findContacts(db, crowd.workspaceId, where, { by: "created", order: "desc" }, { position: null, limit: 60 });
      const midRange = resolveContactFilter({ score_min: 20, score_max: 90 }, CLOCK);
      const alongSort = await page({ ...midRange, broadRanges: ["score"] });
      const throughIndex = await page({ ...midRange, broadRanges: [] });
      expect(alongSort).toHaveLength(60);
      expect(alongSort.every((c) => (c.lead_score ?? -1) >= 20 && (c.lead_score ?? 101) <= 90)).toBe(true);
      expect(alongSort.map((c) => c.id)).toEqual(throughIndex.map((c) => c.id));
    });

    it("filters by source and company and sorts by name without regard to case, page after page", async () => {
      const db = dbOf();
      const mixed = await workspaceFor(db);
      const people: [string, string, string, string][] = [
        ["Dora", "davis", "INSTAGRAM", "acme"],
        ["bea", "Baker", "instagram", "ACME"],
        ["Cy", "carter", "Instagram", "Acme Corp"],
        ["abe", "Adams", "tiktok", "Acme"],
        ["Al", "adams", "TikTok", "other"],
      ];
      for (const [first_name, last_name, source, company] of people) {
        await addContact(db, mixed.workspaceId, mixed.userId, { first_name, last_name, source, company });
      }
      const names = async (filter: Record<string, unknown>, sort: ContactSort = { by: "name", order: "asc" }) =>
        (
          await findContacts(db, mixed.workspaceId, resolveContactFilter(filter, CLOCK), sort, {
            position: null,
            limit: 100,
          })
        ).map((row) => `${row.first_name} ${row.last_name}`);
      expect(await names({ source: "instagram" })).toEqual(["bea Baker", "Cy carter", "Dora davis"]);
      expect(await names({ source: "TIKTOK" })).toEqual(["abe Adams", "Al adams"]);
      expect(await names({ company: "acme" })).toEqual(["abe Adams", "bea Baker", "Dora davis"]);
      expect(await names({ company: "ACME", source: "Instagram" })).toEqual(["bea Baker", "Dora davis"]);
      expect(await names({}, { by: "name", order: "desc" })).toEqual([
        "Dora davis",
        "Cy carter",
        "bea Baker",
        "Al adams",
        "abe Adams",
      ]);
      // Two at a time from each page's last row: the same order, each contact once.
      const paged: string[] = [];
      let position: ContactPosition | null = null;
      for (;;) {
        const rows = await findContacts(
          db,
          mixed.workspaceId,
          {},
          { by: "name", order: "asc" },
          { position, limit: 2 },
        );
        paged.push(...rows.map((row) => `${row.first_name} ${row.last_name}`));
        const last = rows.at(-1);
        if (rows.length < 2 || !last) break;
        position = positionFromKey(db, "name", positionKey(db, "name", last));
      }
      expect(paged).toEqual(["abe Adams", "Al adams", "bea Baker", "Cy carter", "Dora davis"]);
    });

    it("drops, on an edit, the shorter words an older index holds besides the terms", async () => {
      const db = dbOf();
      const id = await addContact(db, workspaceId, userId, {
        first_name: "Hedy",
        last_name: "Kiesler",
        email: "hedy@frequency-hopping.example",
      });
      // An index written before prefixes were left out also holds "hedy" and "frequency".
      await db.atomic((q) => [
        q
          .insert(db.t.crmContactTerms)
          .values(
            ["hedy", "frequency"].map((term) => ({ id: uuidv7(), workspace_id: workspaceId, contact_id: id, term })),
          ),
      ]);
      expect(await search("frequency")).toEqual([id]);
      const [before] = await db.q.select().from(db.t.crmContacts).where(eq(db.t.crmContacts.id, id));
      await db.atomic((q) =>
        updateContactStatements(q, db, [{ before: before!, changes: { first_name: "Hedwig", email: null } }]),
      );
      expect(await search("frequency")).toEqual([]);
      expect(await search("hedy")).toEqual([]);
      expect(await search("hed")).toEqual([id]);
      expect(await search("kiesler")).toEqual([id]);
      await db.atomic((q) => deleteContactsStatements(q, db, workspaceId, [id]));
    });

    it("follows an edit and a delete in the same atomic unit", async () => {
      const db = dbOf();
      const [before] = await db.q.select().from(db.t.crmContacts).where(eq(db.t.crmContacts.id, ids.byron!));
      await db.atomic((q) =>
        updateContactStatements(q, db, [
          { before: before!, changes: { last_name: "King", email: "ada.king@lovelace.example" } },
        ]),
      );
      expect(await search("byron")).toEqual([]);
      expect(await search("king")).toEqual(["byron"]);
      expect(await search("lovelace")).toEqual(["byron", "ada"]); // King before Lovelace
      await db.atomic((q) => deleteContactsStatements(q, db, workspaceId, [ids.byron!]));
      expect(await search("king")).toEqual([]);
    });
  });
}
