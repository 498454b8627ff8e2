import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CLOSE } from "../../durable-objects/workspace-room-protocol";
import { client, DEFAULT_PASSWORD, errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { createToken } from "../tokens/token-helpers";
import { connectDoc, createCampaign, createContact, createLesson, requestDoc } from "./doc-client";

const roomOf = (workspaceId: string) => env.WORKSPACE_ROOM.get(env.WORKSPACE_ROOM.idFromName(workspaceId));

describe("who may open a document", () => {
  it("answers 404 before any upgrade for malformed names, unknown fields and rows of other workspaces", async () => {
    const { client: owner, user } = await signUp();
    const mine = await createWorkspace(owner, "Mine");
    const other = await createWorkspace(owner, "Other");
    const contact = await createContact(mine.id, user.id, "x");
    const foreign = await createContact(other.id, user.id, "secret");
    const foreignLesson = await createLesson(other.id, user.id, "secret");
    for (const name of [
      "nonsense",
      "crm_contacts:notes",
      `crm_contacts:${contact}:`,
      `crm_contacts:${contact}:email`,
      `users:${contact}:name`,
      `crm_contacts:not-a-uuid:notes`,
      `crm_contacts:${foreign}:notes`,
      `course_lessons:${foreignLesson}:content`,
      "crm_contacts:01900000-0000-7000-8000-000000000000:notes",
    ]) {
      const res = await requestDoc(owner, mine.id, name);
      expect(res.webSocket, name).toBeFalsy();
      expect(res.status, name).toBe(404);
      expect((await errorOf(res)).code).toBe("not_found");
    }
  });

  it("gates the workspace and the field's read permission like any route", async () => {
    const { client: owner, user } = await signUp();
    const ws = await createWorkspace(owner);
    const name = `crm_contacts:${await createContact(ws.id, user.id, "x")}:notes`;
    const stranger = await signUp();
    expect((await requestDoc(stranger.client, ws.id, name)).status).toBe(404);
    const guest = await teammate(ws.id, "guest");
    expect((await requestDoc(guest.client, ws.id, name)).status).toBe(403);
    expect((await requestDoc(null, ws.id, name)).status).toBe(401);
    const crossSite = await requestDoc(owner, ws.id, name, { headers: { Origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect((await owner.fetch(`/api/v1/workspaces/${ws.id}/docs/${name}`)).status).toBe(426);
  });

  it("opens a lesson through its course's workspace", async () => {
    const { client: owner, user } = await signUp();
    const ws = await createWorkspace(owner);
    const lesson = await createLesson(ws.id, user.id, "Knead the clay.");
    const socket = await connectDoc(owner, ws.id, `course_lessons:${lesson}:content`);
    await socket.synced;
    expect(socket.text.toString()).toBe("Knead the clay.");
    socket.ws.close(1000);
  });
});

describe("read-only sockets", () => {
  it("drops a viewer's edits while the viewer still hears everyone else", async () => {
    const { client: owner, user } = await signUp();
    const ws = await createWorkspace(owner);
    const name = `crm_contacts:${await createContact(ws.id, user.id, "Agreed terms.")}:notes`;
    const viewer = await teammate(ws.id, "viewer");
    const olive = await connectDoc(owner, ws.id, name);
    const vic = await connectDoc(viewer.client, ws.id, name);
    await Promise.all([olive.synced, vic.synced]);
    vic.text.insert(0, "HACKED ");
    await vic.roundTrip();
    expect(await roomOf(ws.id).readDocText(name, ws.id)).toBe("Agreed terms.");
    olive.text.insert(olive.text.length, " Signed.");
    await vic.until(() => vic.text.toString().endsWith("Signed."), "the viewer to hear the owner");
    await olive.roundTrip();
    expect(olive.text.toString()).toBe("Agreed terms. Signed.");
    olive.ws.close(1000);
    vic.ws.close(1000);
  });

  it("lets a contributor edit their own campaign and only read someone else's", async () => {
    const { client: owner, user } = await signUp();
    const ws = await createWorkspace(owner);
    const contributor = await teammate(ws.id, "contributor");
    const own = `email_campaigns:${await createCampaign(ws.id, contributor.user.id, "Mine")}:content`;
    const theirs = `email_campaigns:${await createCampaign(ws.id, user.id, "Theirs")}:content`;
    const a = await connectDoc(contributor.client, ws.id, own);
    const b = await connectDoc(contributor.client, ws.id, theirs);
    await Promise.all([a.synced, b.synced]);
    a.text.insert(4, " too");
    b.text.insert(6, " too");
    await Promise.all([a.roundTrip(), b.roundTrip()]);
    expect(await roomOf(ws.id).readDocText(own, ws.id)).toBe("Mine too");
    expect(await roomOf(ws.id).readDocText(theirs, ws.id)).toBe("Theirs");
    a.ws.close(1000);
    b.ws.close(1000);
  });

  it("takes a token's abilities into account: crm:read alone joins read-only", async () => {
    const { client: owner, user } = await signUp();
    const ws = await createWorkspace(owner);
    const name = `crm_contacts:${await createContact(ws.id, user.id, "Base")}:notes`;
    const reader = await createToken(owner, { name: "reader", abilities: ["workspaces:read", "crm:read"] });
    const writer = await createToken(owner, {
      name: "writer",
      abilities: ["workspaces:read", "crm:read", "crm:write"],
    });
    const r = await connectDoc(null, ws.id, name, {
      query: `access_token=${encodeURIComponent(reader.plain_text_token)}`,
    });
    const w = await connectDoc(null, ws.id, name, {
      query: `access_token=${encodeURIComponent(writer.plain_text_token)}`,
    });
    await Promise.all([r.synced, w.synced]);
    r.text.insert(0, "R ");
    w.text.insert(4, " W");
    await Promise.all([r.roundTrip(), w.roundTrip()]);
    expect(await roomOf(ws.id).readDocText(name, ws.id)).toBe("Base W");
    r.ws.close(1000);
    w.ws.close(1000);
  });
});

describe("misbehaving clients", () => {
  it("closes a socket that keeps sending frames the protocol does not have", async () => {
    const { client: owner, user } = await signUp();
    const ws = await createWorkspace(owner);
    const name = `crm_contacts:${await createContact(ws.id, user.id, "Base")}:notes`;
    const socket = await connectDoc(owner, ws.id, name);
    await socket.synced;
    for (let i = 0; i < 10; i++) socket.send(new Uint8Array([0, 7, 1, 2]));
    expect((await socket.closed).code).toBe(CLOSE.POLICY);
    expect(await roomOf(ws.id).readDocText(name, ws.id)).toBe("Base");
  });
});

describe("when access ends", () => {
  it("closes document sockets when the member loses read access, and makes them read-only when they lose write", async () => {
    const { client: owner, user } = await signUp();
    const ws = await createWorkspace(owner);
    const name = `crm_contacts:${await createContact(ws.id, user.id, "Base")}:notes`;
    const editor = await teammate(ws.id, "editor");
    const socket = await connectDoc(editor.client, ws.id, name);
    await socket.synced;
    const room = roomOf(ws.id);
    await room.updateMemberAccess(editor.user.id, ["workspace.read", "crm.contacts.read"]);
    socket.text.insert(0, "Late ");
    await socket.roundTrip();
    expect(await room.readDocText(name, ws.id)).toBe("Base");
    await room.updateMemberAccess(editor.user.id, null);
    expect((await socket.closed).code).toBe(CLOSE.ACCESS_REVOKED);
  });

  it("closes a document socket when its session signs out", async () => {
    const { client: owner, user, email } = await signUp();
    const ws = await createWorkspace(owner);
    const name = `crm_contacts:${await createContact(ws.id, user.id, "Base")}:notes`;
    const other = client();
    await other.fetch("/api/v1/auth/login", { method: "POST", json: { email, password: DEFAULT_PASSWORD } });
    const socket = await connectDoc(other, ws.id, name);
    await socket.synced;
    expect((await other.fetch("/api/v1/auth/logout", { method: "POST" })).status).toBe(204);
    expect((await socket.closed).code).toBe(CLOSE.SESSION_ENDED);
  });
});
