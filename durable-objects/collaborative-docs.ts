// Collaborative text, hosted by the WorkspaceRoom: one Y.Doc per field (named
// `{table}:{rowId}:{column}`), spoken over y-protocols sync + awareness. Storage is
// the source of truth: an accepted update is stored before it is relayed, a document
// is rebuilt from storage after hibernation or eviction, and its plain text is
// written back to the field's row shortly after people stop typing and when the
// last of them leaves.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { type FieldRow, lengthRefusal, parseDocName } from "../worker/features/docs/collaborative-fields";
import { type WriteBack, writeBackField } from "../worker/features/docs/write-back-field";
import { databaseFor } from "../worker/lib/db";
import type { Env } from "../worker/lib/env";
import { DOC_CLOSE, DOC_MESSAGE, DOC_TEXT, type DocGrant } from "./doc-protocol";
import { type ChangeInput, CLOSE, type SocketIdentity } from "./workspace-room-protocol";

/** The row is written this long after the last edit… */
const WRITE_BACK_DELAY_MS = 2_000;
/** …and at least this often while people keep typing. */
const WRITE_BACK_MAX_WAIT_MS = 30_000;
const RETRY_MS = 5_000;
const RETRY_MAX_MS = 10 * 60 * 1000;
/** A document with more stored updates than this is folded into one. */
const COMPACT_AFTER = 100;
const MAX_AWARENESS_BYTES = 16 * 1024;
/** Awareness client ids remembered per socket (a provider has one; the attachment must stay under 2 KB). */
const MAX_TRACKED_CLIENTS = 4;
const MAX_STRIKES = 10;

export type DocAttachment = {
  kind: "doc";
  doc: string;
  workspace_id: string;
  user_id: string;
  name: string;
  read_permission: string;
  write_permission: string | null;
  /** [clientID, clock] of the awareness states this socket announced, removed for the others when it goes. */
  clients: [number, number][];
  strikes: number;
};

export const isDocAttachment = (value: unknown): value is DocAttachment =>
  (value as { kind?: unknown } | null)?.kind === "doc";

type Pending = {
  workspace_id: string;
  editor_id: string;
  editor_name: string;
  version: number;
  attempts: number;
};

type Hooks = {
  /** The room's own change feed. */
  publish(changes: ChangeInput[]): Promise<unknown>;
  /** Make sure the room's alarm rings no later than `at`. */
  wakeBy(at: number): Promise<void>;
};

export class CollaborativeDocs {
  private readonly ctx: DurableObjectState;
  private readonly env: Env;
  private readonly hooks: Hooks;
  /** Loaded documents; empty again after every wake from hibernation. */
  private readonly docs = new Map<string, Y.Doc>();
  /** The row behind each loaded document as it was when loaded: its own limits apply as people type. */
  private readonly rows = new Map<string, FieldRow | null>();
  private readonly loading = new Map<string, Promise<Y.Doc>>();
  private readonly flushes = new Map<string, Promise<void>>();

  constructor(ctx: DurableObjectState, env: Env, hooks: Hooks) {
    this.ctx = ctx;
    this.env = env;
    this.hooks = hooks;
    const { sql } = ctx.storage;
    sql.exec(
      "CREATE TABLE IF NOT EXISTS doc_updates (id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL)",
    );
    sql.exec("CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc, id)");
    // One row per document whose text has not reached its database row yet.
    sql.exec(
      "CREATE TABLE IF NOT EXISTS doc_pending (doc TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, editor_id TEXT NOT NULL, editor_name TEXT NOT NULL, version INTEGER NOT NULL, dirty_since INTEGER NOT NULL, flush_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0)",
    );
  }

  /** Accepts a socket the worker authorised for one document. */
  async connect(identity: SocketIdentity, grant: DocGrant): Promise<Response> {
    const doc = await this.load(grant.doc, grant.workspace_id);
    // The worker found the row editable just now: a copy cached while it was locked is out of date.
    if (grant.write_permission !== null && this.rows.get(grant.doc)?.locked) {
      const target = parseDocName(grant.doc);
      if (target)
        this.rows.set(grant.doc, await target.field.find(databaseFor(this.env), grant.workspace_id, target.rowId));
    }
    const { 0: client, 1: server } = new WebSocketPair();
    // Tags of their own: the change feed's `user:`/`credential:` sockets speak JSON and carry presence.
    const tags = [`doc:${grant.doc}`, `doc-user:${identity.user_id}`, `doc-credential:${identity.credential}`];
    this.ctx.acceptWebSocket(server, tags);
    const attachment: DocAttachment = {
      kind: "doc",
      doc: grant.doc,
      workspace_id: grant.workspace_id,
      user_id: identity.user_id,
      name: identity.name,
      read_permission: grant.read_permission,
      write_permission: grant.write_permission,
      clients: [],
      strikes: 0,
    };
    server.serializeAttachment(attachment);
    // The room's state vector: the client answers with whatever the room lacks (edits made offline).
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, DOC_MESSAGE.SYNC);
    syncProtocol.writeSyncStep1(step1, doc);
    send(server, encoding.toUint8Array(step1));
    // The room keeps no awareness of its own: it asks the others to announce theirs, so the newcomer sees them now.
    const query = new Uint8Array([DOC_MESSAGE.QUERY_AWARENESS]);
    for (const other of this.sockets(grant.doc)) if (other !== server) send(other, query);
    return new Response(null, { status: 101, webSocket: client });
  }

  async message(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const a = ws.deserializeAttachment() as DocAttachment;
    if (typeof message === "string") return this.strike(ws);
    const decoder = decoding.createDecoder(new Uint8Array(message));
    let type: number;
    try {
      type = decoding.readVarUint(decoder);
    } catch {
      return this.strike(ws);
    }
    if (type === DOC_MESSAGE.AWARENESS) {
      try {
        this.relayAwareness(ws, a, decoding.readVarUint8Array(decoder), message);
      } catch {
        this.strike(ws);
      }
      return;
    }
    // Auth and awareness queries from a client carry nothing the room needs.
    if (type !== DOC_MESSAGE.SYNC) return;
    let doc: Y.Doc;
    try {
      doc = await this.load(a.doc, a.workspace_id);
    } catch (err) {
      logError("doc load failed", a.doc, err);
      ws.close(DOC_CLOSE.UNAVAILABLE, "The document could not be loaded. Reconnect to try again.");
      return;
    }
    try {
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, DOC_MESSAGE.SYNC);
        syncProtocol.readSyncStep1(decoder, reply, doc);
        send(ws, encoding.toUint8Array(reply));
      } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(decoder);
        // Read again: the member's access may have changed while the document loaded.
        const current = ws.deserializeAttachment() as DocAttachment;
        // A read-only socket's edits are dropped: not applied, not stored, not relayed. It still hears everyone else.
        if (current.write_permission !== null) await this.accept(ws, current, doc, update);
      } else {
        this.strike(ws);
      }
    } catch {
      this.strike(ws);
    }
  }

  /** A socket closed or failed: take its cursors away, and write the text back if it was the last one. */
  async closed(ws: WebSocket): Promise<void> {
    const a = ws.deserializeAttachment() as DocAttachment;
    const others = this.sockets(a.doc).filter((other) => other !== ws);
    if (a.clients.length > 0) {
      // Without this the others' editors would show its cursor until awareness times out (30 s).
      const removal = awarenessRemoval(a.clients);
      for (const other of others) send(other, removal);
      try {
        ws.serializeAttachment({ ...a, clients: [] });
      } catch {
        // gone already; an error followed by a close may announce the removal twice, which is harmless
      }
    }
    if (others.length > 0) return;
    await this.flush(a.doc);
    // Nobody is left: storage has everything, the memory can go.
    if (this.sockets(a.doc).length === 0) this.unload(a.doc);
  }

  /**
   * A member's permissions changed: their sockets close where they may no longer read the
   * field, and turn read-only where they may no longer edit it. (A new write permission
   * takes effect when they reconnect.)
   */
  updateMemberAccess(userId: string, permissions: string[] | null): number {
    const sockets = this.ctx.getWebSockets(`doc-user:${userId}`);
    for (const ws of sockets) {
      const a = ws.deserializeAttachment() as DocAttachment;
      if (!permissions?.includes("workspace.read") || !permissions.includes(a.read_permission)) {
        ws.close(CLOSE.ACCESS_REVOKED, "Your access to this document ended.");
      } else if (a.write_permission !== null && !permissions.includes(a.write_permission)) {
        ws.serializeAttachment({ ...a, write_permission: null });
      }
    }
    return sockets.length;
  }

  /** Sessions signed out or revoked: their document sockets close at once. */
  endCredentials(credentials: string[]): number {
    let closed = 0;
    for (const id of credentials) {
      for (const ws of this.ctx.getWebSockets(`doc-credential:${id}`)) {
        ws.close(CLOSE.SESSION_ENDED, "Your session ended. Sign in again.");
        closed++;
      }
    }
    return closed;
  }

  /** The current text of a document, edits not yet written back included (null: not a collaborative field). */
  async readText(docName: string, workspaceId: string): Promise<string | null> {
    const target = parseDocName(docName);
    if (!target) return null;
    return (await this.load(target.name, workspaceId)).getText(DOC_TEXT).toString();
  }

  /** Writes back every document whose wait is over (the room's alarm). */
  async flushDue(now: number): Promise<void> {
    const due = this.ctx.storage.sql
      .exec<{ doc: string }>("SELECT doc FROM doc_pending WHERE flush_at <= ?", now)
      .toArray();
    for (const { doc } of due) await this.flush(doc);
  }

  nextFlushAt(): number | null {
    return this.ctx.storage.sql.exec<{ at: number | null }>("SELECT MIN(flush_at) AS at FROM doc_pending").one().at;
  }

  /** Writes a document back now; one write per document at a time. */
  flush(name: string): Promise<void> {
    const previous = this.flushes.get(name) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.writeBack(name));
    this.flushes.set(name, next);
    return next.finally(() => {
      if (this.flushes.get(name) === next) this.flushes.delete(name);
    });
  }

  private load(name: string, workspaceId: string): Promise<Y.Doc> {
    const loaded = this.docs.get(name);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.loading.get(name);
    if (!loading) {
      loading = this.read(name, workspaceId).finally(() => this.loading.delete(name));
      this.loading.set(name, loading);
    }
    return loading;
  }

  private async read(name: string, workspaceId: string): Promise<Y.Doc> {
    const { sql } = this.ctx.storage;
    const doc = new Y.Doc();
    const rows = sql
      .exec<{ data: ArrayBuffer }>("SELECT data FROM doc_updates WHERE doc = ? ORDER BY id", name)
      .toArray();
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    });
    // Edits not yet written back are newer than the row. Otherwise the row is the truth: it may have
    // been changed elsewhere since, or this is the first open and the text starts as the row's value.
    const dirty = sql.exec("SELECT 1 FROM doc_pending WHERE doc = ?", name).toArray().length > 0;
    const target = parseDocName(name);
    let row: FieldRow | null = null;
    try {
      row = target ? await target.field.find(databaseFor(this.env), workspaceId, target.rowId) : null;
    } catch (err) {
      // With edits pending, storage alone has the text: the row's own limits wait for the write-back.
      if (!dirty) throw err;
      logError("doc row lookup failed", name, err);
    }
    if (!dirty && row) this.reconcile(name, doc, row);
    this.docs.set(name, doc);
    this.rows.set(name, row);
    return doc;
  }

  private unload(name: string) {
    this.docs.delete(name);
    this.rows.delete(name);
  }

  /** Brings the text in line with the row, as an edit of the room's own that everyone receives. */
  private reconcile(name: string, doc: Y.Doc, row: FieldRow): void {
    const text = doc.getText(DOC_TEXT);
    const want = row.value ?? "";
    const have = text.toString();
    if (want === have) return;
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array) => updates.push(update);
    doc.on("update", capture);
    doc.transact(() => replaceText(text, have, want));
    doc.off("update", capture);
    for (const update of updates) {
      this.ctx.storage.sql.exec("INSERT INTO doc_updates (doc, data) VALUES (?, ?)", name, bytesOf(update));
      const frame = updateFrame(update);
      for (const ws of this.sockets(name)) send(ws, frame);
    }
  }

  private async accept(ws: WebSocket, a: DocAttachment, doc: Y.Doc, update: Uint8Array): Promise<void> {
    const target = parseDocName(a.doc);
    if (!target) return;
    const { store } = doc;
    const lengthBefore = doc.getText(DOC_TEXT).length;
    const pendingBefore = [store.pendingStructs, store.pendingDs];
    let changed = false;
    const mark = () => {
      changed = true;
    };
    doc.on("update", mark);
    try {
      Y.applyUpdate(doc, update, ws);
    } catch (err) {
      // A half-applied update must not outlive this message: the document is rebuilt from storage.
      this.unload(a.doc);
      throw err;
    } finally {
      doc.off("update", mark);
    }
    // Nothing new (a resent step 2, an echo): nothing to keep or relay.
    if (!changed && store.pendingStructs === pendingBefore[0] && store.pendingDs === pendingBefore[1]) return;
    const text = doc.getText(DOC_TEXT);
    const row = this.rows.get(a.doc);
    const refusal =
      lengthRefusal(target.field, text, lengthBefore) ?? row?.refuseText?.(text.toString(), lengthBefore) ?? null;
    const locked = row?.locked ? `${row.locked} The last edit was not saved.` : null;
    if (refusal || locked) {
      // Nothing of the edit was stored: the document is rebuilt from storage, and the editor starts again from it.
      this.unload(a.doc);
      ws.close(locked ? DOC_CLOSE.LOCKED : DOC_CLOSE.TOO_LARGE, closeReason(locked ?? refusal ?? ""));
      return;
    }
    const flushAt = this.store(a, doc, update);
    // storage.sql writes are held by the output gate: the others receive the update only once it is durable.
    const frame = updateFrame(update);
    for (const other of this.sockets(a.doc)) if (other !== ws) send(other, frame);
    await this.hooks.wakeBy(flushAt);
  }

  /** Keeps an accepted update and (re)starts the write-back wait; answers when the row is due. */
  private store(a: DocAttachment, doc: Y.Doc, update: Uint8Array): number {
    const { sql } = this.ctx.storage;
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      sql.exec("INSERT INTO doc_updates (doc, data) VALUES (?, ?)", a.doc, bytesOf(update));
      sql.exec(
        `INSERT INTO doc_pending (doc, workspace_id, editor_id, editor_name, version, dirty_since, flush_at, attempts)
         VALUES (?, ?, ?, ?, 1, ?, ?, 0)
         ON CONFLICT (doc) DO UPDATE SET editor_id = excluded.editor_id, editor_name = excluded.editor_name,
           version = version + 1, attempts = 0, flush_at = MIN(excluded.flush_at, dirty_since + ?)`,
        a.doc,
        a.workspace_id,
        a.user_id,
        a.name,
        now,
        now + WRITE_BACK_DELAY_MS,
        WRITE_BACK_MAX_WAIT_MS,
      );
    });
    const { n } = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?", a.doc).one();
    if (n > COMPACT_AFTER) this.compact(a.doc, doc);
    return sql.exec<{ flush_at: number }>("SELECT flush_at FROM doc_pending WHERE doc = ?", a.doc).one().flush_at;
  }

  /** Replaces a document's stored updates by its whole state, in one transaction. */
  private compact(name: string, doc: Y.Doc) {
    // Updates still waiting for their predecessors are not part of encodeStateAsUpdate: keep the log until they land.
    if (doc.store.pendingStructs || doc.store.pendingDs) return;
    const state = Y.encodeStateAsUpdate(doc);
    const { sql } = this.ctx.storage;
    this.ctx.storage.transactionSync(() => {
      sql.exec("DELETE FROM doc_updates WHERE doc = ?", name);
      sql.exec("INSERT INTO doc_updates (doc, data) VALUES (?, ?)", name, bytesOf(state));
    });
  }

  private async writeBack(name: string): Promise<void> {
    const { sql } = this.ctx.storage;
    const pending = sql
      .exec<Pending>(
        "SELECT workspace_id, editor_id, editor_name, version, attempts FROM doc_pending WHERE doc = ?",
        name,
      )
      .toArray()[0];
    if (!pending) return;
    const target = parseDocName(name);
    if (!target) {
      sql.exec("DELETE FROM doc_pending WHERE doc = ?", name);
      return;
    }
    let result: WriteBack;
    let length: number;
    let refusal = "";
    try {
      const text = (await this.load(name, pending.workspace_id)).getText(DOC_TEXT).toString();
      length = text.length;
      result = await writeBackField(this.env, databaseFor(this.env), {
        workspaceId: pending.workspace_id,
        target,
        text,
        editor: { id: pending.editor_id, name: pending.editor_name },
        onRefused: (reason) => {
          refusal = reason;
        },
      });
    } catch (err) {
      logError("doc write-back failed", name, err);
      const retryAt = Date.now() + Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** pending.attempts);
      sql.exec("UPDATE doc_pending SET flush_at = ?, attempts = attempts + 1 WHERE doc = ?", retryAt, name);
      await this.hooks.wakeBy(retryAt);
      return;
    }
    // Edits that arrived while the row was being written keep the document pending, with a fresh wait.
    sql.exec("DELETE FROM doc_pending WHERE doc = ? AND version = ?", name, pending.version);
    sql.exec("UPDATE doc_pending SET dirty_since = ? WHERE doc = ?", Date.now(), name);
    if (result === "gone") return this.forget(name);
    if (result === "too_long" || result === "locked") {
      // Not retried: the next load finds nothing pending and brings the text back to the row's. Every
      // copy still holds the refused text, so every socket starts again from the room's (a reconnect
      // to a locked row joins read-only).
      logError("doc write-back refused", name, `${result}: ${length} characters`);
      sql.exec("DELETE FROM doc_pending WHERE doc = ?", name);
      this.unload(name);
      const code = result === "locked" ? DOC_CLOSE.LOCKED : DOC_CLOSE.TOO_LARGE;
      for (const ws of this.sockets(name)) ws.close(code, closeReason(refusal));
      return;
    }
    if (result === "written") {
      // The text itself stays out of the feed: tabs that show it are in the document already.
      await this.hooks.publish([
        {
          entity_type: target.field.entityType,
          entity_id: target.rowId,
          op: "update",
          changed: { [target.field.column]: { length } },
          actor_id: pending.editor_id,
          read_permission: target.field.read,
        },
      ]);
    }
  }

  /** The row was deleted: so is its document. */
  private forget(name: string) {
    const { sql } = this.ctx.storage;
    this.ctx.storage.transactionSync(() => {
      sql.exec("DELETE FROM doc_updates WHERE doc = ?", name);
      sql.exec("DELETE FROM doc_pending WHERE doc = ?", name);
    });
    this.unload(name);
    for (const ws of this.sockets(name)) ws.close(DOC_CLOSE.GONE, "This item was deleted.");
  }

  private relayAwareness(ws: WebSocket, a: DocAttachment, payload: Uint8Array, frame: ArrayBuffer) {
    if (payload.byteLength > MAX_AWARENESS_BYTES) throw new Error("awareness update too large");
    const decoder = decoding.createDecoder(payload);
    const count = decoding.readVarUint(decoder);
    const mine = new Map(a.clients);
    let claimed: Set<number> | null = null;
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      if (state === "null") mine.delete(id);
      else if (mine.has(id)) mine.set(id, clock);
      else {
        // Providers pass on everyone's states: a client id belongs to the socket that announced it first.
        claimed ??= this.clientsOfOthers(a.doc, ws);
        if (!claimed.has(id) && mine.size < MAX_TRACKED_CLIENTS) mine.set(id, clock);
      }
    }
    ws.serializeAttachment({ ...a, clients: [...mine] });
    // To every socket of the document, the sender's too, as y-websocket's server does: a provider
    // that hears nothing for 30 s takes the connection for dead and reconnects.
    for (const other of this.sockets(a.doc)) send(other, frame);
  }

  private clientsOfOthers(doc: string, except: WebSocket): Set<number> {
    const ids = new Set<number>();
    for (const ws of this.sockets(doc)) {
      if (ws === except) continue;
      for (const [id] of (ws.deserializeAttachment() as DocAttachment).clients) ids.add(id);
    }
    return ids;
  }

  private sockets(doc: string): WebSocket[] {
    return this.ctx.getWebSockets(`doc:${doc}`).filter((ws) => ws.readyState === WebSocket.OPEN);
  }

  private strike(ws: WebSocket) {
    const a = ws.deserializeAttachment() as DocAttachment;
    a.strikes++;
    ws.serializeAttachment(a);
    if (a.strikes >= MAX_STRIKES) ws.close(CLOSE.POLICY, "Too many invalid messages.");
  }
}

function send(ws: WebSocket, frame: Uint8Array | ArrayBuffer) {
  if (ws.readyState !== WebSocket.OPEN) return;
  try {
    ws.send(frame);
  } catch {
    // the socket is closing; its close handler tidies up
  }
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, DOC_MESSAGE.SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update that marks the clients as gone (a null state, one clock later). */
function awarenessRemoval(clients: [number, number][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, clients.length);
  for (const [id, clock] of clients) {
    encoding.writeVarUint(update, id);
    encoding.writeVarUint(update, clock + 1);
    encoding.writeVarString(update, "null");
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, DOC_MESSAGE.AWARENESS);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** Turns `from` into `to` with one delete and one insert between their common prefix and suffix. */
function replaceText(text: Y.Text, from: string, to: string) {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  ) {
    end++;
  }
  if (from.length - start - end > 0) text.delete(start, from.length - start - end);
  if (to.length - start - end > 0) text.insert(start, to.slice(start, to.length - end));
}

/** A close frame's reason holds at most 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  let out = reason;
  while (new TextEncoder().encode(out).byteLength > 123) out = `${out.slice(0, -2)}…`;
  return out;
}

/** SQLite storage binds BLOBs from an ArrayBuffer: a copy of exactly the update's bytes. */
const bytesOf = (update: Uint8Array): ArrayBuffer => update.slice().buffer as ArrayBuffer;

function logError(msg: string, doc: string, err: unknown) {
  console.error(JSON.stringify({ level: "error", msg, doc, error: String(err) }));
}
