import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DOC_CLOSE } from "../../durable-objects/doc-protocol";
import { WorkspaceRoom } from "../../durable-objects/workspace-room";
import { signUp } from "../helpers/api";
import { connectLive } from "../helpers/live";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { connectDoc, createContact, database, eventually } from "./doc-client";

const roomOf = (workspaceId: string) => env.WORKSPACE_ROOM.get(env.WORKSPACE_ROOM.idFromName(workspaceId));

async function notesOf(contactId: string) {
  const db = database();
  const [row] = await db.q
    .select({ notes: db.t.crmContacts.notes })
    .from(db.t.crmContacts)
    .where(eq(db.t.crmContacts.id, contactId));
  return row?.notes ?? null;
}

/** The write-back waits two seconds after the last edit: make it due, and ring the alarm now. */
async function writeBackNow(workspaceId: string) {
  const stub = roomOf(workspaceId);
  await runInDurableObject(stub, (_room, state) => {
    state.storage.sql.exec("UPDATE doc_pending SET flush_at = 0");
  });
  await runDurableObjectAlarm(stub);
}

async function contactInNewWorkspace(notes: string | null) {
  const owner = await signUp({ name: "Olive Owner" });
  const ws = await createWorkspace(owner.client);
  const contactId = await createContact(ws.id, owner.user.id, notes);
  return { owner, ws, contactId, name: `crm_contacts:${contactId}:notes` };
}

describe("editing a text field together", () => {
  it("merges two people typing at once, writes the row after the pause, and tells the team", async () => {
    const { owner, ws, contactId, name } = await contactInNewWorkspace("Met at the fair.");
    const editor = await teammate(ws.id, "editor");
    const live = await connectLive(owner.client, ws.id);
    await live.next("hello");
    const olive = await connectDoc(owner.client, ws.id, name);
    const eddie = await connectDoc(editor.client, ws.id, name);
    await Promise.all([olive.synced, eddie.synced]);
    // The text starts as the row's current value.
    expect(olive.text.toString()).toBe("Met at the fair.");
    expect(eddie.text.toString()).toBe("Met at the fair.");

    // In the same tick: neither has seen the other's edit.
    olive.text.insert(0, "Olive: ");
    eddie.text.insert(eddie.text.length, " Eddie: call back Tuesday.");
    const merged = "Olive: Met at the fair. Eddie: call back Tuesday.";
    await olive.until(() => olive.text.toString() === merged, "Olive's copy to converge");
    await eddie.until(() => eddie.text.toString() === merged, "Eddie's copy to converge");
    expect(await notesOf(contactId)).toBe("Met at the fair.");

    const searchFor = async (word: string) => {
      const res = await owner.client.fetch(`/api/v1/workspaces/${ws.id}/contacts?q=${word}`);
      return ((await res.json()) as { data: { id: string }[] }).data.map((c) => c.id);
    };
    expect(await searchFor("tuesd")).toEqual([]);

    await writeBackNow(ws.id);
    expect(await notesOf(contactId)).toBe(merged);
    // Notes are searchable: the written text is in the contact's search words at once.
    expect(await searchFor("tuesd")).toEqual([contactId]);
    const change = await live.next("change", (m) => m.entity_type === "crm_contact");
    expect(change).toMatchObject({
      entity_id: contactId,
      op: "update",
      changed: { notes: { length: merged.length } },
    });
    expect([owner.user.id, editor.user.id]).toContain(change.actor_id);
    // The feed carries the length, never the text.
    expect(JSON.stringify(change)).not.toContain("Tuesday");

    const db = database();
    const entries = await db.q
      .select()
      .from(db.t.activityLogs)
      .where(and(eq(db.t.activityLogs.entity_id, contactId), eq(db.t.activityLogs.type, "crm_contact.content_edited")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      workspace_id: ws.id,
      entity_type: "crm_contact",
      metadata: { field: "notes", length: merged.length, previous_length: "Met at the fair.".length },
    });
    expect(JSON.stringify(entries[0])).not.toContain("Tuesday");

    for (const s of [olive, eddie]) s.ws.close(1000);
    live.ws.close(1000);
  });

  it("writes the row when the last person leaves, without waiting for the alarm", async () => {
    const { owner, ws, contactId, name } = await contactInNewWorkspace(null);
    const editor = await teammate(ws.id, "editor");
    const olive = await connectDoc(owner.client, ws.id, name);
    const eddie = await connectDoc(editor.client, ws.id, name);
    await Promise.all([olive.synced, eddie.synced]);
    expect(olive.text.toString()).toBe("");
    olive.text.insert(0, "First call went well.");
    await eddie.until(() => eddie.text.toString() === "First call went well.", "Eddie to see it");
    olive.ws.close(1000);
    eddie.text.insert(eddie.text.length, " Send the quote.");
    await eddie.roundTrip();
    // Put the debounced write an hour away: only the disconnect can write the row now.
    await runInDurableObject(roomOf(ws.id), async (_room, state) => {
      state.storage.sql.exec("UPDATE doc_pending SET flush_at = flush_at + 3600000");
      await state.storage.setAlarm(Date.now() + 3_600_000);
    });
    expect(await notesOf(contactId)).toBe(null);
    eddie.ws.close(1000);
    await eventually(
      () => notesOf(contactId),
      (notes) => notes === "First call went well. Send the quote.",
      "the row to be written on the last disconnect",
    );
  });

  it("keeps the document across a restart: a new room instance has every edit and writes it back", async () => {
    const { owner, ws, contactId, name } = await contactInNewWorkspace("v1");
    const editor = await teammate(ws.id, "editor");
    const olive = await connectDoc(owner.client, ws.id, name);
    const eddie = await connectDoc(editor.client, ws.id, name);
    await Promise.all([olive.synced, eddie.synced]);
    olive.text.insert(2, " (Olive)");
    eddie.text.insert(0, "Eddie: ");
    const merged = "Eddie: v1 (Olive)";
    await olive.until(() => olive.text.toString() === merged, "convergence");
    await eddie.until(() => eddie.text.toString() === merged, "convergence");

    const stub = roomOf(ws.id);
    const text = await runInDurableObject(stub, async (_room, state) => {
      const restarted = new WorkspaceRoom(state, env);
      state.storage.sql.exec("UPDATE doc_pending SET flush_at = 0");
      const kept = await restarted.readDocText(name, ws.id);
      await restarted.alarm();
      return kept;
    });
    expect(text).toBe(merged);
    expect(await notesOf(contactId)).toBe(merged);
    olive.ws.close(1000);
    eddie.ws.close(1000);
  });

  it("folds a long history into one stored update without losing a keystroke", async () => {
    const { owner, ws, name } = await contactInNewWorkspace("Log:");
    const editor = await teammate(ws.id, "editor");
    const olive = await connectDoc(owner.client, ws.id, name);
    const eddie = await connectDoc(editor.client, ws.id, name);
    await Promise.all([olive.synced, eddie.synced]);
    for (let i = 0; i < 150; i++) olive.text.insert(olive.text.length, String(i % 10));
    const expected = `Log:${Array.from({ length: 150 }, (_, i) => String(i % 10)).join("")}`;
    await eddie.until(() => eddie.text.toString() === expected, "every keystroke to arrive");
    const stub = roomOf(ws.id);
    const { stored, text } = await runInDurableObject(stub, async (_room, state) => {
      const { n } = state.storage.sql
        .exec<{ n: number }>("SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?", name)
        .one();
      return { stored: n, text: await new WorkspaceRoom(state, env).readDocText(name, ws.id) };
    });
    expect(stored).toBeLessThanOrEqual(100);
    expect(text).toBe(expected);
    olive.ws.close(1000);
    eddie.ws.close(1000);
  });

  it("refuses an edit that would make the text longer than its field holds", async () => {
    const { owner, ws, name } = await contactInNewWorkspace("Short.");
    const editor = await teammate(ws.id, "editor");
    const olive = await connectDoc(owner.client, ws.id, name);
    const eddie = await connectDoc(editor.client, ws.id, name);
    await Promise.all([olive.synced, eddie.synced]);
    // crm_contacts.notes is TEXT in MySQL: 65,535 bytes.
    olive.text.insert(olive.text.length, "é".repeat(40_000));
    expect((await olive.closed).code).toBe(DOC_CLOSE.TOO_LARGE);
    eddie.text.insert(0, "Still ");
    await eddie.roundTrip();
    expect(eddie.text.toString()).toBe("Still Short.");
    expect(await roomOf(ws.id).readDocText(name, ws.id)).toBe("Still Short.");
    eddie.ws.close(1000);
  });

  it("relays awareness, and takes a leaver's cursor away", async () => {
    const { owner, ws, name } = await contactInNewWorkspace("Hello");
    const editor = await teammate(ws.id, "viewer");
    const olive = await connectDoc(owner.client, ws.id, name);
    await olive.synced;
    olive.announce({ user: { name: "Olive" }, cursor: 3 });
    const eddie = await connectDoc(editor.client, ws.id, name);
    await eddie.synced;
    // The room asked Olive to announce herself again, for the newcomer.
    await eddie.until(
      () => eddie.awareness.some((e) => e.clientID === olive.doc.clientID && e.state !== null),
      "Olive's cursor",
    );
    expect(olive.queriedAwareness).toBeGreaterThan(0);
    // Olive's tab dies without saying goodbye.
    olive.ws.close(1001);
    await eddie.until(
      () => eddie.awareness.some((e) => e.clientID === olive.doc.clientID && e.state === null),
      "Olive's cursor to go",
    );
    eddie.ws.close(1000);
  });
});
