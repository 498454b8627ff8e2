import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { uuidv7 } from "../../db/uuidv7";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { activityAbout, contactsPath, database, indexRowsOf, seedContacts, walkContacts } from "./contact-helpers";

type Person = Awaited<ReturnType<typeof signUp>>;

const bulk = (who: Person["client"], workspaceId: string, json: unknown) =>
  who.fetch(contactsPath(workspaceId, "/bulk"), { method: "POST", json });

async function workspaceWith(count: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const owner = await signUp({ name: "Bulk Owner" });
  const ws = await createWorkspace(owner.client, "Bulk Co");
  const ids = await seedContacts(
    ws.id,
    owner.user.id,
    Array.from({ length: count }, (_, i) => ({ first_name: `Person${i}`, last_name: "Bulk", ...extra(i) })),
  );
  return { owner, ws, ids };
}

async function rowsOf(workspaceId: string) {
  const db = database();
  const rows = await db.q.select().from(db.t.crmContacts).where(eq(db.t.crmContacts.workspace_id, workspaceId));
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

describe("bulk actions on contacts", () => {
  it("adds tags to the selected contacts only, keeping their own, with an entry each", async () => {
    const { owner, ws, ids } = await workspaceWith(4, (i) => ({ tags: i === 0 ? ["VIP"] : [] }));
    const res = await bulk(owner.client, ws.id, {
      action: "add_tags",
      tags: ["vip", "webinar"],
      contact_ids: ids.slice(0, 3),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ affected: 3 });
    const rows = await rowsOf(ws.id);
    expect(rows.map((r) => r.tags)).toEqual([["VIP", "webinar"], ["vip", "webinar"], ["vip", "webinar"], []]);
    expect((await indexRowsOf(ids[0]!)).tags).toEqual(["vip", "webinar"]);
    expect((await indexRowsOf(ids[3]!)).tags).toEqual([]);
    const [entry] = (await activityAbout(ids[1]!)).filter((e) => e.type === "crm_contact.updated");
    expect(entry).toMatchObject({
      description: "Bulk Owner tagged Person1 Bulk with vip, webinar",
      metadata: { bulk: "add_tags", changes: { tags: { from: [], to: ["vip", "webinar"] } } },
    });
    // Again: nobody changes, nothing is logged.
    expect(
      await (
        await bulk(owner.client, ws.id, { action: "add_tags", tags: ["VIP"], contact_ids: ids.slice(0, 3) })
      ).json(),
    ).toEqual({ affected: 0 });
  });

  it("removes tags in any case", async () => {
    const { owner, ws, ids } = await workspaceWith(3, () => ({ tags: ["VIP", "Newsletter", "keep"] }));
    const res = await bulk(owner.client, ws.id, {
      action: "remove_tags",
      tags: ["vip", "NEWSLETTER"],
      contact_ids: ids,
    });
    expect(await res.json()).toEqual({ affected: 3 });
    for (const row of await rowsOf(ws.id)) expect(row.tags).toEqual(["keep"]);
    for (const id of ids) expect((await indexRowsOf(id)).tags).toEqual(["keep"]);
  });

  it("sets a status or a follow-up for everything a filter matches", async () => {
    const { owner, ws } = await workspaceWith(6, (i) => ({ status: i % 2 ? "lead" : "customer" }));
    const set = await bulk(owner.client, ws.id, {
      action: "set_status",
      status: "prospect",
      filter: { status: "lead" },
    });
    expect(await set.json()).toEqual({ affected: 3 });
    expect((await rowsOf(ws.id)).map((r) => r.status).sort()).toEqual([
      "customer",
      "customer",
      "customer",
      "prospect",
      "prospect",
      "prospect",
    ]);
    const follow = await bulk(owner.client, ws.id, {
      action: "set_follow_up",
      next_follow_up: "2026-04-01T09:00:00Z",
      filter: { status: ["prospect"] },
    });
    expect(await follow.json()).toEqual({ affected: 3 });
    const due = await walkContacts(owner.client, ws.id, { sort: "next_follow_up" });
    expect(due.slice(0, 3).map((c) => [c.status, c.next_follow_up])).toEqual(
      Array(3).fill(["prospect", "2026-04-01T09:00:00.000Z"]),
    );
    const clear = await bulk(owner.client, ws.id, { action: "set_follow_up", next_follow_up: null, filter: {} });
    expect(await clear.json()).toEqual({ affected: 3 });
  });

  it("deletes contacts with their tags and terms, and logs each", async () => {
    const { owner, ws, ids } = await workspaceWith(3, () => ({ tags: ["x"], email: null }));
    const res = await bulk(owner.client, ws.id, { action: "delete", contact_ids: ids.slice(0, 2) });
    expect(await res.json()).toEqual({ affected: 2 });
    expect((await rowsOf(ws.id)).map((r) => r.id)).toEqual([ids[2]]);
    expect(await indexRowsOf(ids[0]!)).toEqual({ tags: [], terms: [] });
    expect((await activityAbout(ids[0]!)).map((e) => e.type)).toEqual(["crm_contact.deleted"]);
  });

  it("applies to 250 contacts in chunks, each contact once", async () => {
    const { owner, ws, ids } = await workspaceWith(250);
    const tags = Array.from({ length: 50 }, (_, i) => `t${i}`);
    const res = await bulk(owner.client, ws.id, { action: "add_tags", tags, contact_ids: ids });
    expect(await res.json()).toEqual({ affected: 250 });
    for (const row of await rowsOf(ws.id)) expect(row.tags).toEqual(tags);
    expect((await indexRowsOf(ids[249]!)).tags).toHaveLength(50);
    const deleted = await bulk(owner.client, ws.id, { action: "delete", filter: { tags: "t7" } });
    expect(await deleted.json()).toEqual({ affected: 250 });
    expect(await rowsOf(ws.id)).toEqual([]);
  }, 30_000);

  it("refuses ids of another workspace with 404, naming none, and changes nothing in either", async () => {
    const { owner, ws, ids } = await workspaceWith(2);
    const other = await workspaceWith(2);
    const [before, beforeOther] = [await rowsOf(ws.id), await rowsOf(other.ws.id)];
    for (const action of [
      { action: "add_tags", tags: ["x"] },
      { action: "set_status", status: "inactive" },
      { action: "delete" },
    ]) {
      const res = await bulk(owner.client, ws.id, { ...action, contact_ids: [...ids, other.ids[0]] });
      expect(res.status).toBe(404);
      const error = await errorOf(res);
      expect(error.details).toEqual({ missing: 1 });
      expect(JSON.stringify(error)).not.toContain(other.ids[0]);
    }
    expect(await rowsOf(ws.id)).toEqual(before);
    expect(await rowsOf(other.ws.id)).toEqual(beforeOther);
  });

  it.each([
    ["no selection", { action: "add_tags", tags: ["x"] }, "contact_ids"],
    ["both selections", { action: "add_tags", tags: ["x"], contact_ids: [], filter: {} }, "contact_ids"],
    ["no tags to add", { action: "add_tags", tags: [], filter: {} }, "tags"],
    ["an unknown status", { action: "set_status", status: "gone", filter: {} }, "status"],
    ["a follow-up left out", { action: "set_follow_up", filter: {} }, "next_follow_up"],
    ["an unknown action", { action: "explode", filter: {} }, "action"],
    ["a malformed id", { action: "delete", contact_ids: ["not-a-uuid"] }, "contact_ids.0"],
    ["a bad filter", { action: "delete", filter: { status: "nope" } }, "filter.status.0"],
    [
      "1,001 ids",
      { action: "delete", contact_ids: Array.from({ length: 1001 }, () => crypto.randomUUID()) },
      "contact_ids",
    ],
  ])("refuses %s with 422", async (_, json, path) => {
    const { owner, ws } = await workspaceWith(1);
    const res = await bulk(owner.client, ws.id, json);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it("refuses a filter that matches more than 1,000 contacts, changing none", async () => {
    const { owner, ws } = await workspaceWith(0);
    const db = database();
    const rows = Array.from({ length: 1001 }, (_, i) => ({
      id: uuidv7(),
      workspace_id: ws.id,
      first_name: `P${i}`,
      last_name: "Many",
      created_by: owner.user.id,
    }));
    // D1 binds at most 100 values a statement, defaults included.
    const slices = Array.from({ length: Math.ceil(rows.length / 8) }, (_, i) => rows.slice(i * 8, i * 8 + 8));
    await db.atomic((q) => slices.map((slice) => q.insert(db.t.crmContacts).values(slice)));
    const res = await bulk(owner.client, ws.id, { action: "set_status", status: "customer", filter: {} });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual([expect.objectContaining({ path: "filter" })]);
    expect((await rowsOf(ws.id)).filter((r) => r.status === "customer")).toEqual([]);
    const narrowed = await bulk(owner.client, ws.id, {
      action: "set_status",
      status: "customer",
      filter: { q: "p10" },
    });
    expect(await narrowed.json()).toEqual({ affected: 0 }); // seeded without search terms
  }, 30_000);

  it("refuses tags that would take a contact past 50, before changing any", async () => {
    const { owner, ws, ids } = await workspaceWith(2, (i) => ({
      tags: i === 0 ? Array.from({ length: 49 }, (_, n) => `own${n}`) : [],
    }));
    const res = await bulk(owner.client, ws.id, { action: "add_tags", tags: ["a", "b"], contact_ids: ids });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).message).toMatch(/^1 of the selected contacts would have more than 50 tags/);
    expect((await rowsOf(ws.id))[1]?.tags).toEqual([]);
  });

  it("needs crm.contacts.bulk, and crm.contacts.delete to delete", async () => {
    const { ws, ids } = await workspaceWith(1);
    const contributor = await teammate(ws.id, "contributor");
    const tag = await bulk(contributor.client, ws.id, { action: "add_tags", tags: ["x"], contact_ids: ids });
    expect(tag.status).toBe(403);
    expect((await errorOf(tag)).details).toMatchObject({ action: "crm.contacts.bulk" });
    const editor = await teammate(ws.id, "editor", { revoke: ["crm.contacts.delete"] });
    const del = await bulk(editor.client, ws.id, { action: "delete", contact_ids: ids });
    expect(del.status).toBe(403);
    expect((await errorOf(del)).details).toMatchObject({ action: "crm.contacts.delete" });
    expect(
      await (await bulk(editor.client, ws.id, { action: "add_tags", tags: ["x"], contact_ids: ids })).json(),
    ).toEqual({
      affected: 1,
    });
    expect(await rowsOf(ws.id)).toHaveLength(1);
  });
});
