import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { uuidv7 } from "../../db/uuidv7";
import { insertMany } from "../../db/write-many";
import { encodeCursor } from "../../worker/lib/pagination";
import { errorOf, signUp } from "../helpers/api";
import { connectLive } from "../helpers/live";
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
    expect(await res.json()).toEqual({ affected: 3, done: true, next_cursor: null });
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
    ).toEqual({ affected: 0, done: true, next_cursor: null });
  });

  it("removes tags in any case", async () => {
    const { owner, ws, ids } = await workspaceWith(3, () => ({ tags: ["VIP", "Newsletter", "keep"] }));
    const res = await bulk(owner.client, ws.id, {
      action: "remove_tags",
      tags: ["vip", "NEWSLETTER"],
      contact_ids: ids,
    });
    expect(await res.json()).toEqual({ affected: 3, done: true, next_cursor: null });
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
    expect(await set.json()).toEqual({ affected: 3, done: true, next_cursor: null });
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
    expect(await follow.json()).toEqual({ affected: 3, done: true, next_cursor: null });
    const due = await walkContacts(owner.client, ws.id, { sort: "next_follow_up" });
    expect(due.slice(0, 3).map((c) => [c.status, c.next_follow_up])).toEqual(
      Array(3).fill(["prospect", "2026-04-01T09:00:00.000Z"]),
    );
    const clear = await bulk(owner.client, ws.id, { action: "set_follow_up", next_follow_up: null, filter: {} });
    expect(await clear.json()).toEqual({ affected: 3, done: true, next_cursor: null });
  });

  it("deletes contacts with their tags and terms, and logs each", async () => {
    const { owner, ws, ids } = await workspaceWith(3, () => ({ tags: ["x"], email: null }));
    const res = await bulk(owner.client, ws.id, { action: "delete", contact_ids: ids.slice(0, 2) });
    expect(await res.json()).toEqual({ affected: 2, done: true, next_cursor: null });
    expect((await rowsOf(ws.id)).map((r) => r.id)).toEqual([ids[2]]);
    expect(await indexRowsOf(ids[0]!)).toEqual({ tags: [], terms: [] });
    expect((await activityAbout(ids[0]!)).map((e) => e.type)).toEqual(["crm_contact.deleted"]);
  });

  it("applies to 250 contacts in chunks, each contact once", async () => {
    const { owner, ws, ids } = await workspaceWith(250);
    const tags = Array.from({ length: 50 }, (_, i) => `t${i}`);
    const res = await bulk(owner.client, ws.id, { action: "add_tags", tags, contact_ids: ids });
    expect(await res.json()).toEqual({ affected: 250, done: true, next_cursor: null });
    for (const row of await rowsOf(ws.id)) expect(row.tags).toEqual(tags);
    expect((await indexRowsOf(ids[249]!)).tags).toHaveLength(50);
    const deleted = await bulk(owner.client, ws.id, { action: "delete", filter: { tags: "t7" } });
    expect(await deleted.json()).toEqual({ affected: 250, done: true, next_cursor: null });
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

  /** Contacts written straight to D1 in one wide insert (no tags or search terms). */
  async function crowd(workspaceId: string, userId: string, count: number, name: string) {
    const db = database();
    const rows = Array.from({ length: count }, (_, i) => ({
      id: uuidv7(),
      workspace_id: workspaceId,
      first_name: `${name}${i}`,
      last_name: "Many",
      created_by: userId,
    }));
    await db.atomic((q) => insertMany(db, q, db.t.crmContacts, rows));
    return rows.map((row) => row.id);
  }

  it("applies an action by filter to 2,500 contacts, a thousand at a time, each logged and announced", async () => {
    const { owner, ws } = await workspaceWith(0);
    await crowd(ws.id, owner.user.id, 2_500, "P");
    // Another workspace's contacts match the same (empty) filter: none may change.
    const other = await workspaceWith(0);
    await crowd(other.ws.id, other.owner.user.id, 300, "Q");
    const otherBefore = await rowsOf(other.ws.id);
    const tab = await connectLive(owner.client, ws.id);
    await tab.next("hello");

    const res = await bulk(owner.client, ws.id, { action: "set_status", status: "customer", filter: {} });
    expect(await res.json()).toEqual({ affected: 2_500, done: true, next_cursor: null });
    expect((await rowsOf(ws.id)).every((r) => r.status === "customer")).toBe(true);
    const db = database();
    const logged = await db.q
      .select({ type: db.t.activityLogs.type, entity_id: db.t.activityLogs.entity_id })
      .from(db.t.activityLogs)
      .where(and(eq(db.t.activityLogs.workspace_id, ws.id), eq(db.t.activityLogs.type, "crm_contact.updated")));
    expect(new Set(logged.map((e) => e.entity_id)).size).toBe(2_500);
    // One change per contact on the live feed.
    const deadline = Date.now() + 10_000;
    const updates = () => tab.messages.filter((m) => m.type === "change" && m.op === "update").length;
    while (updates() < 2_500 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(updates()).toBe(2_500);
    tab.ws.close(1000);

    expect(await rowsOf(other.ws.id)).toEqual(otherBefore);
  }, 60_000);

  it("goes through a large filter in parts when asked to, each part going on from the last", async () => {
    const { owner, ws } = await workspaceWith(0);
    const ids = await crowd(ws.id, owner.user.id, 2_300, "P");
    const other = await workspaceWith(0);
    const otherIds = await crowd(other.ws.id, other.owner.user.id, 50, "Q");
    const answers: { affected: number; done: boolean; next_cursor: string | null }[] = [];
    let cursor: string | undefined;
    do {
      const res = await bulk(owner.client, ws.id, {
        action: "add_tags",
        tags: ["wave"],
        filter: {},
        limit: 1_000,
        ...(cursor && { cursor }),
      });
      expect(res.status).toBe(200);
      const answer = (await res.json()) as (typeof answers)[number];
      answers.push(answer);
      cursor = answer.next_cursor ?? undefined;
    } while (cursor && answers.length < 10);
    expect(answers.map((a) => [a.affected, a.done])).toEqual([
      [1_000, false],
      [1_000, false],
      [300, true],
    ]);
    const rows = await rowsOf(ws.id);
    expect(rows.map((r) => r.id)).toEqual([...ids].sort());
    expect(rows.every((r) => JSON.stringify(r.tags) === '["wave"]')).toBe(true);
    expect((await indexRowsOf(ids[2_299]!)).tags).toEqual(["wave"]);
    expect((await rowsOf(other.ws.id)).every((r) => (r.tags ?? []).length === 0)).toBe(true);

    // A cursor only says where to go on: one naming another workspace's contact changes nothing there.
    const foreign = await bulk(owner.client, ws.id, {
      action: "delete",
      filter: {},
      cursor: encodeCursor(["bulk", otherIds[0]!]),
    });
    expect(foreign.status).toBe(200);
    expect((await rowsOf(other.ws.id)).map((r) => r.id)).toEqual([...otherIds].sort());

    const bad = await bulk(owner.client, ws.id, { action: "delete", filter: {}, cursor: "nope" });
    expect(bad.status).toBe(400);
    const withIds = await bulk(owner.client, ws.id, { action: "delete", contact_ids: [ids[0]], limit: 5 });
    expect(withIds.status).toBe(422);
  }, 60_000);

  it("checks the tags of every match before the first part changes", async () => {
    const { owner, ws } = await workspaceWith(0);
    await crowd(ws.id, owner.user.id, 1_200, "P");
    const db = database();
    const [last] = await db.q
      .select()
      .from(db.t.crmContacts)
      .where(eq(db.t.crmContacts.workspace_id, ws.id))
      .orderBy(desc(db.t.crmContacts.id))
      .limit(1);
    await db.q
      .update(db.t.crmContacts)
      .set({ tags: Array.from({ length: 50 }, (_, n) => `own${n}`) })
      .where(eq(db.t.crmContacts.id, last!.id));
    const res = await bulk(owner.client, ws.id, { action: "add_tags", tags: ["new"], filter: {}, limit: 1_000 });
    expect(res.status).toBe(422);
    expect((await rowsOf(ws.id)).filter((r) => r.tags?.includes("new"))).toEqual([]);
  }, 60_000);

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
    ).toEqual({ affected: 1, done: true, next_cursor: null });
    expect(await rowsOf(ws.id)).toHaveLength(1);
  });
});
