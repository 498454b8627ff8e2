import { onCleanup } from "solid-js";
import { createStore } from "solid-js/store";
import type { z } from "zod";
import type { ActivityEntrySchema } from "../../../worker/features/activity/schema";
import { ApiError } from "../../lib/api-error";
import { live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";

export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

/** The feed's filters as the API takes them; an empty one is left out. */
export type ActivityFilter = { type?: string; user_id?: string; from?: string; to?: string };

type ActivityState = {
  status: "loading" | "ready" | "error";
  items: ActivityEntry[];
  cursor: string | null;
  /** A next page is being fetched; its failure is kept apart, so the entries shown stay. */
  more: "idle" | "loading" | "error";
  error: ApiError | null;
  /** Something changed in the workspace since the feed was loaded. */
  stale: boolean;
};

const PAGE = "30";

const activityPath = (workspaceId: string, rest = "") =>
  `/v1/workspaces/${encodeURIComponent(workspaceId)}/activity${rest}`;

/** The query string of a filter, shared by the feed and the CSV export. */
export function filterQuery(filter: ActivityFilter): Record<string, string | undefined> {
  return { type: filter.type, user_id: filter.user_id, from: filter.from, to: filter.to };
}

/** The CSV export of the same filter: a plain link, so the browser downloads it with the session cookie. */
export function exportUrl(workspaceId: string, filter: ActivityFilter): string {
  const url = new URL(`/api${activityPath(workspaceId, "/export")}`, window.location.origin);
  for (const [key, value] of Object.entries(filterQuery(filter))) if (value) url.searchParams.set(key, value);
  return `${url.pathname}${url.search}`;
}

/**
 * A workspace's activity, newest first, a page at a time with the API's cursor. Changes
 * arriving live mark the feed stale rather than reshuffle it under the reader.
 */
export function createActivityStore(workspaceId: () => string, filter: () => ActivityFilter) {
  const [state, setState] = createStore<ActivityState>({
    status: "loading",
    items: [],
    cursor: null,
    more: "idle",
    error: null,
    stale: false,
  });
  // Answers to an older filter are dropped: the person may change it while a page loads.
  let generation = 0;

  const fetchPage = (cursor: string | null) =>
    requestApi<{ data: ActivityEntry[]; next_cursor: string | null }>("GET", activityPath(workspaceId()), {
      query: { ...filterQuery(filter()), limit: PAGE, ...(cursor ? { cursor } : {}) },
    });

  const load = async () => {
    const mine = ++generation;
    setState({ status: "loading", error: null, more: "idle", stale: false });
    try {
      const { body } = await fetchPage(null);
      if (mine !== generation) return;
      setState({ status: "ready", items: body.data, cursor: body.next_cursor, error: null });
    } catch (failure) {
      if (mine !== generation) return;
      setState({ status: "error", error: ApiError.from(failure) });
    }
  };

  const loadMore = async () => {
    if (state.status !== "ready" || !state.cursor || state.more === "loading") return;
    const mine = generation;
    setState("more", "loading");
    try {
      const { body } = await fetchPage(state.cursor);
      if (mine !== generation) return;
      const seen = new Set(state.items.map((e) => e.id));
      setState({
        items: [...state.items, ...body.data.filter((e) => !seen.has(e.id))],
        cursor: body.next_cursor,
        more: "idle",
      });
    } catch {
      if (mine === generation) setState("more", "error");
    }
  };

  const off = live.on("*", (_change, id) => {
    if (id === workspaceId() && state.status === "ready") setState("stale", true);
  });
  onCleanup(off);

  return { state, load, loadMore };
}
