import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CLOSE } from "../../durable-objects/workspace-room-protocol";
import { client, DEFAULT_PASSWORD, errorOf, ORIGIN, signUp } from "../helpers/api";
import { connectLive } from "../helpers/live";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { createToken } from "../tokens/token-helpers";

const rename = (who: ReturnType<typeof client>, id: string, name: string) =>
  who.fetch(`/api/v1/workspaces/${id}`, { method: "PATCH", json: { name } });

describe("the live change feed", () => {
  it("delivers a change made through the API to every open tab, with increasing seq", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner, "Live One");
    const editor = await teammate(ws.id, "editor");
    const tabs = await Promise.all([
      connectLive(owner, ws.id),
      connectLive(owner, ws.id),
      connectLive(editor.client, ws.id),
    ]);
    for (const tab of tabs) await tab.next("hello");

    expect((await rename(owner, ws.id, "Live Two")).status).toBe(200);
    expect((await rename(owner, ws.id, "Live Three")).status).toBe(200);
    for (const tab of tabs) {
      const first = await tab.next("change");
      const second = await tab.next("change");
      expect(first).toMatchObject({ entity_type: "workspace", entity_id: ws.id, op: "update" });
      expect(first.changed).toMatchObject({ name: { from: "Live One", to: "Live Two" } });
      expect(second.seq).toBeGreaterThan(first.seq);
    }
    for (const tab of tabs) tab.ws.close(1000);
  });

  it("replays exactly the missed changes to a tab that reconnects with since", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner, "Gap 0");
    const tab = await connectLive(owner, ws.id);
    const hello = await tab.next("hello");
    await rename(owner, ws.id, "Gap 1");
    const seen = await tab.next("change");
    tab.ws.close(1000);
    await rename(owner, ws.id, "Gap 2");
    await rename(owner, ws.id, "Gap 3");
    const back = await connectLive(owner, ws.id, { since: seen.seq });
    const replayed = [await back.next("change"), await back.next("change")];
    expect(replayed.map((e) => (e.changed as { name: { to: string } }).name.to)).toEqual(["Gap 2", "Gap 3"]);
    expect(replayed[0]!.seq).toBe(seen.seq + 1);
    expect(back.messages.filter((m) => m.type === "change")).toHaveLength(0);
    expect(hello.seq).toBeLessThan(seen.seq);

    const ahead = await connectLive(owner, ws.id, { since: 10_000_000 });
    expect(await ahead.next("resync")).toMatchObject({ type: "resync" });
    back.ws.close(1000);
    ahead.ws.close(1000);
  });

  it("shows presence: who is online with how many tabs, what they view, and who left", async () => {
    const { client: owner, user } = await signUp({ name: "Olive Owner" });
    const ws = await createWorkspace(owner);
    const viewer = await teammate(ws.id, "viewer");
    const a = await connectLive(owner, ws.id);
    await a.next("hello");
    const b = await connectLive(viewer.client, ws.id);
    const hello = await b.next("hello");
    expect(hello.presence.map((p) => p.name)).toContain("Olive Owner");
    a.send({ type: "presence", viewing: { entity_type: "crm_contact", entity_id: "c1" }, editing: "notes" });
    const update = await b.next("presence", (m) =>
      m.presence.some((p) => p.user_id === user.id && p.viewing.some((v) => v.editing === "notes")),
    );
    expect(update.presence.find((p) => p.user_id === user.id)).toMatchObject({ tabs: 1, status: "active" });
    a.ws.close(1000);
    await b.next("presence", (m) => m.presence.some((p) => p.user_id === user.id && p.tabs === 0));
    b.ws.close(1000);
  });

  it("refuses malformed and oversized messages without disturbing other sockets", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner, "Noisy");
    const rude = await connectLive(owner, ws.id);
    const calm = await connectLive(owner, ws.id);
    await rude.next("hello");
    await calm.next("hello");
    rude.send("not json");
    expect(await rude.next("error")).toMatchObject({ code: "bad_message" });
    rude.send({ type: "presence", viewing: { entity_type: "x".repeat(100), entity_id: "1" } });
    expect(await rude.next("error")).toMatchObject({ code: "bad_message" });
    rude.send({ type: "presence", editing: "y".repeat(20_000) });
    expect(await rude.next("error")).toMatchObject({ code: "too_large" });
    await rename(owner, ws.id, "Still calm");
    expect(await calm.next("change")).toMatchObject({ entity_type: "workspace" });
    rude.ws.close(1000);
    calm.ws.close(1000);
  });

  it("authorises before the room: strangers get 404, cross-site cookies 403, plain GET 426", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const stranger = await signUp();
    const denied = await SELF.fetch(`${ORIGIN}/api/v1/workspaces/${ws.id}/live`, {
      headers: { Upgrade: "websocket", Origin: ORIGIN, Cookie: stranger.client.cookie ?? "" },
    });
    expect(denied.status).toBe(404);
    const crossSite = await SELF.fetch(`${ORIGIN}/api/v1/workspaces/${ws.id}/live`, {
      headers: { Upgrade: "websocket", Origin: "https://evil.example", Cookie: owner.cookie ?? "" },
    });
    expect(crossSite.status).toBe(403);
    expect((await errorOf(crossSite)).details).toEqual({ reason: "origin" });
    expect((await owner.fetch(`/api/v1/workspaces/${ws.id}/live`)).status).toBe(426);
    expect((await client().fetch(`/api/v1/workspaces/${ws.id}/live`)).status).toBe(401);
  });

  it("closes a socket when its session signs out", async () => {
    const { client: owner, email } = await signUp();
    const ws = await createWorkspace(owner);
    const other = client();
    await other.fetch("/api/v1/auth/login", { method: "POST", json: { email, password: DEFAULT_PASSWORD } });
    const mine = await connectLive(owner, ws.id);
    const theirs = await connectLive(other, ws.id);
    await mine.next("hello");
    await theirs.next("hello");
    expect((await other.fetch("/api/v1/auth/logout", { method: "POST" })).status).toBe(204);
    expect(await theirs.closed).toMatchObject({ code: CLOSE.SESSION_ENDED });
    await rename(owner, ws.id, "Still here");
    expect(await mine.next("change")).toMatchObject({ entity_type: "workspace" });
    mine.ws.close(1000);
  });

  it("closes the sockets of a revoked API token, and only those", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const revoked = await createToken(owner, { name: "dashboard", abilities: ["workspaces:read"] });
    const kept = await createToken(owner, { name: "kiosk", abilities: ["workspaces:read"] });
    const byToken = (plain: string) =>
      connectLive(client(), ws.id, { query: `access_token=${encodeURIComponent(plain)}` });
    const [doomed, staying, mine] = await Promise.all([
      byToken(revoked.plain_text_token),
      byToken(kept.plain_text_token),
      connectLive(owner, ws.id),
    ]);
    await Promise.all([doomed.next("hello"), staying.next("hello"), mine.next("hello")]);
    expect((await owner.fetch(`/api/v1/tokens/${revoked.token.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await doomed.closed).toMatchObject({ code: CLOSE.SESSION_ENDED });
    await rename(owner, ws.id, "Tokens checked");
    expect(await staying.next("change")).toMatchObject({ entity_type: "workspace" });
    expect(await mine.next("change")).toMatchObject({ entity_type: "workspace" });
    staying.ws.close(1000);
    mine.ws.close(1000);
  });
});

describe("the room's memory", () => {
  it("keeps its feed across a restart: a new instance continues the numbering and replays", async () => {
    const { env, runInDurableObject } = await import("cloudflare:test");
    const { WorkspaceRoom } = await import("../../durable-objects/workspace-room");
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner, "Durable 0");
    await rename(owner, ws.id, "Durable 1");
    await rename(owner, ws.id, "Durable 2");
    const stub = env.WORKSPACE_ROOM.get(env.WORKSPACE_ROOM.idFromName(ws.id));
    const seqs = await runInDurableObject(stub, async (_room, state) => {
      const restarted = new WorkspaceRoom(state, env);
      const next = await restarted.publish([
        { entity_type: "workspace", entity_id: ws.id, op: "update", actor_id: null, read_permission: "workspace.read" },
      ]);
      const kept = state.storage.sql.exec<{ seq: number }>("SELECT seq FROM events ORDER BY seq").toArray();
      return { next, kept: kept.map((r) => r.seq) };
    });
    expect(seqs.kept).toEqual([1, 2, 3]);
    expect(seqs.next).toBe(3);
    const tab = await connectLive(owner, ws.id, { since: 1 });
    expect((await tab.next("change")).seq).toBe(2);
    expect((await tab.next("change")).seq).toBe(3);
    tab.ws.close(1000);
  });

  it("asks for a resync when the feed no longer reaches back far enough", async () => {
    const { env, runInDurableObject, runDurableObjectAlarm } = await import("cloudflare:test");
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner, "Old 0");
    const stub = env.WORKSPACE_ROOM.get(env.WORKSPACE_ROOM.idFromName(ws.id));
    await runInDurableObject(stub, async (room) => {
      for (let i = 0; i < 10_005; i += 500) {
        await room.publish(
          Array.from({ length: 500 }, () => ({
            entity_type: "workspace",
            entity_id: ws.id,
            op: "update" as const,
            actor_id: null,
            read_permission: "workspace.read",
          })),
        );
      }
    });
    // Age everything by two days, then let the hourly alarm prune.
    await runInDurableObject(stub, async (_room, state) => {
      state.storage.sql.exec("UPDATE events SET at = at - ?", 2 * 24 * 60 * 60 * 1000);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const kept = await runInDurableObject(stub, (_room, state) =>
      state.storage.sql
        .exec<{ n: number; oldest: number }>("SELECT COUNT(*) AS n, MIN(seq) AS oldest FROM events")
        .one(),
    );
    expect(kept.n).toBe(10_000);
    const stale = await connectLive(owner, ws.id, { since: 3 });
    expect(await stale.next("resync")).toMatchObject({ type: "resync" });
    const recent = await connectLive(owner, ws.id, { since: kept.oldest });
    expect((await recent.next("change")).seq).toBe(kept.oldest + 1);
    stale.ws.close(1000);
    recent.ws.close(1000);
  });
});

describe("access ending while connected", () => {
  it("closes a removed member's sockets with 4403 and re-scopes a changed role", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const editor = await teammate(ws.id, "editor");
    const viewer = await teammate(ws.id, "viewer");
    const editorTab = await connectLive(editor.client, ws.id);
    const viewerTab = await connectLive(viewer.client, ws.id);
    await editorTab.next("hello");
    await viewerTab.next("hello");
    const members = (await (await owner.fetch(`/api/v1/workspaces/${ws.id}/members`)).json()) as {
      data: { id: string; user: { id: string } }[];
    };
    const memberIdOf = (userId: string) => members.data.find((m) => m.user.id === userId)!.id;

    const removed = await owner.fetch(`/api/v1/workspaces/${ws.id}/members/${memberIdOf(viewer.user.id)}`, {
      method: "DELETE",
    });
    expect(removed.status).toBe(204);
    expect(await viewerTab.closed).toMatchObject({ code: CLOSE.ACCESS_REVOKED });
    // As an editor they saw the removal…
    expect(await editorTab.next("change", (m) => m.entity_type === "workspace_member")).toMatchObject({ op: "delete" });
    editorTab.messages.length = 0;

    // …demoted to guest: still connected, but member changes are no longer theirs to see.
    await owner.fetch(`/api/v1/workspaces/${ws.id}/members/${memberIdOf(editor.user.id)}`, {
      method: "PATCH",
      json: { role: "guest" },
    });
    await rename(owner, ws.id, "After demotion");
    const change = await editorTab.next("change", (m) => m.entity_type === "workspace");
    expect(change.changed).toMatchObject({ name: { to: "After demotion" } });
    expect(editorTab.messages.some((m) => m.type === "change" && m.entity_type === "workspace_member")).toBe(false);
    editorTab.ws.close(1000);
  });

  it("closes every socket when the workspace is deleted", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const tab = await connectLive(owner, ws.id);
    await tab.next("hello");
    const res = await owner.fetch(`/api/v1/workspaces/${ws.id}`, { method: "DELETE", json: { confirm_slug: ws.slug } });
    expect(res.status).toBe(204);
    expect(await tab.closed).toMatchObject({ code: CLOSE.ACCESS_REVOKED });
  });
});
