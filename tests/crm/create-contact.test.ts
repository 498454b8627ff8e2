import { describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { activityAbout, contactsPath, createContact, indexRowsOf } from "./contact-helpers";

describe("creating a contact", () => {
  it("stores every field normalised, with its tags, search terms, an activity entry and an ETag", async () => {
    const { client: me, user } = await signUp({ name: "Maya Chen" });
    const ws = await createWorkspace(me);
    const res = await me.fetch(contactsPath(ws.id), {
      method: "POST",
      json: {
        first_name: "  José ",
        last_name: "Núñez-García",
        email: " Jose.Nunez@Studio.Example ",
        phone: "+1 (415) 555-0123",
        company: "Brightleaf Bakery",
        position: "Head of Growth",
        address: "118 Orchard Street\nNew York",
        status: "prospect",
        lead_score: 72,
        source: "instagram",
        tags: ["VIP", "vip", " Newsletter ", "Vip"],
        notes: "Met at the Lisbon fair. Wants a quote.",
        last_contacted: "2026-03-01T10:15:30.900Z",
        next_follow_up: "2026-03-10",
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("ETag")).toMatch(/^"[0-9a-f]{32}"$/);
    const contact = (await res.json()) as Record<string, unknown> & { id: string };
    expect(res.headers.get("Location")).toBe(`/api/v1/workspaces/${ws.id}/contacts/${contact.id}`);
    expect(contact).toMatchObject({
      workspace_id: ws.id,
      first_name: "José",
      last_name: "Núñez-García",
      email: "jose.nunez@studio.example",
      phone: "+14155550123",
      company: "Brightleaf Bakery",
      position: "Head of Growth",
      address: "118 Orchard Street\nNew York",
      status: "prospect",
      lead_score: 72,
      source: "instagram",
      tags: ["VIP", "Newsletter"],
      notes: "Met at the Lisbon fair. Wants a quote.",
      // Whole seconds, as both databases store them; a plain date starts the day (the workspace is on UTC).
      last_contacted: "2026-03-01T10:15:30.000Z",
      next_follow_up: "2026-03-10T00:00:00.000Z",
      created_by: user.id,
    });
    const read = await me.fetch(contactsPath(ws.id, `/${contact.id}`));
    expect(await read.json()).toEqual(contact);
    expect(read.headers.get("ETag")).toBe(res.headers.get("ETag"));

    const { tags, terms } = await indexRowsOf(contact.id);
    expect(tags).toEqual(["newsletter", "vip"]);
    expect(terms).toEqual(
      expect.arrayContaining([
        "nunez",
        "garcia",
        "brightleaf",
        "bakery",
        "head",
        "growth",
        "jose.nunez@studio.example",
        "studio.example",
        "example",
        "lisbon",
        "quote",
      ]),
    );
    // Words that start another term are found through it ("jose" through the address).
    for (const prefix of ["jose", "jose.nunez", "studio", "a"]) expect(terms).not.toContain(prefix);
    expect(terms).not.toContain("instagram"); // the source is a filter, not a search term
    const [entry] = await activityAbout(contact.id);
    expect(entry).toMatchObject({
      type: "crm_contact.created",
      user_id: user.id,
      entity_type: "crm_contact",
      description: "Maya Chen added the contact José Núñez-García",
    });
  });

  it("fills the defaults: status lead, score 0, no tags", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const contact = await createContact(me, ws.id, { email: "", phone: "  ", company: "" });
    expect(contact).toMatchObject({
      status: "lead",
      lead_score: 0,
      tags: [],
      email: null,
      phone: null,
      company: null,
      last_contacted: null,
      next_follow_up: null,
    });
  });

  it.each([
    ["+44 (0)20 7946 0958", "+442079460958"],
    ["0044 20 7946 0958", "+442079460958"],
    ["+49 30-1234.5678", "+493012345678"],
    ["(415) 555-0123", "(415) 555-0123"],
    ["+1 415 555 0123 ext. 12", "+1 415 555 0123 ext. 12"],
    ["+0 123 4567", "+0 123 4567"],
  ])("stores the phone %j as %j", async (phone, stored) => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    expect((await createContact(me, ws.id, { phone })).phone).toBe(stored);
  });

  it.each([
    [150, 100],
    [-20, 0],
    [55.5, 56],
    [1e9, 100],
  ])("clamps a lead score of %j to %j", async (lead_score, stored) => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    expect((await createContact(me, ws.id, { lead_score })).lead_score).toBe(stored);
  });

  it("plants a plain follow-up date at midnight in the workspace's time zone", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me, "Tokyo Office", { settings: { timezone: "Asia/Tokyo" } });
    const contact = await createContact(me, ws.id, { next_follow_up: "2026-03-10" });
    expect(contact.next_follow_up).toBe("2026-03-09T15:00:00.000Z");
  });

  const long = (n: number) => "x".repeat(n);
  it.each([
    ["an empty first name", { first_name: "" }, "first_name"],
    ["a blank first name", { first_name: "   " }, "first_name"],
    ["a 256-character last name", { last_name: long(256) }, "last_name"],
    ["a number for a name", { first_name: 42 }, "first_name"],
    ["a malformed email", { email: "not-an-email" }, "email"],
    ["an email over 255 characters", { email: `${long(250)}@x.example` }, "email"],
    ["a 256-character phone", { phone: long(256) }, "phone"],
    ["a 256-character company", { company: long(256) }, "company"],
    ["a list for a position", { position: ["CEO"] }, "position"],
    ["an unknown status", { status: "customerish" }, "status"],
    ["a score in a string", { lead_score: "90" }, "lead_score"],
    ["a null score", { lead_score: null }, "lead_score"],
    ["a 256-character source", { source: long(256) }, "source"],
    ["tags as a string", { tags: "vip" }, "tags"],
    ["an empty tag", { tags: [""] }, "tags.0"],
    ["a 65-character tag", { tags: [long(65)] }, "tags.0"],
    ["a tag with a comma", { tags: ["a,b"] }, "tags.0"],
    ["51 tags", { tags: Array.from({ length: 51 }, (_, i) => `tag-${i}`) }, "tags"],
    ["notes of 65,536 characters", { notes: long(65_536) }, "notes"],
    ["notes of 80,000 bytes in 40,000 characters", { notes: "é".repeat(40_000) }, "notes"],
    ["a follow-up in words", { next_follow_up: "next tuesday" }, "next_follow_up"],
    ["a date-time without its zone", { next_follow_up: "2026-03-10T09:00:00" }, "next_follow_up"],
    ["a date past what MySQL stores", { last_contacted: "2040-01-01T00:00:00Z" }, "last_contacted"],
    ["a date before what MySQL stores", { next_follow_up: "1969-12-31" }, "next_follow_up"],
    ["an unknown field", { owner: "me" }, ""],
  ])("refuses %s with 422 naming %j, and stores nothing", async (_, fields, path) => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const res = await me.fetch(contactsPath(ws.id), {
      method: "POST",
      json: { first_name: "Ada", last_name: "Lovelace", ...fields },
    });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("validation_failed");
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    const list = (await (await me.fetch(contactsPath(ws.id))).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
  });

  it("takes a contact with one name: the last name may be left out or blank", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    for (const json of [{ first_name: " Cher " }, { first_name: "Madonna", last_name: " " }]) {
      const res = await me.fetch(contactsPath(ws.id), { method: "POST", json });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ first_name: json.first_name.trim(), last_name: "" });
    }
  });

  it("takes 50 tags, counting repeats once", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const tags = Array.from({ length: 50 }, (_, i) => `tag-${i}`);
    const contact = await createContact(me, ws.id, { tags: [...tags, ...tags.map((t) => t.toUpperCase())] });
    expect(contact.tags).toEqual(tags);
    expect((await indexRowsOf(contact.id)).tags).toHaveLength(50);
  });

  it("refuses an email another contact has, in any case, naming that contact (409)", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const first = await createContact(me, ws.id, { email: "ada@example.com" });
    const res = await me.fetch(contactsPath(ws.id), {
      method: "POST",
      json: { first_name: "Other", last_name: "Ada", email: "ADA@Example.COM" },
    });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({
      code: "conflict",
      details: { path: "email", existing_contact_id: first.id },
    });
    // Another workspace may have the same person.
    const other = await createWorkspace(me, "Second Studio");
    expect((await createContact(me, other.id, { email: "ada@example.com" })).email).toBe("ada@example.com");
  });
});
