// One workspace's live feed, as the room speaks it (durable-objects/workspace-room-protocol.ts):
// a WebSocket that reconnects by itself, picks up where it left off with `?since=`, keeps
// who is online, and hands every change to the hooks. The shared schema parses each
// message: nothing the socket says is trusted as typed until zod agrees.
import { type Accessor, createSignal } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import {
  type ChangeEvent,
  CLOSE,
  type ClientMessage,
  type PresenceEntry,
  ServerMessage,
  type SingleServerMessage,
} from "../../../durable-objects/workspace-room-protocol";

export type { ChangeEvent, PresenceEntry };

/** What a tab is looking at: `{ entity_type: "workspace", entity_id }`. */
export type LiveEntity = { entity_type: string; entity_id: string };
export type PresenceState = { viewing: LiveEntity | null; editing: string | null; status: "active" | "idle" };

/**
 * connecting: the first attempt; open: the room said hello; reconnecting: the socket dropped
 * (or never opened) and another try is scheduled; closed: ended for good (signed out, access revoked, closed).
 */
export type LiveStatus = "connecting" | "open" | "reconnecting" | "closed";

export type LiveHooks = {
  onChange(change: ChangeEvent): void;
  /** The room no longer has what this tab missed: whatever it shows must be fetched again. */
  onResync(): void;
  /** 4401: the session behind the socket ended. */
  onSessionEnded(): void;
  /** 4403: the member was removed or lost read access, or the workspace was deleted; `reason` is the room's sentence. */
  onAccessRevoked(reason: string): void;
  /**
   * The socket failed several times in a row without ever opening. A refused upgrade
   * (401, 404) reaches a browser only as a bare close, so the caller asks the API why.
   */
  onUnreachable?(): void;
};

export type LiveClient = {
  readonly workspaceId: string;
  status: Accessor<LiveStatus>;
  /** Everyone online in the workspace, this person included, one entry per person. */
  presence: Accessor<PresenceEntry[]>;
  /** The sequence number of the last change seen: what a reconnect asks to resume from. */
  lastSeq(): number;
  setPresence(state: PresenceState): void;
  close(): void;
};

const PING_EVERY_MS = 25_000;
/** A ping unanswered this long means the connection is dead even if the browser has not noticed. */
const PONG_TIMEOUT_MS = 10_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;
/**
 * Presence goes out at most about seven times a second: the room broadcasts an update only
 * when it comes 100 ms or more after the previous one, so a little headroom keeps network
 * jitter from making it hold one back.
 */
const PRESENCE_INTERVAL_MS = 150;
const FAILURES_BEFORE_ASKING = 3;
const PING = JSON.stringify({ type: "ping" });

/** Exponential backoff with jitter: half the step fixed, half random, so a room restart is not hit by every tab at once. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

const liveUrl = (workspaceId: string, since: number | null) => {
  const { protocol, host } = window.location;
  const query = since === null ? "" : `?since=${since}`;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}/api/v1/workspaces/${encodeURIComponent(workspaceId)}/live${query}`;
};

export function createLiveClient(workspaceId: string, hooks: LiveHooks): LiveClient {
  const [status, setStatus] = createSignal<LiveStatus>("connecting");
  const [people, setPeople] = createStore<Record<string, PresenceEntry>>({});

  let socket: WebSocket | null = null;
  let attempt = 0;
  let failuresWithoutOpen = 0;
  /** null until the first hello: a first connection has nothing to resume. */
  let seq: number | null = null;
  let ended = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  let mine: PresenceState = { viewing: null, editing: null, status: "active" };
  let presenceSentAt = 0;
  let presenceTimer: ReturnType<typeof setTimeout> | undefined;

  const sendPresenceNow = () => {
    presenceTimer = undefined;
    if (socket?.readyState !== WebSocket.OPEN || status() !== "open") return;
    presenceSentAt = Date.now();
    const message: ClientMessage = { type: "presence", ...mine };
    socket.send(JSON.stringify(message));
  };

  const schedulePresence = () => {
    if (presenceTimer !== undefined) return;
    const wait = Math.max(0, presenceSentAt + PRESENCE_INTERVAL_MS - Date.now());
    presenceTimer = setTimeout(sendPresenceNow, wait);
  };

  const mergePresence = (entries: PresenceEntry[]) => {
    for (const entry of entries) {
      if (entry.tabs === 0) {
        setPeople(
          produce((all) => {
            delete all[entry.user_id];
          }),
        );
      } else setPeople(entry.user_id, reconcile(entry));
    }
  };

  const handle = (message: SingleServerMessage, afterFrame: (() => void)[]) => {
    switch (message.type) {
      case "hello": {
        setPeople(reconcile(Object.fromEntries(message.presence.map((p) => [p.user_id, p]))));
        const resumed = seq !== null;
        // Replayed changes follow the hello in the same frame; the room's seq counts once they are applied.
        if (resumed) afterFrame.push(() => (seq = Math.max(seq ?? 0, message.seq)));
        else seq = message.seq;
        attempt = 0;
        failuresWithoutOpen = 0;
        setStatus("open");
        // The room forgets a tab's presence with its socket: say again what this tab shows.
        if (mine.viewing || mine.editing || mine.status !== "active") schedulePresence();
        return;
      }
      case "change":
        seq = Math.max(seq ?? 0, message.seq);
        hooks.onChange(message);
        return;
      case "presence":
        mergePresence(message.presence);
        return;
      case "resync":
        seq = message.seq;
        hooks.onResync();
        return;
      case "error":
        // The room refused something this client sent: a bug here, not something the person can act on.
        console.warn(`Live: the room refused a message (${message.code}): ${message.message}`);
        return;
    }
  };

  const onMessage = (event: MessageEvent) => {
    clearTimeout(pongTimer);
    if (typeof event.data !== "string") return;
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      return;
    }
    if ((json as { type?: unknown } | null)?.type === "pong") return;
    const parsed = ServerMessage.safeParse(json);
    if (!parsed.success) {
      console.warn("Live: ignored a message that does not match the protocol.", parsed.error.issues);
      return;
    }
    const afterFrame: (() => void)[] = [];
    const messages = parsed.data.type === "batch" ? parsed.data.messages : [parsed.data];
    for (const message of messages) handle(message, afterFrame);
    for (const step of afterFrame) step();
  };

  const stopTimers = () => {
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
    clearTimeout(presenceTimer);
    presenceTimer = undefined;
  };

  /** Forgets the current socket without waiting for its close handshake, which a dead network never finishes. */
  const drop = () => {
    stopTimers();
    const old = socket;
    socket = null;
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    try {
      old.close(1000, "reconnecting");
    } catch {
      // already closing
    }
  };

  const scheduleReconnect = () => {
    if (ended) return;
    setStatus("reconnecting");
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, backoffDelay(attempt++));
  };

  const onClose = (event: CloseEvent) => {
    const opened = status() === "open";
    drop();
    if (ended) return;
    if (event.code === CLOSE.SESSION_ENDED || event.code === CLOSE.ACCESS_REVOKED) {
      ended = true;
      setStatus("closed");
      setPeople(reconcile({}));
      if (event.code === CLOSE.SESSION_ENDED) hooks.onSessionEnded();
      else hooks.onAccessRevoked(event.reason);
      return;
    }
    if (!opened && ++failuresWithoutOpen === FAILURES_BEFORE_ASKING) hooks.onUnreachable?.();
    scheduleReconnect();
  };

  function connect() {
    if (ended) return;
    clearTimeout(retryTimer);
    drop();
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      // No network: the browser's `online` event brings the next attempt sooner than any timer.
      setStatus("reconnecting");
      return;
    }
    const ws = new WebSocket(liveUrl(workspaceId, seq));
    socket = ws;
    ws.onmessage = onMessage;
    ws.onclose = onClose;
    ws.onopen = () => {
      pingTimer = setInterval(() => {
        if (ws.readyState !== WebSocket.OPEN) return;
        ws.send(PING);
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          drop();
          scheduleReconnect();
        }, PONG_TIMEOUT_MS);
      }, PING_EVERY_MS);
    };
  }

  const onOnline = () => {
    if (ended || status() === "open") return;
    attempt = 0;
    connect();
  };
  const onOffline = () => {
    if (ended) return;
    drop();
    setStatus("reconnecting");
  };
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);

  connect();

  return {
    workspaceId,
    status,
    presence: () => Object.values(people).filter((p): p is PresenceEntry => Boolean(p)),
    lastSeq: () => seq ?? 0,
    setPresence(state) {
      if (
        state.status === mine.status &&
        state.editing === mine.editing &&
        state.viewing?.entity_type === mine.viewing?.entity_type &&
        state.viewing?.entity_id === mine.viewing?.entity_id
      ) {
        return;
      }
      mine = state;
      schedulePresence();
    },
    close() {
      ended = true;
      clearTimeout(retryTimer);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      drop();
      setStatus("closed");
      setPeople(reconcile({}));
    },
  };
}
