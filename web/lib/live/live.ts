// The app's way into the live workspace: one client per open workspace, shared by
// every page, and one place for feature stores to subscribe to what changes.
//
//   live.on("workspace", (change, workspaceId) => …)   // a change to one entity type
//   live.onResync((workspaceId) => …)                   // refetch: changes were missed
//   live.setViewing({ entity_type, entity_id }, "name") // what this tab shows and edits
import { createSignal } from "solid-js";
import {
  type ChangeEvent,
  createLiveClient,
  type LiveClient,
  type LiveEntity,
  type LiveHooks,
  type LiveStatus,
  type PresenceEntry,
  type PresenceState,
} from "./live-client";

export type ChangeHandler = (change: ChangeEvent, workspaceId: string) => void;
export type { ChangeEvent, LiveEntity, LiveStatus, PresenceEntry };

/** Reported as idle after this long without a key, a click or a scroll. */
const IDLE_AFTER_MS = 60_000;

const handlers = new Map<string, Set<ChangeHandler>>();
const resyncHandlers = new Set<(workspaceId: string) => void>();
const clients = new Map<string, { client: LiveClient; refs: number }>();
const [current, setCurrent] = createSignal<LiveClient | null>(null);
const [selfId, setSelfId] = createSignal<string | null>(null);

let mine: PresenceState = { viewing: null, editing: null, status: "active" };
/**
 * What the tab shows, innermost last: the workspace around every page, then the page's own
 * entity. The last one is reported; leaving a page falls back to the one around it.
 */
const viewing: { entity: LiveEntity; editing: string | null }[] = [];

const dispatch = (change: ChangeEvent, workspaceId: string) => {
  for (const handler of [...(handlers.get(change.entity_type) ?? []), ...(handlers.get("*") ?? [])]) {
    try {
      handler(change, workspaceId);
    } catch (error) {
      // One feature's bug must not keep the change from the others.
      console.error(error);
    }
  }
};

const publishPresence = (next: PresenceState) => {
  mine = next;
  for (const { client } of clients.values()) client.setPresence(mine);
};

function reportViewing() {
  const top = viewing[viewing.length - 1];
  publishPresence({ ...mine, viewing: top?.entity ?? null, editing: top?.editing ?? null });
}

let lastInput = Date.now();
let idleTracking = false;
/** Input is noted with a timestamp only; a slow interval decides when that makes the tab idle. */
function trackIdle() {
  if (idleTracking) return;
  idleTracking = true;
  const onInput = () => {
    lastInput = Date.now();
    if (mine.status === "idle") publishPresence({ ...mine, status: "active" });
  };
  for (const type of ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "focus"]) {
    window.addEventListener(type, onInput, { passive: true, capture: true });
  }
  setInterval(() => {
    if (mine.status === "active" && Date.now() - lastInput >= IDLE_AFTER_MS)
      publishPresence({ ...mine, status: "idle" });
  }, 5_000);
}

export const live = {
  /** Calls `handler` with every change to `entityType` ("*": to anything) in the open workspace; answers the unsubscribe. */
  on(entityType: string, handler: ChangeHandler): () => void {
    let set = handlers.get(entityType);
    if (!set) {
      set = new Set();
      handlers.set(entityType, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  },

  /** Calls `handler` when a workspace's changes were missed and must be fetched again. */
  onResync(handler: (workspaceId: string) => void): () => void {
    resyncHandlers.add(handler);
    return () => resyncHandlers.delete(handler);
  },

  /**
   * Opens the workspace's live client, or shares the one already open; answers the release.
   * The client closes with its last release.
   */
  open(workspaceId: string, hooks: Pick<LiveHooks, "onSessionEnded" | "onAccessRevoked" | "onUnreachable">) {
    trackIdle();
    let entry = clients.get(workspaceId);
    if (!entry) {
      const client = createLiveClient(workspaceId, {
        ...hooks,
        onChange: (change) => dispatch(change, workspaceId),
        onResync: () => {
          for (const handler of resyncHandlers) handler(workspaceId);
        },
      });
      client.setPresence(mine);
      entry = { client, refs: 0 };
      clients.set(workspaceId, entry);
    }
    entry.refs++;
    setCurrent(entry.client);
    const opened = entry;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--opened.refs > 0) return;
      opened.client.close();
      clients.delete(workspaceId);
      if (current() === opened.client) setCurrent(null);
    };
  },

  /** The open workspace's client, if any. */
  client: current,

  status(): LiveStatus | "idle" {
    return current()?.status() ?? "idle";
  },

  /** Everyone online in the open workspace (this person included). */
  presence(): PresenceEntry[] {
    return current()?.presence() ?? [];
  },

  /** Everyone else online: what presence is drawn from. */
  others(): PresenceEntry[] {
    const me = selfId();
    return live.presence().filter((p) => p.user_id !== me);
  },

  /** Who "me" is, so presence can leave this person out. */
  setSelf(userId: string | null): void {
    setSelfId(userId);
  },

  /**
   * Tells the others what this tab shows, and the field being edited on it (null: none).
   * Answers a function that takes it back; what was shown before is then reported again.
   */
  setViewing(entity: LiveEntity, editing: string | null = null): () => void {
    const entry = { entity, editing };
    viewing.push(entry);
    reportViewing();
    return () => {
      const index = viewing.indexOf(entry);
      if (index === -1) return;
      viewing.splice(index, 1);
      reportViewing();
    };
  },

  /** The field being edited on what this tab shows now; null when the person leaves it. */
  setEditing(field: string | null): void {
    const top = viewing[viewing.length - 1];
    if (!top) return;
    top.editing = field;
    reportViewing();
  },
};
