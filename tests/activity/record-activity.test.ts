// Every mutation writes one log entry in the same atomic unit as the change: a
// success leaves exactly one, a refusal or a failure part-way leaves none.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { activityRows, database } from "./activity-helpers";

type Person = Awaited<ReturnType<typeof signUp>>;

/** Entries a person wrote, in any workspace. */
async function entriesBy(userId: string) {
  const db = database();
  return db.q.select().from(db.t.activityLogs).where(eq(db.t.activityLogs.user_id, userId));
}

/** Runs `body` while a trigger makes one statement fail, as a lost connection or a constraint would. */
async function withFailingStatement(trigger: string, body: () => Promise<void>) {
  await env.DB.prepare(trigger).run();
  try {
    await body();
  } finally {
    await env.DB.prepare("DROP TRIGGER IF EXISTS test_failing_statement").run();
  }
}

// Most cases sign up two people, at half a second of password hashing each.
describe("one activity entry per mutation", { timeout: 20_000 }, () => {
  let me: Person;

  beforeEach(async () => {
    me = await signUp({ name: "Noor Haddad" });
    // The failures below are logged by the error handler on purpose; keep the output clean.
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("creating a workspace writes one entry; a refused create writes none", async () => {
    const ws = await createWorkspace(me.client, "Counted Co");
    expect(await entriesBy(me.user.id)).toEqual([
      expect.objectContaining({ workspace_id: ws.id, type: "workspace.created", entity_id: ws.id }),
    ]);
    const taken = await me.client.fetch("/api/v1/workspaces", { method: "POST", json: { name: "X", slug: ws.slug } });
    expect(taken.status).toBe(409);
    const invalid = await me.client.fetch("/api/v1/workspaces", { method: "POST", json: { name: "" } });
    expect(invalid.status).toBe(422);
    expect(await entriesBy(me.user.id)).toHaveLength(1);
  });

  it("a create whose log entry fails leaves no workspace behind", async () => {
    await withFailingStatement(
      `CREATE TRIGGER test_failing_statement BEFORE INSERT ON activity_logs
       WHEN NEW.type = 'workspace.created' AND NEW.description LIKE '%Doomed Co%'
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      async () => {
        const res = await me.client.fetch("/api/v1/workspaces", { method: "POST", json: { name: "Doomed Co" } });
        expect(res.status).toBe(500);
      },
    );
    const db = database();
    expect(await db.q.$count(db.t.workspaces, eq(db.t.workspaces.owner_id, me.user.id))).toBe(0);
    expect(await db.q.$count(db.t.workspaceMembers, eq(db.t.workspaceMembers.user_id, me.user.id))).toBe(0);
    expect(await entriesBy(me.user.id)).toHaveLength(0);
  });

  it("each successful PATCH writes one entry; no-ops, refusals and failures write none", async () => {
    const ws = await createWorkspace(me.client, "Patched Co");
    const other = await createWorkspace(me.client, "Other Co");
    const patch = (json: unknown, person: Person = me) =>
      person.client.fetch(`/api/v1/workspaces/${ws.id}`, { method: "PATCH", json });
    const updates = async () => (await activityRows(ws.id)).filter((e) => e.type === "workspace.updated");

    expect((await patch({ name: "Renamed Co" })).status).toBe(200);
    expect(await updates()).toHaveLength(1);
    expect((await patch({ settings: { timezone: "Europe/Paris" } })).status).toBe(200);
    expect(await updates()).toHaveLength(2);

    expect((await patch({ name: "Renamed Co" })).status).toBe(200); // nothing changed: nothing to record
    expect((await patch({ slug: other.slug })).status).toBe(409);
    expect((await patch({ name: "" })).status).toBe(422);
    expect((await patch({ name: "Viewer's Co" }, await teammate(ws.id, "viewer"))).status).toBe(403);
    await withFailingStatement(
      `CREATE TRIGGER test_failing_statement BEFORE INSERT ON activity_logs
       WHEN NEW.type = 'workspace.updated' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      async () => expect((await patch({ name: "Lost Co" })).status).toBe(500),
    );
    await withFailingStatement(
      `CREATE TRIGGER test_failing_statement BEFORE UPDATE ON workspaces
       WHEN NEW.name = 'Lost Co' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      async () => expect((await patch({ name: "Lost Co" })).status).toBe(500),
    );

    const entries = await updates();
    expect(entries.map((e) => Object.keys((e.metadata as { changes: object }).changes))).toEqual([
      ["name"],
      ["settings"],
    ]);
    const detail = (await (await me.client.fetch(`/api/v1/workspaces/${ws.id}`)).json()) as { name: string };
    expect(detail.name).toBe("Renamed Co");
  });

  it("a transfer writes one entry; a refused transfer writes none", async () => {
    const ws = await createWorkspace(me.client, "Handed Co");
    const outsider = await signUp();
    const editor = await teammate(ws.id, "editor");
    const transfer = (userId: string) =>
      me.client.fetch(`/api/v1/workspaces/${ws.id}/transfer`, { method: "POST", json: { user_id: userId } });
    expect((await transfer(outsider.user.id)).status).toBe(404);
    expect((await transfer(me.user.id)).status).toBe(422);
    expect((await transfer(editor.user.id)).status).toBe(200);
    const entries = (await activityRows(ws.id)).map((e) => e.type).sort();
    expect(entries).toEqual(["workspace.created", "workspace.ownership_transferred"]);
  });
});
