// Contacts written without their tag rows and search terms — an existing Mewayz database
// imported as is — get them from indexUnindexedContacts, on D1 and on MariaDB alike.
import { expect, it } from "vitest";
import type { Database } from "../../db/database";
import { uuidv7 } from "../../db/uuidv7";
import { insertMany } from "../../db/write-many";
import { findContacts } from "../../worker/features/crm/find-contacts";
import { indexUnindexedContacts } from "../../worker/features/crm/index-unindexed-contacts";
import { resolveContactFilter } from "../../worker/features/crm/resolve-contact-filter";
import { workspaceClock } from "../../worker/lib/workspace-clock";
import { addContact, workspaceFor } from "./search-suite";

const CLOCK = workspaceClock({ settings: {} });

export function indexUnindexedSuite(dbOf: () => Database) {
  it("indexes contacts imported without tag rows or search terms, every page of them, and then has nothing left to do", async () => {
    const db = dbOf();
    const { workspaceId, userId } = await workspaceFor(db);
    const find = async (filter: Parameters<typeof resolveContactFilter>[0]) =>
      (
        await findContacts(
          db,
          workspaceId,
          resolveContactFilter(filter, CLOCK),
          { by: "name", order: "asc" },
          { position: null, limit: 500 },
        )
      ).map((row) => row.last_name);
    const imported = (n: number, values: Record<string, unknown> = {}) => ({
      id: uuidv7(),
      workspace_id: workspaceId,
      first_name: "Guest",
      last_name: `Visitor ${n}`,
      created_by: userId,
      ...values,
    });
    // More than one page of them, as the old platform wrote them: the contact row only.
    const rows = [
      imported(0, {
        first_name: "Élodie",
        last_name: "Marchand",
        email: "elodie@atelier.example",
        company: "Atelier Lumière",
        tags: ["VIP", "Press"],
        notes: "Met at the ceramics fair",
      }),
      // Nothing to index: the walk must still move past it.
      imported(1, { first_name: "", last_name: "" }),
      ...Array.from({ length: 300 }, (_, i) => imported(i + 2)),
    ];
    await db.atomic((q) => insertMany(db, q, db.t.crmContacts, rows));
    await addContact(db, workspaceId, userId, { first_name: "Zoe", last_name: "Appwritten", tags: ["vip"] });

    expect(await find({ q: "marchand" })).toEqual([]);
    expect(await find({ tags: ["vip"] })).toEqual(["Appwritten"]);

    const pages: number[] = [];
    const { indexed } = await indexUnindexedContacts(db, (p) => pages.push(p.indexed));
    expect(indexed).toBeGreaterThanOrEqual(rows.length);
    expect(pages.length).toBeGreaterThan(1);

    expect(await find({ q: "marchand" })).toEqual(["Marchand"]);
    expect(await find({ q: "lumiere" })).toEqual(["Marchand"]);
    expect(await find({ q: "ceram" })).toEqual(["Marchand"]);
    expect(await find({ q: "elodie@atelier" })).toEqual(["Marchand"]);
    expect(await find({ tags: ["vip"] })).toEqual(["Appwritten", "Marchand"]);
    expect(await find({ tags: ["press"] })).toEqual(["Marchand"]);
    expect(await find({ q: "visitor 299" })).toEqual(["Visitor 299"]);
    expect((await find({ q: "guest" })).length).toBe(300);

    // The contact with no words to index is the only one without terms, and it is not looked at forever.
    expect((await indexUnindexedContacts(db)).indexed).toBe(1);
  });
}
