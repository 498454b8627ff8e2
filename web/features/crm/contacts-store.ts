// One list of contacts (the table, or one column of the board): a page at a time with the
// API's cursor, searched and filtered by the address, fed by the live feed. Edits show at
// once and are undone if the API refuses; a stale inline edit (412) becomes a conflict the
// person settles with "keep mine" or "take theirs".
import { batch, createEffect, onCleanup, untrack } from "solid-js";
import { createStore, produce, reconcile, unwrap } from "solid-js/store";
import { ApiError } from "../../lib/api-error";
import { type ChangeEvent, live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";
import { contactEtag } from "./contact-etag";
import { type ContactQuery, filterOf, isFiltered, toSearchParams } from "./contact-query";
import type { BulkAction, Contact, ContactChanges, Page } from "./contact-types";
import { contactPath, contactsPath } from "./contacts-path";

/** An inline edit refused because someone saved the contact first: theirs, and what mine would change. */
export type ContactConflict = { id: string; changes: ContactChanges; current: Contact; etag: string; fields: string[] };

type ListState = {
  status: "loading" | "ready" | "error";
  /** A new search or filter is on its way; the rows of the last one stay until it answers. */
  refreshing: boolean;
  items: Contact[];
  cursor: string | null;
  more: "idle" | "loading" | "error";
  error: ApiError | null;
  /** Contacts others added that this order or filter cannot place without asking the API again. */
  added: number;
  conflict: ContactConflict | null;
};

export type ContactsStore = ReturnType<typeof createContactsStore>;

/** What the API's 412 carries: the contact as it is now, and its ETag. */
export function conflictOf(failure: unknown): { current: Contact; etag: string } | null {
  if (!(failure instanceof ApiError) || failure.code !== "precondition_failed") return null;
  const details = failure.details as { current?: unknown; etag?: unknown } | null;
  if (typeof details?.etag !== "string" || typeof details.current !== "object" || details.current === null) return null;
  return { current: details.current as Contact, etag: details.etag };
}

const isContact = (data: unknown): data is Contact =>
  typeof data === "object" && data !== null && typeof (data as Contact).id === "string";

/** The fields that differ between two versions of a contact. */
export const changedFields = (a: Contact, b: Contact, keys: readonly string[]) =>
  keys.filter((key) => JSON.stringify(a[key as keyof Contact]) !== JSON.stringify(b[key as keyof Contact]));

export function createContactsStore(options: {
  workspaceId: () => string;
  query: () => ContactQuery;
  /** A board column keeps only its status: a contact that leaves it is dropped, one that joins is added. */
  keep?: (contact: Contact) => boolean;
  pageSize?: number;
}) {
  const [state, setState] = createStore<ListState>({
    status: "loading",
    refreshing: false,
    items: [],
    cursor: null,
    more: "idle",
    error: null,
    added: 0,
    conflict: null,
  });
  /** The last version the API confirmed of each contact: what If-Match is worked out from. */
  const server = new Map<string, Contact>();
  /** Edits in flight per contact: the live echo of an older version must not undo a newer optimistic one. */
  const pending = new Map<string, number>();
  let generation = 0;
  let inFlight: AbortController | null = null;
  /** Changes that arrived while a first page was loading. */
  const early: ChangeEvent[] = [];

  const limit = String(options.pageSize ?? 100);
  const fetchPage = (cursor: string | null, signal?: AbortSignal) =>
    requestApi<Page<Contact>>("GET", contactsPath(options.workspaceId()), {
      query: { ...toSearchParams(options.query()), limit, ...(cursor ? { cursor } : {}) },
      signal,
    });

  // Copies, never the objects handed to the store: reconcile() writes into those, and the
  // optimistic edit would then pass for the confirmed version.
  const remember = (contacts: readonly Contact[]) => {
    for (const c of contacts) server.set(c.id, structuredClone(unwrap(c)));
  };
  const indexOf = (id: string) => state.items.findIndex((c) => c.id === id);
  const drop = (id: string) => setState("items", (items) => items.filter((c) => c.id !== id));
  const put = (contact: Contact) => {
    const index = indexOf(contact.id);
    if (index < 0) return;
    if (options.keep && !options.keep(contact)) drop(contact.id);
    else setState("items", index, reconcile(contact));
  };

  /** Asks for the first page again; an answer to an older query (the person typed on) is dropped, its request aborted. */
  const load = async () => {
    const mine = ++generation;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    if (state.status === "ready") setState({ refreshing: true, more: "idle" });
    else setState({ status: "loading", error: null, more: "idle" });
    try {
      const { body } = await fetchPage(null, controller.signal);
      if (mine !== generation) return;
      remember(body.data);
      batch(() => {
        setState("items", reconcile(body.data, { key: "id" }));
        setState({ status: "ready", refreshing: false, cursor: body.next_cursor, error: null, added: 0 });
      });
      for (const change of early.splice(0)) apply(change);
    } catch (failure) {
      if (mine !== generation) return;
      early.length = 0;
      setState({ status: "error", refreshing: false, error: ApiError.from(failure) });
    } finally {
      if (inFlight === controller) inFlight = null;
    }
  };

  const loadMore = async () => {
    if (state.status !== "ready" || state.refreshing || !state.cursor || state.more === "loading") return;
    const mine = generation;
    setState("more", "loading");
    try {
      const { body } = await fetchPage(state.cursor);
      if (mine !== generation) return;
      remember(body.data);
      const seen = new Set(state.items.map((c) => c.id));
      setState({
        items: [...state.items, ...body.data.filter((c) => !seen.has(c.id))],
        cursor: body.next_cursor,
        more: "idle",
      });
    } catch {
      if (mine === generation) setState("more", "error");
    }
  };

  const send = async (id: string, changes: ContactChanges, etag: string | null) => {
    const { body } = await requestApi<Contact>("PATCH", contactPath(options.workspaceId(), id), {
      json: changes,
      headers: etag ? { "If-Match": etag } : {},
    });
    return body;
  };

  /**
   * Changes one contact: shown at once, confirmed or undone by the API. A 412 leaves the
   * row as the other person saved it and keeps mine in `conflict`; other failures are rethrown.
   */
  const update = async (id: string, changes: ContactChanges, knownEtag?: string): Promise<Contact | null> => {
    const index = indexOf(id);
    const before = index >= 0 ? structuredClone(unwrap(state.items[index])) : server.get(id);
    if (!before) return null;
    const base = server.get(id) ?? before;
    const optimistic = { ...before, ...changes } as Contact;
    if (index >= 0) put(optimistic);
    pending.set(id, (pending.get(id) ?? 0) + 1);
    try {
      const saved = await send(id, changes, knownEtag ?? (await contactEtag(base)));
      remember([saved]);
      if (indexOf(id) >= 0) put(saved);
      else if (options.keep?.(saved) && !state.items.some((c) => c.id === id)) setState("items", (i) => [saved, ...i]);
      return saved;
    } catch (failure) {
      const found = conflictOf(failure);
      const back = found?.current ?? before;
      if (found) remember([found.current]);
      batch(() => {
        if (indexOf(id) >= 0) put(back);
        else if (index >= 0 && (!options.keep || options.keep(back))) {
          // The optimistic change moved it out of this list (a board column): put it back where it was.
          setState("items", (items) => [...items.slice(0, index), back, ...items.slice(index)]);
        }
      });
      if (!found) throw failure;
      const fields = Object.keys(changes).filter(
        (key) => JSON.stringify(found.current[key as keyof Contact]) !== JSON.stringify(base[key as keyof Contact]),
      );
      // Only fields mine does not touch moved on (or nothing at all): mine applies cleanly on top,
      // once, with the API's own ETag (a second 412 is a real race and goes to the person).
      if (fields.length === 0 && knownEtag === undefined) return await update(id, changes, found.etag);
      setState("conflict", { id, changes, current: found.current, etag: found.etag, fields });
      return null;
    } finally {
      const left = (pending.get(id) ?? 1) - 1;
      if (left > 0) pending.set(id, left);
      else pending.delete(id);
    }
  };

  const keepMine = async () => {
    const conflict = state.conflict;
    if (!conflict) return;
    setState("conflict", null);
    const { id, changes, etag } = conflict;
    const saved = await send(id, changes, etag).catch((failure) => {
      const found = conflictOf(failure);
      if (!found) throw failure;
      remember([found.current]);
      put(found.current);
      setState("conflict", { ...conflict, current: found.current, etag: found.etag });
      return null;
    });
    if (saved) {
      remember([saved]);
      put(saved);
    }
  };

  const takeTheirs = () => {
    const conflict = state.conflict;
    if (!conflict) return;
    put(conflict.current);
    setState("conflict", null);
  };

  /** Deletes one contact; back in its place if the API refuses. */
  const remove = async (id: string) => {
    const before = state.items;
    drop(id);
    try {
      await requestApi<null>("DELETE", contactPath(options.workspaceId(), id));
      server.delete(id);
    } catch (failure) {
      if (ApiError.from(failure).status === 404) return;
      setState("items", reconcile(before, { key: "id" }));
      throw failure;
    }
  };

  /** The answer to one request of a bulk action. */
  type BulkResult = { affected: number; done: boolean; next_cursor: string | null };

  /** What a bulk action does to one contact, for showing it before the API confirms. */
  const applyLocally = (contact: Contact, action: BulkAction): Contact | null => {
    switch (action.action) {
      case "delete":
        return null;
      case "set_status":
        return { ...contact, status: action.status };
      case "add_tags": {
        const have = new Set(contact.tags.map((t) => t.toLowerCase()));
        return { ...contact, tags: [...contact.tags, ...action.tags.filter((t) => !have.has(t.toLowerCase()))] };
      }
      case "remove_tags": {
        const gone = new Set(action.tags.map((t) => t.toLowerCase()));
        return { ...contact, tags: contact.tags.filter((t) => !gone.has(t.toLowerCase())) };
      }
      case "set_follow_up":
        // The API turns a plain date into the start of that day in the workspace's zone; the feed brings the instant.
        return contact;
    }
  };

  /**
   * A bulk action over the selected contacts (`contact_ids`) or everything the filter
   * matches. Selected rows change at once and come back if the API refuses; a filter's
   * rows are fetched again, since the action may reach contacts not loaded yet.
   */
  const bulk = async (action: BulkAction, onProgress?: (affected: number) => void): Promise<number> => {
    const ids = new Set(action.contact_ids ?? []);
    const before = state.items;
    if (ids.size > 0) {
      setState(
        "items",
        produce((items) => {
          for (let i = items.length - 1; i >= 0; i--) {
            const item = items[i];
            if (!item || !ids.has(item.id)) continue;
            const next = applyLocally(item, action);
            if (next === null || (options.keep && !options.keep(next))) items.splice(i, 1);
            else items[i] = next;
          }
        }),
      );
    }
    try {
      // A filter may match more contacts than one request goes through: each answer says where to go on.
      let affected = 0;
      let cursor: string | null = null;
      do {
        const json: BulkAction & { cursor?: string } = cursor === null ? action : { ...action, cursor };
        const answer: { body: BulkResult } = await requestApi<BulkResult>(
          "POST",
          contactsPath(options.workspaceId(), "/bulk"),
          { json },
        );
        const body = answer.body;
        affected += body.affected;
        cursor = body.next_cursor;
        onProgress?.(affected);
      } while (cursor !== null);
      // The feed brings each changed contact; a filter's action may also reach rows this list has not loaded.
      if (action.filter) void load();
      return affected;
    } catch (failure) {
      if (ids.size > 0) setState("items", reconcile(before, { key: "id" }));
      throw failure;
    }
  };

  /** A contact made or moved here by this tab, shown before the live feed says so. */
  const receive = (contact: Contact) => {
    // It may come from another list's store: a plain copy, so the two never share an object.
    const copy = structuredClone(unwrap(contact));
    if (indexOf(copy.id) >= 0) put(copy);
    else setState("items", (items) => [copy, ...items]);
  };

  /** Takes a contact out of this list only (a board move that failed elsewhere). */
  const forget = (id: string) => drop(id);

  /** New contacts go on top only where they belong there: the default order, nothing filtered. */
  const placesNewOnTop = () => {
    const query = options.query();
    return query.sort === "created" && query.order !== "asc" && !isFiltered({ ...filterOf(query), sort: "created" });
  };

  const refetchOne = async (id: string) => {
    try {
      const { body } = await requestApi<Contact>("GET", contactPath(options.workspaceId(), id));
      remember([body]);
      if (!pending.has(id)) put(body);
    } catch (failure) {
      if (ApiError.from(failure).status === 404) drop(id);
    }
  };

  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const reloadSoon = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void load(), 300);
  };

  const apply = (change: ChangeEvent) => {
    const id = change.entity_id;
    if (change.op === "delete") {
      server.delete(id);
      drop(id);
      return;
    }
    if (!isContact(change.data)) {
      // Announced without the row (the notes document saved it, or an import made many): fetch it
      // if this list shows it; reload for new ones.
      if (indexOf(id) >= 0) void refetchOne(id);
      else if (change.op === "create") reloadSoon();
      return;
    }
    const data = change.data;
    remember([data]);
    if (indexOf(id) >= 0) {
      if (!pending.has(id)) put(data);
      return;
    }
    if (options.keep) {
      if (options.keep(data)) setState("items", (items) => [data, ...items]);
    } else if (change.op === "create") {
      if (placesNewOnTop()) setState("items", (items) => [data, ...items]);
      else setState("added", (n) => n + 1);
    }
  };
  const offChange = live.on("crm_contact", (change, workspaceId) => {
    if (workspaceId !== options.workspaceId()) return;
    // A page on its way may predate this change: apply it once the page is in (a full row twice is harmless).
    // A list never loaded (the table while the board shows) keeps nothing.
    if (inFlight) early.push(change);
    else if (state.status === "ready") apply(change);
  });
  const offResync = live.onResync((workspaceId) => {
    if (workspaceId === options.workspaceId()) reloadSoon();
  });
  // A tab opened here starts its feed as the first page loads: what changed in between is asked for once.
  let feedOpened = live.status() === "open";
  createEffect(() => {
    if (live.status() !== "open" || feedOpened) return;
    feedOpened = true;
    if (untrack(() => state.status) === "ready") reloadSoon();
  });
  onCleanup(() => {
    clearTimeout(reloadTimer);
    inFlight?.abort();
    offChange();
    offResync();
  });

  return { state, load, loadMore, update, keepMine, takeTheirs, remove, bulk, receive, forget };
}
