// WorkspaceRoom: one per workspace (idFromName(workspaceId)). It fans every
// committed change out to the team's open tabs, keeps a replayable feed so a tab
// that reconnects gets exactly what it missed, and tracks who is online and what
// they look at. It also hosts collaborative text (collaborative-docs.ts) on sockets
// of their own. Sockets use the Hibernation API: an idle room costs nothing, and
// pings are answered without waking it.
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/lib/env";
import { CollaborativeDocs, isDocAttachment } from "./collaborative-docs";
import { DocGrant } from "./doc-protocol";
import {
  type ChangeEvent,
  type ChangeInput,
  CLOSE,
  ClientMessage,
  MAX_CLIENT_MESSAGE_BYTES,
  type PresenceEntry,
  type SingleServerMessage,
  SocketIdentity,
} from "./workspace-room-protocol";

/** The feed keeps at least a day, and at least this many events, for reconnecting tabs. */
const RETAIN_MS = 24 * 60 * 60 * 1000;
const RETAIN_EVENTS = 10_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const MAX_STRIKES = 10;
/** Presence changes are gathered this long and sent as one frame: a hundred tabs opening at once make one message, not a hundred. */
const PRESENCE_FLUSH_MS = 100;
const FRAME_MESSAGES = 200;
/** The change feed's sockets carry this tag, so a fan-out finds them without reading every socket's attachment. */
const FEED_TAG = "feed";

type Attachment = {
  identity: SocketIdentity;
  connection_id: string;
  viewing: { entity_type: string; entity_id: string } | null;
  editing: string | null;
  status: "active" | "idle";
  strikes: number;
};

export class WorkspaceRoom extends DurableObject {
  private seq: number;
  /** Users whose presence changed since the last presence frame. */
  private presenceDirty = new Set<string>();
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly docs: CollaborativeDocs;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.docs = new CollaborativeDocs(ctx, env as Env, {
      publish: (changes) => this.publish(changes),
      wakeBy: (at) => this.wakeBy(at),
    });
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
    ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, read_permission TEXT NOT NULL, payload TEXT NOT NULL)",
    );
    const row = ctx.storage.sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM events").one();
    this.seq = Math.max(row.seq ?? 0, ctx.storage.kv.get<number>("seq") ?? 0);
  }

  /** The worker forwards an authorised upgrade here, with the socket's identity in a header. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade") !== "websocket") return new Response("Expected a WebSocket", { status: 426 });
    const identity = SocketIdentity.parse(JSON.parse(request.headers.get("X-Socket-Identity") ?? "null"));
    if (new URL(request.url).pathname === "/doc") {
      return this.docs.connect(identity, DocGrant.parse(JSON.parse(request.headers.get("X-Doc-Grant") ?? "null")));
    }
    const since = new URL(request.url).searchParams.get("since");

    const { 0: client, 1: server } = new WebSocketPair();
    const tags = [FEED_TAG, `user:${identity.user_id}`, `credential:${identity.credential}`];
    this.ctx.acceptWebSocket(server, tags);
    const attachment: Attachment = {
      identity,
      connection_id: crypto.randomUUID(),
      viewing: null,
      editing: null,
      status: "active",
      strikes: 0,
    };
    server.serializeAttachment(attachment);

    const greeting: SingleServerMessage[] = [{ type: "hello", seq: this.seq, presence: this.presence() }];
    if (since !== null) greeting.push(...this.missedSince(Number(since), identity.permissions));
    this.send(server, greeting);
    this.presenceChanged(identity.user_id);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Called by the worker after a commit: number the changes, keep them, and fan them out. */
  async publish(changes: ChangeInput[]): Promise<number> {
    const at = Date.now();
    const events: { event: ChangeEvent; permission: string }[] = [];
    for (const { read_permission, ...change } of changes) {
      const event: ChangeEvent = { type: "change", seq: ++this.seq, at: new Date(at).toISOString(), ...change };
      this.ctx.storage.sql.exec(
        "INSERT INTO events (seq, at, read_permission, payload) VALUES (?, ?, ?, ?)",
        event.seq,
        at,
        read_permission,
        JSON.stringify(event),
      );
      events.push({ event, permission: read_permission });
    }
    this.ctx.storage.kv.put("seq", this.seq);
    // Sockets with the same permissions get the same frames: serialise once per group, not per socket.
    const frames = new Map<string, string[]>();
    for (const ws of this.liveSockets()) {
      const { identity } = ws.deserializeAttachment() as Attachment;
      const key = identity.permissions.join(",");
      let group = frames.get(key);
      if (!group) {
        group = this.frames(events.filter((e) => identity.permissions.includes(e.permission)).map((e) => e.event));
        frames.set(key, group);
      }
      this.sendFrames(ws, group);
    }
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + PRUNE_EVERY_MS);
    return this.seq;
  }

  /** The current text of a collaborative field, edits not yet written back included (null: no such field). */
  async readDocText(docName: string, workspaceId: string): Promise<string | null> {
    return this.docs.readText(docName, workspaceId);
  }

  /** A member removed or suspended, or their role changed: close or re-scope their sockets. */
  async updateMemberAccess(userId: string, permissions: string[] | null): Promise<number> {
    let affected = 0;
    for (const ws of this.ctx.getWebSockets(`user:${userId}`)) {
      affected++;
      if (!permissions?.includes("workspace.read")) {
        ws.close(CLOSE.ACCESS_REVOKED, "Your access to this workspace ended.");
        continue;
      }
      const attachment = ws.deserializeAttachment() as Attachment;
      ws.serializeAttachment({ ...attachment, identity: { ...attachment.identity, permissions } });
    }
    if (affected) this.presenceChanged(userId);
    return affected + this.docs.updateMemberAccess(userId, permissions);
  }

  /** The workspace is gone: every socket closes, and the feed and documents are dropped. */
  async closeWorkspace(): Promise<void> {
    for (const ws of this.ctx.getWebSockets()) ws.close(CLOSE.ACCESS_REVOKED, "This workspace was deleted.");
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }

  /** Sessions signed out or revoked, API tokens revoked: their sockets close at once. */
  async endCredentials(credentials: string[]): Promise<number> {
    let closed = 0;
    for (const id of credentials) {
      for (const ws of this.ctx.getWebSockets(`credential:${id}`)) {
        ws.close(CLOSE.SESSION_ENDED, "Your session ended. Sign in again.");
        this.presenceChanged((ws.deserializeAttachment() as Attachment).identity.user_id);
        closed++;
      }
    }
    return closed + this.docs.endCredentials(credentials);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const attachment = ws.deserializeAttachment() as Attachment;
    if (isDocAttachment(attachment)) return this.docs.message(ws, message);
    const size = typeof message === "string" ? message.length : message.byteLength;
    const refuse = (code: string, text: string) => {
      attachment.strikes++;
      ws.serializeAttachment(attachment);
      if (attachment.strikes >= MAX_STRIKES) ws.close(CLOSE.POLICY, "Too many invalid messages.");
      else this.send(ws, [{ type: "error", code, message: text }]);
    };
    if (size > MAX_CLIENT_MESSAGE_BYTES) return refuse("too_large", "Messages are limited to 16 KB.");
    if (typeof message !== "string") return refuse("bad_message", "Send JSON text frames.");
    let parsed: ClientMessage;
    try {
      parsed = ClientMessage.parse(JSON.parse(message));
    } catch {
      return refuse("bad_message", "The message is not one the room understands.");
    }
    if (parsed.viewing !== undefined) attachment.viewing = parsed.viewing;
    if (parsed.editing !== undefined) attachment.editing = parsed.editing;
    if (parsed.status) attachment.status = parsed.status;
    ws.serializeAttachment(attachment);
    // Flushed on a timer: however fast a tab reports, the room sends at most ten presence frames a second.
    this.presenceChanged(attachment.identity.user_id);
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      ws.close(code === 1005 ? 1000 : code, "closing");
    } catch {
      // already closed
    }
    if (isDocAttachment(ws.deserializeAttachment())) return this.docs.closed(ws);
    this.presenceChanged((ws.deserializeAttachment() as Attachment).identity.user_id);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    if (isDocAttachment(ws.deserializeAttachment())) return this.docs.closed(ws);
    this.presenceChanged((ws.deserializeAttachment() as Attachment).identity.user_id);
  }

  /** One alarm, two jobs: prune the feed (hourly while sockets are open) and write documents back when due. */
  override async alarm(): Promise<void> {
    this.ctx.storage.sql.exec(
      "DELETE FROM events WHERE at < ? AND seq <= ?",
      Date.now() - RETAIN_MS,
      this.seq - RETAIN_EVENTS,
    );
    await this.docs.flushDue(Date.now());
    const prune = this.ctx.getWebSockets().length > 0 ? Date.now() + PRUNE_EVERY_MS : null;
    const flush = this.docs.nextFlushAt();
    const next = prune === null ? flush : flush === null ? prune : Math.min(prune, flush);
    if (next !== null) await this.ctx.storage.setAlarm(next);
  }

  /** Brings the alarm forward to `at` when it would ring later, or not at all. */
  private async wakeBy(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /** The change feed's sockets: document sockets speak y-protocols and have no presence. */
  private liveSockets(): WebSocket[] {
    return this.ctx.getWebSockets(FEED_TAG);
  }

  /** Events after `since` the socket may read, or a resync when the feed no longer reaches back that far. */
  private missedSince(since: number, permissions: string[]): SingleServerMessage[] {
    if (!Number.isInteger(since) || since < 0 || since > this.seq) return [{ type: "resync", seq: this.seq }];
    if (since === this.seq) return [];
    const oldest = this.ctx.storage.sql.exec<{ seq: number | null }>("SELECT MIN(seq) AS seq FROM events").one().seq;
    if (oldest === null || oldest > since + 1) return [{ type: "resync", seq: this.seq }];
    const rows = this.ctx.storage.sql
      .exec<{ read_permission: string; payload: string }>(
        "SELECT read_permission, payload FROM events WHERE seq > ? ORDER BY seq",
        since,
      )
      .toArray();
    return rows.filter((r) => permissions.includes(r.read_permission)).map((r) => JSON.parse(r.payload) as ChangeEvent);
  }

  /** Everyone online, one entry per user with their open tabs folded together. */
  private presence(): PresenceEntry[] {
    const users = new Set<string>();
    for (const ws of this.liveSockets()) {
      users.add((ws.deserializeAttachment() as Attachment).identity.user_id);
    }
    return [...users].map((id) => this.presenceOf(id)).filter((entry) => entry.tabs > 0);
  }

  /** One user's presence; `tabs: 0` means they left. */
  private presenceOf(userId: string): PresenceEntry {
    const entry: PresenceEntry = { user_id: userId, name: "", avatar: null, tabs: 0, status: "idle", viewing: [] };
    for (const ws of this.ctx.getWebSockets(`user:${userId}`)) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      const a = ws.deserializeAttachment() as Attachment;
      entry.name = a.identity.name;
      entry.avatar = a.identity.avatar;
      entry.tabs++;
      if (a.status === "active") entry.status = "active";
      if (a.viewing) entry.viewing.push({ ...a.viewing, editing: a.editing });
    }
    return entry;
  }

  private presenceChanged(userId: string) {
    this.presenceDirty.add(userId);
    this.presenceTimer ??= setTimeout(() => this.flushPresence(), PRESENCE_FLUSH_MS);
  }

  /** Sends what changed since the last flush: the entries of the users concerned, to every tab. */
  private flushPresence() {
    this.presenceTimer = null;
    const changed = [...this.presenceDirty].map((id) => this.presenceOf(id));
    this.presenceDirty.clear();
    if (changed.length === 0) return;
    const frames = this.frames([{ type: "presence", presence: changed }]);
    for (const ws of this.liveSockets()) this.sendFrames(ws, frames);
  }

  /** A single message as is, several as batches of at most FRAME_MESSAGES (a frame must stay under 1 MiB). */
  private frames(messages: SingleServerMessage[]): string[] {
    if (messages.length <= 1) return messages.map((m) => JSON.stringify(m));
    const out: string[] = [];
    for (let i = 0; i < messages.length; i += FRAME_MESSAGES) {
      out.push(JSON.stringify({ type: "batch", messages: messages.slice(i, i + FRAME_MESSAGES) }));
    }
    return out;
  }

  private send(ws: WebSocket, messages: SingleServerMessage[]) {
    this.sendFrames(ws, this.frames(messages));
  }

  private sendFrames(ws: WebSocket, frames: string[]) {
    if (frames.length === 0 || ws.readyState !== WebSocket.OPEN) return;
    try {
      for (const frame of frames) ws.send(frame);
    } catch {
      // the socket is closing; its close handler tidies up
    }
  }
}
