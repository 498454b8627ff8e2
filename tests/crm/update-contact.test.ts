import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commitContactUpdate } from "../../worker/features/crm/commit-contact-update";
import { updateContactStatements } from "../../worker/features/crm/contact-statements";
import { activityEntryBy } from "../../worker/lib/activity";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { activityAbout, contactsPath, createContact, database, indexRowsOf } from "./contact-helpers";

const patch = (who: Awaited<ReturnType<typeof signUp>>["client"], path: string, json: unknown, ifMatch?: string) =>
  who.fetch(path, { method: "PATCH", json, ...(ifMatch && { headers: { "If-Match": ifMatch } }) });

describe("changing a contact", () => {
  it("changes the given fields, re-indexes tags and terms in the same unit, and logs what changed", async () => {
    const { client: me, user } = await signUp({ name: "Maya Chen" });
    const ws = await createWorkspace(me);
    const ada = await createContact(me, ws.id, {
      email: "ada@old.example",
      company: "Analytical Engines",
      tags: ["vip", "math"],
      notes: "Likes punch cards.",
    });
    const res = await patch(me, contactsPath(ws.id, `/${ada.id}`), {
      last_name: "King",
      email: "Ada@New.Example",
      tags: ["VIP", "poetry"],
      notes: "Prefers email.",
      lead_score: 250,
      phone: "0044 20 7946 0958",
    });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as Record<string, unknown>;
    expect(updated).toMatchObject({
      first_name: "Ada",
      last_name: "King",
      email: "ada@new.example",
      company: "Analytical Engines",
      tags: ["VIP", "poetry"],
      notes: "Prefers email.",
      lead_score: 100,
      phone: "+442079460958",
    });
    const { tags, terms } = await indexRowsOf(ada.id);
    expect(tags).toEqual(["poetry", "vip"]);
    expect(terms).toEqual(expect.arrayContaining(["king", "ada@new.example", "new.example", "prefers", "analytical"]));
    for (const gone of ["lovelace", "ada@old.example", "old", "punch", "cards"]) expect(terms).not.toContain(gone);

    const entries = await activityAbout(ada.id);
    expect(entries.map((e) => e.type)).toEqual(["crm_contact.created", "crm_contact.updated"]);
    expect(entries[1]).toMatchObject({ user_id: user.id, entity_type: "crm_contact" });
    const { changes } = entries[1]!.metadata as { changes: Record<string, unknown> };
    expect(Object.keys(changes).sort()).toEqual(["email", "last_name", "lead_score", "notes", "phone", "tags"]);
    expect(changes.last_name).toEqual({ from: "Lovelace", to: "King" });
    // The notes' text stays out of the log (the live document has it): only lengths.
    expect(changes.notes).toEqual({ from: { length: 18 }, to: { length: 14 } });
  });

  it("logs nothing and keeps updated_at when nothing really changes", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const ada = await createContact(me, ws.id, { email: "ada@example.com", tags: ["vip"] });
    const res = await patch(me, contactsPath(ws.id, `/${ada.id}`), {
      first_name: " Ada ",
      email: "ADA@example.com",
      tags: ["vip", "VIP"],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(ada);
    expect((await activityAbout(ada.id)).map((e) => e.type)).toEqual(["crm_contact.created"]);
  });

  it("refuses a stale If-Match with 412 and the current contact, then takes the fresh ETag", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const ada = await createContact(me, ws.id);
    const path = contactsPath(ws.id, `/${ada.id}`);
    const etag = (await me.fetch(path)).headers.get("ETag")!;
    const first = await patch(me, path, { company: "Theirs Ltd" }, etag);
    expect(first.status).toBe(200);
    expect(first.headers.get("ETag")).not.toBe(etag);

    const stale = await patch(me, path, { company: "Mine Ltd" }, etag);
    expect(stale.status).toBe(412);
    expect(await errorOf(stale)).toMatchObject({
      code: "precondition_failed",
      details: { current: { company: "Theirs Ltd" } },
    });
    const fresh = await patch(me, path, { company: "Mine Ltd" }, stale.headers.get("ETag")!);
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toMatchObject({ company: "Mine Ltd" });
  });

  it("refuses another contact's email in any case (409), and changes nothing", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const grace = await createContact(me, ws.id, {
      first_name: "Grace",
      last_name: "Hopper",
      email: "grace@example.com",
    });
    const ada = await createContact(me, ws.id, { email: "ada@example.com" });
    const res = await patch(me, contactsPath(ws.id, `/${ada.id}`), { email: "GRACE@example.com", company: "Navy" });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).details).toEqual({ path: "email", existing_contact_id: grace.id });
    expect(await (await me.fetch(contactsPath(ws.id, `/${ada.id}`))).json()).toEqual(ada);
  });

  it.each([
    [{ first_name: null }, "first_name"],
    [{ first_name: " " }, "first_name"],
    [{ last_name: null }, "last_name"],
    [{ status: null }, "status"],
    [{ lead_score: "high" }, "lead_score"],
    [{ tags: [42] }, "tags.0"],
    [{ id: "00000000-0000-7000-8000-000000000000" }, ""],
  ])("refuses %j with 422", async (json, path) => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const ada = await createContact(me, ws.id);
    const res = await patch(me, contactsPath(ws.id, `/${ada.id}`), json);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it("blanks a last name: one name is a whole name", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const ada = await createContact(me, ws.id);
    const res = await patch(me, contactsPath(ws.id, `/${ada.id}`), { first_name: "Cher", last_name: "  " });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ first_name: "Cher", last_name: "" });
  });

  it("clears optional fields with null or a blank", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const ada = await createContact(me, ws.id, {
      email: "ada@example.com",
      company: "X",
      next_follow_up: "2026-05-01",
    });
    const res = await patch(me, contactsPath(ws.id, `/${ada.id}`), { email: null, company: " ", next_follow_up: null });
    expect(await res.json()).toMatchObject({ email: null, company: null, next_follow_up: null });
    expect((await indexRowsOf(ada.id)).terms).not.toContain("ada@example.com");
  });
});

describe("deleting a contact", () => {
  it("deletes it with its tags and terms, logs it, and answers 404 afterwards", async () => {
    const { client: me } = await signUp({ name: "Maya Chen" });
    const ws = await createWorkspace(me);
    const ada = await createContact(me, ws.id, { tags: ["vip"], email: "ada@example.com" });
    const path = contactsPath(ws.id, `/${ada.id}`);
    expect((await me.fetch(path, { method: "DELETE" })).status).toBe(204);
    expect((await me.fetch(path)).status).toBe(404);
    expect((await me.fetch(path, { method: "DELETE" })).status).toBe(404);
    expect(await indexRowsOf(ada.id)).toEqual({ tags: [], terms: [] });
    const entries = await activityAbout(ada.id);
    expect(entries.at(-1)).toMatchObject({
      type: "crm_contact.deleted",
      description: "Maya Chen deleted the contact Ada Lovelace",
      metadata: { email: "ada@example.com" },
    });
    // The email is free again.
    expect((await createContact(me, ws.id, { email: "ada@example.com" })).email).toBe("ada@example.com");
  });

  it("answers 404 to edits that lose the race with a teammate's delete, and logs only the edits that happened", async () => {
    const { client: me } = await signUp({ name: "Maya Chen" });
    const ws = await createWorkspace(me);
    for (const edit of [
      (i: number) => ({ method: "PATCH", json: { tags: [`round-${i}`], company: `Company ${i}` } }),
      (i: number) => ({ method: "PATCH", json: { status: i % 2 ? "customer" : "prospect" } }),
      () => ({ method: "POST", json: {}, suffix: "/contacted" }),
    ]) {
      const ada = await createContact(me, ws.id, { tags: ["vip"], email: `ada-${crypto.randomUUID()}@example.com` });
      const path = contactsPath(ws.id, `/${ada.id}`);
      const edits = Array.from({ length: 8 }, (_, i) => {
        const { method, json, suffix } = { suffix: "", ...edit(i) };
        return me.fetch(`${path}${suffix}`, { method, json });
      });
      const [deleted, ...answers] = await Promise.all([me.fetch(path, { method: "DELETE" }), ...edits]);
      expect(deleted.status).toBe(204);
      const statuses = answers.map((res) => res.status);
      expect(
        statuses.every((status) => status === 200 || status === 404),
        statuses.join(),
      ).toBe(true);
      for (const res of answers.filter((r) => r.status === 404)) expect((await errorOf(res)).code).toBe("not_found");
      // Every edit that answered 200 is logged (one that answered 404 may have committed just before the delete).
      const types = (await activityAbout(ada.id)).map((entry) => entry.type);
      expect(types.filter((type) => type === "crm_contact.deleted")).toHaveLength(1);
      expect(types.length - 2).toBeGreaterThanOrEqual(statuses.filter((status) => status === 200).length);
      expect(await indexRowsOf(ada.id)).toEqual({ tags: [], terms: [] });
    }
  });
});

describe("an edit committed after the contact was deleted", () => {
  it("answers not found and leaves no entry, whether the unit fails or changes no row", async () => {
    const { client: me, user } = await signUp({ name: "Maya Chen" });
    const ws = await createWorkspace(me);
    const db = database();
    const actor = { userId: user.id, name: "Maya Chen", ip: null, userAgent: null };
    for (const changes of [{ tags: ["new-tag"] }, { status: "customer" as const }]) {
      const ada = await createContact(me, ws.id, { tags: ["vip"] });
      const [before] = await db.q.select().from(db.t.crmContacts).where(eq(db.t.crmContacts.id, ada.id));
      expect((await me.fetch(contactsPath(ws.id, `/${ada.id}`), { method: "DELETE" })).status).toBe(204);
      let entryId = "";
      const committing = commitContactUpdate(db, { workspaceId: ws.id, contactId: ada.id }, (q, activityId) => {
        entryId = activityId;
        return [
          ...updateContactStatements(q, db, [{ before: before!, changes }]),
          activityEntryBy(actor, q, db, {
            id: activityId,
            workspaceId: ws.id,
            type: "crm_contact.updated",
            description: "a change that never happened",
            entityType: "crm_contact",
            entityId: ada.id,
          }),
        ];
      });
      await expect(committing).rejects.toMatchObject({ code: "not_found" });
      expect(await db.q.select().from(db.t.activityLogs).where(eq(db.t.activityLogs.id, entryId))).toEqual([]);
      expect(await indexRowsOf(ada.id)).toEqual({ tags: [], terms: [] });
    }
  });
});

describe("marking a contact as contacted", () => {
  it("sets last_contacted to now and clears the follow-up, or moves it", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const ada = await createContact(me, ws.id, { next_follow_up: "2026-01-05T09:00:00Z" });
    const path = contactsPath(ws.id, `/${ada.id}/contacted`);
    const before = Date.now();
    const cleared = (await (await me.fetch(path, { method: "POST", json: {} })).json()) as Record<string, string>;
    expect(cleared.next_follow_up).toBeNull();
    const contacted = Date.parse(cleared.last_contacted!);
    expect(contacted).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(contacted).toBeLessThanOrEqual(Date.now());

    const moved = await me.fetch(path, { method: "POST", json: { next_follow_up: "2026-02-01T08:30:00Z" } });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ next_follow_up: "2026-02-01T08:30:00.000Z" });
    const entries = await activityAbout(ada.id);
    expect(entries.filter((e) => e.type === "crm_contact.contacted")).toHaveLength(2);
    expect(entries.at(-1)?.metadata).toMatchObject({
      changes: { next_follow_up: { from: null, to: "2026-02-01T08:30:00.000Z" } },
    });
  });

  it("refuses a malformed follow-up and an unknown contact", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const ada = await createContact(me, ws.id);
    const bad = await me.fetch(contactsPath(ws.id, `/${ada.id}/contacted`), {
      method: "POST",
      json: { next_follow_up: "soon" },
    });
    expect(bad.status).toBe(422);
    const missing = await me.fetch(contactsPath(ws.id, `/${crypto.randomUUID()}/contacted`), {
      method: "POST",
      json: {},
    });
    expect(missing.status).toBe(404);
  });
});
