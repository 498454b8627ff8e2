// JSON columns as an imported Mewayz database may hold them — valid JSON of another
// shape on both dialects, and on D1 text that is not JSON at all — read back in the
// shape the column names, so the contact list and the search index still work.
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "../../db/database";
import { readJson } from "../../db/schema/json-columns";
import { uuidv7 } from "../../db/uuidv7";
import { findContacts } from "../../worker/features/crm/find-contacts";
import { indexUnindexedContacts } from "../../worker/features/crm/index-unindexed-contacts";
import { resolveContactFilter } from "../../worker/features/crm/resolve-contact-filter";
import { toContactJson } from "../../worker/features/crm/to-contact-json";
import { workspaceClock } from "../../worker/lib/workspace-clock";
import { workspaceFor } from "../crm/search-suite";

export function jsonColumnsSuite(dbOf: () => Database) {
  it("reads each JSON column in its own shape, whatever shape was stored", async () => {
    const db = dbOf();
    const { workspaceId, userId } = await workspaceFor(db);
    const stored: [string, string][] = [
      ["one string", '"vip"'],
      ["mixed list", '["press", 1, null, {"a": 1}, "vip"]'],
      ["object", '{"vip": true}'],
      ["number", "7"],
    ];
    if (db.dialect === "sqlite") stored.push(["not json", "vip, press"]);
    const ids = new Map<string, string>();
    for (const [label, tags] of stored) {
      const id = uuidv7();
      ids.set(label, id);
      await db.execute(
        sql`INSERT INTO crm_contacts (id, workspace_id, first_name, last_name, created_by, tags) VALUES (${id}, ${workspaceId}, ${"Legacy"}, ${label}, ${userId}, ${tags})`,
      );
    }
    await db.execute(
      sql`UPDATE workspaces SET settings = ${"[1, 2]"}, branding = ${'"red"'} WHERE id = ${workspaceId}`,
    );

    const t = db.t.crmContacts;
    const tagsOf = async (label: string) =>
      (
        await db.q
          .select({ tags: t.tags })
          .from(t)
          .where(eq(t.id, ids.get(label) ?? ""))
      )[0]?.tags;
    expect(await tagsOf("one string")).toEqual(["vip"]);
    expect(await tagsOf("mixed list")).toEqual(["press", "vip"]);
    expect(await tagsOf("object")).toEqual([]);
    expect(await tagsOf("number")).toEqual([]);
    if (db.dialect === "sqlite") expect(await tagsOf("not json")).toEqual(["vip, press"]);
    const w = db.t.workspaces;
    const [workspace] = await db.q.select().from(w).where(eq(w.id, workspaceId));
    expect(workspace).toMatchObject({ settings: {}, branding: {} });

    // The list shows them, and once indexed the tag filter finds the ones that were tagged.
    const page = await findContacts(
      db,
      workspaceId,
      resolveContactFilter({}, workspaceClock({ settings: {} })),
      { by: "name", order: "asc" },
      { position: null, limit: 50 },
    );
    expect(page.map(toContactJson).map((c) => c.tags.length)).toHaveLength(stored.length);
    await indexUnindexedContacts(db);
    const tagged = await findContacts(
      db,
      workspaceId,
      resolveContactFilter({ tags: ["vip"] }, workspaceClock({ settings: {} })),
      { by: "name", order: "asc" },
      { position: null, limit: 50 },
    );
    expect(tagged.map((c) => c.last_name).sort()).toEqual(["mixed list", "one string"]);
  });

  it("writes JSON the way it reads it", async () => {
    const db = dbOf();
    const { workspaceId } = await workspaceFor(db);
    const w = db.t.workspaces;
    const settings = { timezone: "Europe/Paris", nested: { list: [1, "two"] } };
    await db.atomic((q) => [q.update(w).set({ settings }).where(eq(w.id, workspaceId))]);
    const [row] = await db.q.select({ settings: w.settings }).from(w).where(eq(w.id, workspaceId));
    expect(row?.settings).toEqual(settings);
    expect(readJson("JsonObject[]", '[{"a": 1}, 2, [3]]')).toEqual([{ a: 1 }]);
  });
}
