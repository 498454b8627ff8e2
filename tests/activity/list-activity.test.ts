import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { type ActivityJson, feedPath, logActivity, readFeed, walkFeed } from "./activity-helpers";

type Person = Awaited<ReturnType<typeof signUp>>;

const CONTACT_A = "01900000-0000-7000-8000-00000000000a";
const CONTACT_B = "01900000-0000-7000-8000-00000000000b";
const at = (iso: string) => new Date(iso);

describe("the activity feed", () => {
  let owner: Person;
  let editor: Person;
  let workspaceId: string;
  /** Ids of the entries written below, by name. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    owner = await signUp({ name: "Maya Chen" });
    workspaceId = (await createWorkspace(owner.client, "Feed Studio")).id;
    editor = await teammate(workspaceId, "editor");
    const entries = {
      jan: {
        userId: owner.user.id,
        type: "crm_contact.created",
        entityType: "crm_contact",
        entityId: CONTACT_A,
        createdAt: at("2024-01-10T08:00:00Z"),
      },
      febStart: {
        userId: editor.user.id,
        type: "crm_contact.updated",
        entityType: "crm_contact",
        entityId: CONTACT_A,
        createdAt: at("2024-02-01T00:00:00Z"),
      },
      febMid: {
        userId: owner.user.id,
        type: "crm_contact.created",
        entityType: "crm_contact",
        entityId: CONTACT_B,
        createdAt: at("2024-02-15T10:00:00Z"),
      },
      // "_" is a LIKE wildcard: this one must not pass for a crm_contact. entry.
      lookalike: {
        userId: owner.user.id,
        type: "crmxcontact.created",
        entityType: "crmxcontact",
        entityId: CONTACT_B,
        createdAt: at("2024-02-20T12:00:00Z"),
      },
      febEnd: {
        userId: editor.user.id,
        type: "crm_contact.updated",
        entityType: "crm_contact",
        entityId: CONTACT_B,
        createdAt: at("2024-02-29T23:59:59Z"),
      },
      mar: {
        userId: owner.user.id,
        type: "crm_contact.created",
        entityType: "crm_contact",
        entityId: CONTACT_A,
        createdAt: at("2024-03-01T00:00:00Z"),
      },
      deal: {
        userId: owner.user.id,
        type: "crm_contacts.imported",
        createdAt: at("2024-03-02T00:00:00Z"),
        metadata: { rows: 3 },
      },
    };
    const written = await logActivity(workspaceId, Object.values(entries));
    Object.keys(entries).forEach((name, i) => {
      ids[name] = written[i]!;
    });
  });

  const namesOf = (data: ActivityJson[]) => data.map((e) => Object.keys(ids).find((k) => ids[k] === e.id) ?? e.type);

  it("lists everything newest first, with the author from one join", async () => {
    const { data, next_cursor } = await readFeed(owner.client, workspaceId);
    expect(next_cursor).toBeNull();
    expect(namesOf(data)).toEqual([
      "deal",
      "mar",
      "febEnd",
      "lookalike",
      "febMid",
      "febStart",
      "jan",
      "workspace.created",
    ]);
    expect(data[2]).toEqual({
      id: ids.febEnd,
      type: "crm_contact.updated",
      description: "crm_contact.updated",
      entity_type: "crm_contact",
      entity_id: CONTACT_B,
      user: { id: editor.user.id, name: "editor teammate", avatar: null },
      ip_address: null,
      user_agent: null,
      metadata: null,
      created_at: "2024-02-29T23:59:59.000Z",
    });
    expect(data[0]?.metadata).toEqual({ rows: 3 });
    expect(data.at(-1)).toMatchObject({ user: { id: owner.user.id, name: "Maya Chen" }, entity_id: workspaceId });
  });

  it.each([
    ["an exact type", { type: "crm_contact.created" }, ["mar", "febMid", "jan"]],
    ["a type prefix", { type: "crm_contact." }, ["mar", "febEnd", "febMid", "febStart", "jan"]],
    ["another prefix", { type: "workspace." }, ["workspace.created"]],
    ["a prefix matching nothing", { type: "crm_contac." }, []],
    ["an author", { user_id: "EDITOR" }, ["febEnd", "febStart"]],
    ["an entity type", { entity_type: "crmxcontact" }, ["lookalike"]],
    ["an entity", { entity_type: "crm_contact", entity_id: CONTACT_A }, ["mar", "febStart", "jan"]],
    [
      "a range of whole days, both ends included",
      { from: "2024-02-01", to: "2024-02-29" },
      ["febEnd", "lookalike", "febMid", "febStart"],
    ],
    [
      "a range of instants, both ends included",
      { from: "2024-02-15T10:00:00Z", to: "2024-03-01T00:00:00Z" },
      ["mar", "febEnd", "lookalike", "febMid"],
    ],
    ["a zone offset", { to: "2024-02-01T01:00:00+01:00" }, ["febStart", "jan"]],
    ["only a start", { from: "2024-03-01" }, ["deal", "mar", "workspace.created"]],
    ["several filters at once", { type: "crm_contact.", user_id: "OWNER", from: "2024-02-01" }, ["mar", "febMid"]],
  ])("narrows to %s", async (_, query, expected) => {
    const resolved = Object.fromEntries(
      Object.entries(query).map(([k, v]) => [k, v === "EDITOR" ? editor.user.id : v === "OWNER" ? owner.user.id : v]),
    );
    expect(namesOf((await readFeed(owner.client, workspaceId, resolved)).data)).toEqual(expected);
  });

  it("walks every entry exactly once, page by page, while new entries arrive", async () => {
    const all = (await readFeed(owner.client, workspaceId, { limit: "100" })).data.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await readFeed(owner.client, workspaceId, { limit: "3", ...(cursor && { cursor }) });
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((e) => e.id));
      cursor = page.next_cursor;
      // An entry written mid-walk is newer than every cursor: it shows on the next first page, not in this walk.
      if (pages++ === 0) await logActivity(workspaceId, [{ userId: owner.user.id, type: "note.added" }]);
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(3);
    expect((await readFeed(owner.client, workspaceId, { limit: "1" })).data[0]?.type).toBe("note.added");
    const filtered = await walkFeed(owner.client, workspaceId, { type: "crm_contact.", limit: "2" });
    expect(namesOf(filtered)).toEqual(["mar", "febEnd", "febMid", "febStart", "jan"]);
  });

  it.each([
    [{ from: "2024-13-01" }, "from"],
    [{ from: "yesterday" }, "from"],
    [{ to: "2024-02-30" }, "to"],
    [{ from: "2024-03-01", to: "2024-02-01" }, "to"],
    [{ from: "2024-01-01", to: "2025-01-02" }, "to"],
    [{ from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:01Z" }, "to"],
    [{ user_id: "42" }, "user_id"],
    [{ user_id: "not-a-uuid" }, "user_id"],
    [{ limit: "0" }, "limit"],
    [{ limit: "101" }, "limit"],
    [{ type: "Workspace.Created" }, "type"],
    [{ type: "crm_contact.%" }, "type"],
    [{ entity_id: CONTACT_A }, "entity_type"],
  ])("refuses %j with 422 on %s", async (query, path) => {
    const res = await owner.client.fetch(feedPath(workspaceId, query));
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it("accepts a range of exactly 366 days", async () => {
    const res = await owner.client.fetch(feedPath(workspaceId, { from: "2024-01-01", to: "2025-01-01" }));
    expect(res.status).toBe(200);
  });

  it("refuses a cursor it did not give out", async () => {
    const res = await owner.client.fetch(feedPath(workspaceId, { cursor: "bm90LWEtY3Vyc29y" }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_cursor");
  });

  it("is readable by viewers, but not by guests or a member whose activity.read is revoked", async () => {
    const viewer = await teammate(workspaceId, "viewer");
    expect((await viewer.client.fetch(feedPath(workspaceId))).status).toBe(200);
    expect((await viewer.client.fetch(feedPath(workspaceId, {}, "/export"))).status).toBe(200);
    const revoked = await teammate(workspaceId, "admin", { revoke: ["activity.read"] });
    const guest = await teammate(workspaceId, "guest");
    for (const person of [revoked, guest]) {
      for (const tail of ["", "/export"]) {
        const res = await person.client.fetch(feedPath(workspaceId, {}, tail));
        expect(res.status).toBe(403);
        expect(await errorOf(res)).toMatchObject({ code: "forbidden", details: { action: "activity.read" } });
      }
    }
    const stranger = await signUp();
    expect((await stranger.client.fetch(feedPath(workspaceId))).status).toBe(404);
  }, 30_000); // four sign-ups
});
