// One collaborative text field over the room's document socket, speaking y-protocols
// exactly as y-websocket does (durable-objects/doc-protocol.ts): sync step 1/2 and
// updates, awareness for who is here and where their cursor is, reconnecting with
// backoff. Edits made while offline stay in the local document and go out on reconnect.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { type Accessor, createSignal } from "solid-js";
import * as authProtocol from "y-protocols/auth";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { DOC_CLOSE, DOC_MESSAGE, DOC_TEXT } from "../../../durable-objects/doc-protocol";
import { CLOSE } from "../../../durable-objects/workspace-room-protocol";
import { backoffDelay } from "./live-client";

/** connecting: not synced yet; synced: in step with the room; offline: retrying; ended: see `ended`. */
export type DocStatus = "connecting" | "synced" | "offline" | "ended";
export type DocEnd = "session" | "revoked" | "deleted" | null;

export type DocUser = { id: string; name: string; color: string };

/** Marks changes that came from the room, so they are not sent back to it. */
export const REMOTE = Symbol("remote");
/** Marks this tab's own typing. */
export const LOCAL = Symbol("local");

/** Awareness renews itself every 15 s and the room echoes it: this long without a word means the socket is dead. */
const SILENCE_MS = 35_000;

export type DocConnection = {
  /** The document and its awareness; both are replaced when the room refuses an edit for good (too long). */
  doc: Accessor<Y.Doc>;
  awareness: Accessor<awarenessProtocol.Awareness>;
  text: () => Y.Text;
  status: Accessor<DocStatus>;
  ended: Accessor<DocEnd>;
  /** The room dropped edits: it said so (auth), or the text grew past what the field holds. */
  notice: Accessor<string | null>;
  readOnly: Accessor<boolean>;
  destroy(): void;
};

const docUrl = (workspaceId: string, docName: string) => {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}/api/v1/workspaces/${encodeURIComponent(workspaceId)}/docs/${encodeURIComponent(docName)}`;
};

export function connectDoc(
  workspaceId: string,
  docName: string,
  user: DocUser,
  hooks: { onSessionEnded(): void },
): DocConnection {
  const [doc, setDoc] = createSignal(new Y.Doc());
  const [awareness, setAwareness] = createSignal(new awarenessProtocol.Awareness(doc()));
  const [status, setStatus] = createSignal<DocStatus>("connecting");
  const [ended, setEnded] = createSignal<DocEnd>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [readOnly, setReadOnly] = createSignal(false);

  let socket: WebSocket | null = null;
  let attempt = 0;
  let destroyed = false;
  let everSynced = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  const send = (encoder: encoding.Encoder) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(encoding.toUint8Array(encoder));
  };
  const sendAwareness = (clients: number[]) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, DOC_MESSAGE.AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness(), clients));
    send(encoder);
  };

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, DOC_MESSAGE.SYNC);
    syncProtocol.writeUpdate(encoder, update);
    send(encoder);
  };
  const onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === REMOTE) return;
    sendAwareness([...added, ...updated, ...removed]);
  };

  /** Listens to a (new) document and its awareness, announcing who this is. */
  const attach = (d: Y.Doc, a: awarenessProtocol.Awareness) => {
    d.on("update", onUpdate);
    a.on("update", onAwareness);
    a.setLocalStateField("user", user);
  };
  attach(doc(), awareness());

  const heard = () => {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => {
      drop();
      scheduleReconnect();
    }, SILENCE_MS);
  };

  const onMessage = (event: MessageEvent) => {
    heard();
    if (!(event.data instanceof ArrayBuffer)) return;
    const decoder = decoding.createDecoder(new Uint8Array(event.data));
    try {
      const type = decoding.readVarUint(decoder);
      if (type === DOC_MESSAGE.SYNC) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, DOC_MESSAGE.SYNC);
        const step = syncProtocol.readSyncMessage(decoder, reply, doc(), REMOTE);
        if (encoding.length(reply) > 1) send(reply);
        if (step === syncProtocol.messageYjsSyncStep2) {
          everSynced = true;
          attempt = 0;
          setStatus("synced");
        }
      } else if (type === DOC_MESSAGE.AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(awareness(), decoding.readVarUint8Array(decoder), REMOTE);
      } else if (type === DOC_MESSAGE.QUERY_AWARENESS) {
        sendAwareness([doc().clientID]);
      } else if (type === DOC_MESSAGE.AUTH) {
        authProtocol.readAuthMessage(decoder, doc(), (_doc, reason) => {
          setReadOnly(true);
          setNotice(reason || "You can read this, but not change it.");
        });
      }
    } catch (error) {
      // A frame we cannot read is the room's bug or a truncated frame: resync from scratch.
      console.warn("Collaborative text: unreadable message, reconnecting.", error);
      drop();
      scheduleReconnect();
    }
  };

  const end = (why: Exclude<DocEnd, null>) => {
    setEnded(why);
    setStatus("ended");
    setReadOnly(true);
    drop();
  };

  /** The room refused an edit for good: start over from its copy (the refused edit is lost, the notice says so). */
  const restart = () => {
    const oldDoc = doc();
    const oldAwareness = awareness();
    oldDoc.off("update", onUpdate);
    oldAwareness.off("update", onAwareness);
    oldAwareness.destroy();
    oldDoc.destroy();
    const fresh = new Y.Doc();
    const freshAwareness = new awarenessProtocol.Awareness(fresh);
    attach(fresh, freshAwareness);
    setDoc(fresh);
    setAwareness(freshAwareness);
  };

  const onClose = (event: CloseEvent) => {
    drop();
    if (destroyed) return;
    switch (event.code) {
      case CLOSE.SESSION_ENDED:
        end("session");
        hooks.onSessionEnded();
        return;
      case CLOSE.ACCESS_REVOKED:
        end("revoked");
        return;
      case DOC_CLOSE.GONE:
        end("deleted");
        return;
      case DOC_CLOSE.TOO_LARGE:
        setNotice(event.reason || "The text is too long: the last edit was not saved.");
        restart();
        break;
      case DOC_CLOSE.LOCKED:
        setNotice(event.reason || "This text can no longer be edited: the last edit was not saved.");
        restart();
        break;
    }
    scheduleReconnect();
  };

  function drop() {
    clearTimeout(silenceTimer);
    const old = socket;
    socket = null;
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = null;
    try {
      old.close(1000, "closing");
    } catch {
      // already closing
    }
  }

  function scheduleReconnect() {
    if (destroyed || ended()) return;
    setStatus(everSynced ? "offline" : "connecting");
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, backoffDelay(attempt++));
  }

  function connect() {
    if (destroyed || ended()) return;
    drop();
    const ws = new WebSocket(docUrl(workspaceId, docName));
    ws.binaryType = "arraybuffer";
    socket = ws;
    ws.onmessage = onMessage;
    ws.onclose = onClose;
    ws.onopen = () => {
      heard();
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, DOC_MESSAGE.SYNC);
      syncProtocol.writeSyncStep1(step1, doc());
      send(step1);
      if (awareness().getLocalState() !== null) sendAwareness([doc().clientID]);
    };
  }

  const onOnline = () => {
    if (status() === "offline" || status() === "connecting") {
      attempt = 0;
      connect();
    }
  };
  window.addEventListener("online", onOnline);
  connect();

  return {
    doc,
    awareness,
    text: () => doc().getText(DOC_TEXT),
    status,
    ended,
    notice,
    readOnly,
    destroy() {
      destroyed = true;
      clearTimeout(retryTimer);
      window.removeEventListener("online", onOnline);
      // Tell the others this cursor is gone now rather than in 30 s.
      awarenessProtocol.removeAwarenessStates(awareness(), [doc().clientID], "destroy");
      drop();
      awareness().destroy();
      doc().destroy();
    },
  };
}
