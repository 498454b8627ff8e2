// Notes co-edited in a live document are written back to the contact on MySQL (as in
// production) together with its search terms: the new words are found, the old ones not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findContacts } from "../../worker/features/crm/find-contacts";
import { resolveContactFilter } from "../../worker/features/crm/resolve-contact-filter";
import { parseDocName } from "../../worker/features/docs/collaborative-fields";
import { writeBackField } from "../../worker/features/docs/write-back-field";
import type { Env } from "../../worker/lib/env";
import { workspaceClock } from "../../worker/lib/workspace-clock";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { addContact, workspaceFor } from "./search-suite";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

describe("co-edited notes on MySQL", () => {
  it("re-indexes the notes a live document writes back, in the same unit", async () => {
    const db = mysql.db;
    const { workspaceId, userId } = await workspaceFor(db);
    const contactId = await addContact(db, workspaceId, userId, {
      first_name: "Ada",
      last_name: "Lovelace",
      notes: "Met at the punchcard fair.",
    });
    const search = async (q: string) =>
      (
        await findContacts(
          db,
          workspaceId,
          resolveContactFilter({ q }, workspaceClock({ settings: {} })),
          { by: "name", order: "asc" },
          { position: null, limit: 10 },
        )
      ).map((row) => row.id);
    expect(await search("punchcard")).toEqual([contactId]);

    const target = parseDocName(`crm_contacts:${contactId}:notes`);
    expect(target).not.toBeNull();
    const written = await writeBackField({} as Env, db, {
      workspaceId,
      target: target!,
      text: "Discussed the Analytical Engine over tea.",
      editor: { id: userId, name: "Search Owner" },
    });
    expect(written).toBe("written");
    expect(await search("analytical engine")).toEqual([contactId]);
    expect(await search("punchcard")).toEqual([]);
    // The other fields' words stay found.
    expect(await search("lovelace")).toEqual([contactId]);
  });
});
