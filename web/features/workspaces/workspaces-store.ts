// My workspaces, and the one open now: the list for the switcher, the open workspace
// with my role, my permissions and its ETag, and `can(action)` to hide what I may not
// do. Fed by the typed API client and by the live feed (a rename in another tab shows
// here without a reload); every change is shown at once and rolled back if refused.
import type { InferRequestType } from "hono/client";
import { batch, createEffect, createRoot, on } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import type { z } from "zod";
import type {
  UpdateWorkspaceBody,
  WorkspaceDetailSchema,
  WorkspaceSchema,
} from "../../../worker/features/workspaces/schema";
import { api } from "../../lib/api-client";
import { ApiError } from "../../lib/api-error";
import { callApi } from "../../lib/call-api";
import { flash } from "../../lib/flash";
import { live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";
import { session } from "../auth/session-store";
import { lastWorkspace, rememberWorkspace } from "./last-workspace";

export type NewWorkspace = InferRequestType<typeof api.v1.workspaces.$post>["json"];
// The routes below /v1/workspaces/:workspaceId are called through requestApi (see there why),
// so the shapes come from the worker's schemas for the list and the detail alike.
export type Workspace = z.infer<typeof WorkspaceSchema>;
export type WorkspaceDetail = z.infer<typeof WorkspaceDetailSchema>;
export type WorkspaceChanges = z.input<typeof UpdateWorkspaceBody>;
export type Action = WorkspaceDetail["my_permissions"][number];
export type Role = WorkspaceDetail["my_role"];

type Status = "idle" | "loading" | "ready" | "error";

type CurrentState = {
  id: string | null;
  /** gone: deleted, or my access ended; the page leaves for another workspace. */
  status: Status | "gone";
  workspace: WorkspaceDetail | null;
  etag: string | null;
  error: ApiError | null;
  /** Goes up with every new version of `workspace`: forms compare it to know their base is old. */
  version: number;
  /** Whether this tab made the latest version: forms then keep their edits and take its ETag. */
  mine: boolean;
  /**
   * Set when the latest version only brought the ETag of the one before (`version - 1`), whose
   * data arrived live without one: forms based on that version take the ETag, edits or not.
   */
  etagOf: number | null;
};

type WorkspacesState = {
  list: { status: Status; items: Workspace[]; error: ApiError | null };
  current: CurrentState;
};

const emptyCurrent = (): CurrentState => ({
  id: null,
  status: "idle",
  workspace: null,
  etag: null,
  error: null,
  version: 0,
  mine: false,
  etagOf: null,
});

const [state, setState] = createStore<WorkspacesState>({
  list: { status: "idle", items: [], error: null },
  current: emptyCurrent(),
});

/** Read-only view; change it through the functions below. */
export const workspaces: Readonly<WorkspacesState> = state;

/** Whether I may do `action` in the open workspace: controls I cannot use are hidden or disabled. */
export const can = (action: Action): boolean => state.current.workspace?.my_permissions.includes(action) ?? false;

/** The open workspace as the list shows it, for what the sidebar draws before the detail arrives. */
export const listed = (id: string | null): Workspace | undefined =>
  id ? state.list.items.find((w) => w.id === id) : undefined;

/** The fields everyone sees: what the ETag covers, and what decides whether anything changed. */
const sharedOf = (w: WorkspaceDetail) => {
  const { my_role: _role, my_permissions: _permissions, ...shared } = w;
  return shared;
};
const sameVersion = (a: WorkspaceDetail, b: WorkspaceDetail) =>
  JSON.stringify(sharedOf(a)) === JSON.stringify(sharedOf(b));
/** Whether anything a person edits differs (a newer `updated_at` alone does not count). */
const editsDiffer = (a: WorkspaceDetail, b: WorkspaceDetail) => {
  const [x, y] = [sharedOf(a) as Record<string, unknown>, sharedOf(b) as Record<string, unknown>];
  return Object.keys(y).some((key) => key !== "updated_at" && JSON.stringify(x[key]) !== JSON.stringify(y[key]));
};

/** Keeps the list's copy in step with the open workspace (its name and logo are in the switcher). */
function syncListItem(detail: WorkspaceDetail) {
  const { my_permissions: _permissions, ...item } = detail;
  setState("list", "items", (w) => w.id === detail.id, reconcile(item));
}

/** The open workspace's data came live, without the ETag that goes with it. */
let etagStale = false;

/** A new version of the open workspace: counted only when something really differs, so echoes of my own save are not news. */
function setVersion(detail: WorkspaceDetail, etag: string | null, mine: boolean): boolean {
  if (state.current.id !== detail.id) return false;
  const before = state.current.workspace;
  const changed = !before || !sameVersion(before, detail) || before.my_role !== detail.my_role;
  const edited = !before || editsDiffer(before, detail);
  const permissionsChanged = before && before.my_permissions.join() !== detail.my_permissions.join();
  const newEtag = etag !== null && etag !== state.current.etag;
  if (etag !== null) etagStale = false;
  batch(() => {
    setState("current", "workspace", reconcile(detail));
    setState("current", { status: "ready", error: null });
    if (changed || newEtag || permissionsChanged) {
      setState("current", (c) => ({
        etag: etag ?? c.etag,
        version: c.version + 1,
        mine,
        etagOf: !edited && newEtag ? c.version : null,
      }));
    }
    syncListItem(detail);
  });
  return changed;
}

const pathOf = (id: string, rest = "") => `/v1/workspaces/${encodeURIComponent(id)}${rest}`;

async function fetchDetail(id: string): Promise<{ detail: WorkspaceDetail; etag: string | null }> {
  const { body, response } = await requestApi<WorkspaceDetail>("GET", pathOf(id));
  return { detail: body, etag: response.headers.get("ETag") };
}

/** Loads every page of my workspaces, oldest first. */
export async function loadWorkspaces(): Promise<void> {
  if (state.list.status !== "ready") setState("list", { status: "loading", error: null });
  try {
    const items: Workspace[] = [];
    let cursor: string | undefined;
    do {
      const query = cursor ? { limit: "100", cursor } : { limit: "100" };
      const page = await (await callApi(() => api.v1.workspaces.$get({ query }))).json();
      items.push(...page.data);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    batch(() => {
      setState("list", "items", reconcile(items, { key: "id" }));
      setState("list", { status: "ready", error: null });
    });
  } catch (failure) {
    setState("list", { status: "error", error: ApiError.from(failure) });
  }
}

/** Where /app/ should go: the workspace opened last on this device, or the first one; null when there is none. */
export function homeWorkspace(): Workspace | null {
  const userId = session.user?.id;
  const remembered = userId ? lastWorkspace(userId) : null;
  return state.list.items.find((w) => w.id === remembered) ?? state.list.items[0] ?? null;
}

/** Makes `id` the open workspace (remembered on this device) and loads it, unless it already is. */
export async function openWorkspace(id: string): Promise<void> {
  const userId = session.user?.id;
  if (userId) rememberWorkspace(userId, id);
  if (state.current.id === id && state.current.status !== "error" && state.current.status !== "gone") return;
  setState("current", { ...emptyCurrent(), id, status: "loading" });
  try {
    const { detail, etag } = await fetchDetail(id);
    setVersion(detail, etag, false);
  } catch (failure) {
    if (state.current.id === id) setState("current", { status: "error", error: ApiError.from(failure) });
  }
}

/** Fetches the open workspace again (after a missed change, or for a fresh ETag). */
export async function reloadCurrent(): Promise<void> {
  const id = state.current.id;
  if (!id || state.current.status === "gone") return;
  try {
    const { detail, etag } = await fetchDetail(id);
    setVersion(detail, etag, false);
  } catch (failure) {
    const error = ApiError.from(failure);
    if (error.status === 404) lostWorkspace(id, "You no longer have access to this workspace.");
    // Anything else (offline, say) leaves what is shown; the next change or reconnect tries again.
  }
}

let reloadTimer: ReturnType<typeof setTimeout> | undefined;
let reloading: Promise<void> | null = null;

/** Fetches now, or joins the fetch already under way. */
function reloadNow(): Promise<void> {
  clearTimeout(reloadTimer);
  reloading ??= reloadCurrent().finally(() => {
    reloading = null;
  });
  return reloading;
}

/** Several changes in a row make one fetch. */
function reloadSoon() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => void reloadNow(), 250);
}

/** Before a save: the ETag of what is shown, if a live change left it behind, so the save is not refused for nothing. */
export async function freshEtag(): Promise<void> {
  if (etagStale) await reloadNow();
}

export async function createWorkspace(input: NewWorkspace): Promise<WorkspaceDetail> {
  const response = await callApi(() => api.v1.workspaces.$post({ json: input }));
  const detail = await response.json();
  const { my_permissions: _permissions, ...item } = detail;
  setState("list", "items", (items) => [...items.filter((w) => w.id !== detail.id), item]);
  if (state.list.status !== "ready") setState("list", "status", "ready");
  return detail;
}

/** What a 412 carries: the workspace as it is now and its ETag. */
export type Conflict = { current: WorkspaceDetail; etag: string };

/** The current version out of a 412 precondition_failed, merged with my role and permissions. */
export function conflictOf(error: unknown): Conflict | null {
  if (!(error instanceof ApiError) || error.code !== "precondition_failed") return null;
  const details = error.details as { current?: unknown; etag?: unknown } | null;
  const current = state.current.workspace;
  if (!current || typeof details?.etag !== "string" || typeof details.current !== "object" || !details.current) {
    return null;
  }
  return { current: { ...current, ...(details.current as Partial<WorkspaceDetail>) }, etag: details.etag };
}

/**
 * Saves changes to the open workspace, made against the version with `etag`. They show at
 * once; a refusal puts back what was there and is rethrown for the form. A 412 (someone
 * saved in between) also brings their version in, so the page can offer "keep mine" or "take theirs".
 */
export async function saveWorkspace(changes: WorkspaceChanges, etag: string | null): Promise<WorkspaceDetail> {
  const before = state.current.workspace;
  const id = state.current.id;
  if (!before || !id) throw new ApiError("not_found", "Open a workspace first.", 404);
  const snapshot = structuredClone(unwrap(before));
  const optimistic: WorkspaceDetail = {
    ...snapshot,
    ...changes,
    description: changes.description === undefined ? snapshot.description : changes.description,
    logo: changes.logo === undefined ? snapshot.logo : changes.logo,
    branding: { ...snapshot.branding, ...changes.branding },
    settings: { ...snapshot.settings, ...changes.settings },
  };
  batch(() => {
    setState("current", "workspace", reconcile(optimistic));
    syncListItem(optimistic);
  });
  try {
    const { body: saved, response } = await requestApi<WorkspaceDetail>("PATCH", pathOf(id), {
      json: changes,
      headers: etag ? { "If-Match": etag } : {},
    });
    setVersion(saved, response.headers.get("ETag"), true);
    return saved;
  } catch (failure) {
    // Back to what was there, unless a newer version arrived meanwhile (it is the truth now).
    if (state.current.id === id && state.current.workspace && sameVersion(state.current.workspace, optimistic)) {
      batch(() => {
        setState("current", "workspace", reconcile(snapshot));
        syncListItem(snapshot);
      });
    }
    const conflict = conflictOf(failure);
    if (conflict) setVersion(conflict.current, conflict.etag, false);
    throw failure;
  }
}

/** "Take theirs" after a conflict: their version becomes what this tab shows and edits. */
export function takeTheirs(conflict: Conflict): void {
  setVersion(conflict.current, conflict.etag, false);
}

/** Hands the open workspace to another member; I stay on as an admin. */
export async function transferOwnership(userId: string): Promise<void> {
  const id = state.current.id;
  if (!id) return;
  const { body } = await requestApi<WorkspaceDetail>("POST", pathOf(id, "/transfer"), { json: { user_id: userId } });
  setVersion(body, null, true);
  // The answer carries no ETag; the next save needs a fresh one.
  reloadSoon();
}

/** Deletes the open workspace; the owner confirms with its slug. */
export async function deleteWorkspace(confirmSlug: string): Promise<void> {
  const current = state.current.workspace;
  if (!current) return;
  await departFrom(current.id, `${current.name} was deleted.`, () =>
    requestApi<null>("DELETE", pathOf(current.id), { json: { confirm_slug: confirmSlug } }),
  );
}

/** Leaves the open workspace (an owner transfers it first; the API says so). */
export async function leaveWorkspace(): Promise<void> {
  const current = state.current.workspace;
  if (!current) return;
  await departFrom(current.id, `You left ${current.name}.`, () =>
    requestApi<null>("POST", pathOf(current.id, "/leave")),
  );
}

// While I delete or leave a workspace, the room closing my socket and any fetch already in flight
// see it go first; the sentence shown is mine ("… was deleted."), not theirs ("no longer have access").
let departing: string | null = null;

async function departFrom(id: string, message: string, request: () => Promise<unknown>): Promise<void> {
  departing = id;
  try {
    await request();
  } catch (failure) {
    departing = null;
    throw failure;
  }
  forgetWorkspace(id, message, "success");
}

/** A workspace taken from me (by a teammate, or deleted elsewhere), unless I am the one leaving it. */
export function lostWorkspace(id: string, message: string): void {
  if (id !== departing) forgetWorkspace(id, message);
}

/**
 * A workspace I can no longer open (deleted, left, access revoked): it leaves the list and
 * this device's memory, and if it is open the page goes home with `message`.
 */
function forgetWorkspace(id: string, message: string, tone: "info" | "success" | "warning" = "warning"): void {
  const userId = session.user?.id;
  if (userId && lastWorkspace(userId) === id) rememberWorkspace(userId, null);
  batch(() => {
    setState("list", "items", (items) => items.filter((w) => w.id !== id));
    if (state.current.id === id) setState("current", { ...emptyCurrent(), id, status: "gone" });
  });
  flash.show(message, tone);
}

/** A newly joined workspace (an accepted invitation, an invite link): in the list before it is opened. */
export async function joined(): Promise<void> {
  await loadWorkspaces();
}

// Live: a change to the open workspace shows at once. The ETag is the server's hash of the
// whole row, which a change event cannot carry, so a fetch follows for the next save.
live.on("workspace", (change, workspaceId) => {
  const current = state.current.workspace;
  if (!current || current.id !== workspaceId || change.entity_id !== workspaceId) return;
  if (change.op === "delete") {
    lostWorkspace(workspaceId, `${current.name} was deleted.`);
    return;
  }
  const values: Record<string, unknown> = { ...change.data };
  for (const [field, diff] of Object.entries(change.changed ?? {})) {
    if (typeof diff === "object" && diff !== null && "to" in diff) values[field] = diff.to;
  }
  const allowed = Object.keys(sharedOf(current));
  const patch = Object.fromEntries(Object.entries(values).filter(([key]) => allowed.includes(key)));
  if (Object.keys(patch).length > 0 && setVersion({ ...structuredClone(unwrap(current)), ...patch }, null, false)) {
    etagStale = true;
  }
  reloadSoon();
});

// A role change (mine, perhaps) changes what I may do: fetch my permissions again.
live.on("workspace_member", (_change, workspaceId) => {
  if (state.current.id === workspaceId) reloadSoon();
});

live.onResync((workspaceId) => {
  if (state.current.id === workspaceId) reloadSoon();
  void loadWorkspaces();
});

// Another person signing in on this tab sees none of the last one's workspaces.
createRoot(() => {
  createEffect(
    on(
      () => session.user?.id,
      (userId, previous) => {
        if (previous === undefined || userId === previous) return;
        setState({ list: { status: "idle", items: [], error: null }, current: emptyCurrent() });
      },
      { defer: true },
    ),
  );
});
