// Who may do what with contacts, and that one workspace's contacts never show, change
// or leak through another's routes.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { contactsPath, createContact, database, walkContacts } from "./contact-helpers";

type Person = Awaited<ReturnType<typeof signUp>>;

async function contactRows(workspaceId: string) {
  const db = database();
  const { crmContacts, crmContactTags, crmContactTerms } = db.t;
  return {
    contacts: await db.q.select().from(crmContacts).where(eq(crmContacts.workspace_id, workspaceId)),
    tags: await db.q.select().from(crmContactTags).where(eq(crmContactTags.workspace_id, workspaceId)),
    terms: await db.q.select().from(crmContactTerms).where(eq(crmContactTerms.workspace_id, workspaceId)),
  };
}

describe("contacts of one workspace, reached from another", () => {
  let ownerA: Person;
  let ownerB: Person;
  let a: { id: string };
  let b: { id: string };
  let adaOfA: { id: string };

  beforeAll(async () => {
    ownerA = await signUp({ name: "Alma of A" });
    ownerB = await signUp({ name: "Bo of B" });
    a = await createWorkspace(ownerA.client, "Tenant A");
    b = await createWorkspace(ownerB.client, "Tenant B");
    adaOfA = await createContact(ownerA.client, a.id, {
      email: "ada@example.com",
      tags: ["secret"],
      next_follow_up: "2020-01-01T00:00:00Z",
    });
    await createContact(ownerB.client, b.id, { first_name: "Bea", last_name: "Bee" });
  });

  it.each([
    ["GET", "", undefined],
    ["PATCH", "", { first_name: "Stolen" }],
    ["DELETE", "", undefined],
    ["POST", "/contacted", {}],
  ] as const)("%s …/contacts/{A's contact}%s through B → 404, and A is unchanged", async (method, tail, json) => {
    const before = await contactRows(a.id);
    const res = await ownerB.client.fetch(contactsPath(b.id, `/${adaOfA.id}${tail}`), {
      method,
      ...(json && { json }),
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toBe("This contact does not exist in this workspace.");
    expect(await contactRows(a.id)).toEqual(before);
  });

  it("never lists, finds, counts or exports A's contacts in B", async () => {
    expect((await walkContacts(ownerB.client, b.id)).map((c) => c.first_name)).toEqual(["Bea"]);
    const queries: Record<string, string>[] = [
      { q: "ada" },
      { q: "ada@example.com" },
      { tags: "secret" },
      { follow_up: "overdue" },
    ];
    for (const query of queries) {
      expect(await walkContacts(ownerB.client, b.id, query)).toEqual([]);
    }
    const count = await ownerB.client.fetch(contactsPath(b.id, "/follow-ups/count"));
    expect(await count.json()).toEqual({ overdue: 0, today: 0 });
    const csv = await (await ownerB.client.fetch(contactsPath(b.id, "/export"))).text();
    expect(csv).not.toContain(adaOfA.id);
    expect(csv).not.toContain("ada@example.com");
  });

  it("lets B use an email A's contact has", async () => {
    expect((await createContact(ownerB.client, b.id, { email: "ada@example.com" })).email).toBe("ada@example.com");
  });

  it("answers 404 for A's workspace itself", async () => {
    const res = await ownerB.client.fetch(contactsPath(a.id));
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toBe("Workspace not found.");
  });
});

describe("contacts by role", () => {
  let owner: Person;
  let workspaceId: string;
  let contactId: string;

  beforeAll(async () => {
    owner = await signUp();
    workspaceId = (await createWorkspace(owner.client, "Roles Co")).id;
    contactId = (await createContact(owner.client, workspaceId)).id;
  });

  const refused = async (res: Response, action: string) => {
    expect(res.status).toBe(403);
    expect((await errorOf(res)).details).toMatchObject({ action });
  };

  it("lets a viewer read contacts but change none", async () => {
    const viewer = (await teammate(workspaceId, "viewer")).client;
    expect((await viewer.fetch(contactsPath(workspaceId))).status).toBe(200);
    expect((await viewer.fetch(contactsPath(workspaceId, `/${contactId}`))).status).toBe(200);
    expect((await viewer.fetch(contactsPath(workspaceId, "/follow-ups/count"))).status).toBe(200);
    const before = await contactRows(workspaceId);
    await refused(
      await viewer.fetch(contactsPath(workspaceId), { method: "POST", json: { first_name: "V", last_name: "W" } }),
      "crm.contacts.create",
    );
    await refused(
      await viewer.fetch(contactsPath(workspaceId, `/${contactId}`), { method: "PATCH", json: { company: "X" } }),
      "crm.contacts.update",
    );
    await refused(
      await viewer.fetch(contactsPath(workspaceId, `/${contactId}/contacted`), { method: "POST", json: {} }),
      "crm.contacts.update",
    );
    await refused(
      await viewer.fetch(contactsPath(workspaceId, `/${contactId}`), { method: "DELETE" }),
      "crm.contacts.delete",
    );
    await refused(
      await viewer.fetch(contactsPath(workspaceId, "/bulk"), {
        method: "POST",
        json: { action: "set_status", status: "lead", contact_ids: [contactId] },
      }),
      "crm.contacts.bulk",
    );
    await refused(await viewer.fetch(contactsPath(workspaceId, "/export")), "crm.contacts.export");
    expect(await contactRows(workspaceId)).toEqual(before);
  });

  it("lets a contributor create and edit, but not delete, bulk-change or export", async () => {
    const contributor = (await teammate(workspaceId, "contributor")).client;
    const mine = await createContact(contributor, workspaceId, { first_name: "Cora", email: "cora@example.com" });
    const edit = await contributor.fetch(contactsPath(workspaceId, `/${contactId}`), {
      method: "PATCH",
      json: { company: "Edited by a contributor" },
    });
    expect(edit.status).toBe(200);
    const contacted = await contributor.fetch(contactsPath(workspaceId, `/${mine.id}/contacted`), {
      method: "POST",
      json: {},
    });
    expect(contacted.status).toBe(200);
    // Not even their own contact: deleting is crm.contacts.delete, whoever created it.
    await refused(
      await contributor.fetch(contactsPath(workspaceId, `/${mine.id}`), { method: "DELETE" }),
      "crm.contacts.delete",
    );
    await refused(
      await contributor.fetch(contactsPath(workspaceId, "/bulk"), {
        method: "POST",
        json: { action: "delete", contact_ids: [mine.id] },
      }),
      "crm.contacts.bulk",
    );
    await refused(await contributor.fetch(contactsPath(workspaceId, "/export")), "crm.contacts.export");
    expect((await walkContacts(owner.client, workspaceId)).map((c) => c.first_name).sort()).toEqual(["Ada", "Cora"]);
  });

  it("keeps contacts from a guest, who has no CRM access", async () => {
    const guest = (await teammate(workspaceId, "guest")).client;
    await refused(await guest.fetch(contactsPath(workspaceId)), "crm.contacts.read");
    await refused(await guest.fetch(contactsPath(workspaceId, `/${contactId}`)), "crm.contacts.read");
  });
});
