import { onCleanup } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import type { z } from "zod";
import type {
  AccountListSchema,
  AccountMetricsSchema,
  AccountSchema,
  PendingConnectionSchema,
  PostMetricsSchema,
  PostSchema,
} from "../../../worker/features/social/schema";
import { ApiError } from "../../lib/api-error";
import { live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";
import { can } from "../workspaces/workspaces-store";
import { fromLocalInput } from "./local-time";

export type Post = z.infer<typeof PostSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type AccountMetrics = z.infer<typeof AccountMetricsSchema>;
export type PostMetrics = z.infer<typeof PostMetricsSchema>;
export type PendingConnection = z.infer<typeof PendingConnectionSchema>;
export type PlatformAvailability = z.infer<typeof AccountListSchema>["platforms"][number];

/** The lists beside the calendar, each paged on its own so one long list never hides another. */
export type ListName = "approvals" | "failed" | "drafts";
export const LIST_STATUSES: Record<ListName, Post["status"][]> = {
  approvals: ["pending_approval"],
  failed: ["failed", "unconfirmed"],
  drafts: ["draft"],
};
const PAGE_SIZE = 50;
type ListPage = { next_cursor: string | null; loading: boolean };
const LIST_NAMES = Object.keys(LIST_STATUSES) as ListName[];

/** What a post panel may change (content is co-edited live and saved by the room). */
export type PostChanges = {
  /** `YYYY-MM-DDTHH:MM` in the workspace's zone, as the composer sends it, or null to clear. */
  scheduled_at?: string | null;
  hashtags?: string[];
  media_urls?: string[];
  status?: "draft" | "scheduled";
};

type State = {
  status: "loading" | "ready" | "error";
  error: ApiError | null;
  accounts: Account[];
  platforms: PlatformAvailability[];
  /** Every post loaded: the calendar's range and the pages of each list, one copy per post. */
  posts: Post[];
  range: { from: string; to: string };
  lists: Record<ListName, ListPage>;
};

const base = (workspaceId: string) => `/v1/workspaces/${encodeURIComponent(workspaceId)}`;

/** Newest first, like the API's lists (post ids are time-ordered). */
const newestFirst = (a: Post, b: Post) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The social module's data: connected accounts, the posts of the visible calendar
 * range, and the lists needing attention (approvals, failed and unconfirmed, drafts),
 * each fetched and paged by itself. Edits show at once and roll back when refused;
 * teammates' changes arrive on the live feed.
 */
export function createSocialStore(workspaceId: () => string, timeZone: () => string = () => "UTC") {
  const [state, setState] = createStore<State>({
    status: "loading",
    error: null,
    accounts: [],
    platforms: [],
    posts: [],
    range: { from: "", to: "" },
    lists: {
      approvals: { next_cursor: null, loading: false },
      failed: { next_cursor: null, loading: false },
      drafts: { next_cursor: null, loading: false },
    },
  });

  const loadAccounts = async () => {
    const { body } = await requestApi<z.infer<typeof AccountListSchema>>(
      "GET",
      `${base(workspaceId())}/social-accounts`,
    );
    setState("accounts", reconcile(body.data, { key: "id" }));
    setState("platforms", body.platforms);
  };

  /** Adds or refreshes posts, keeping every other loaded post (the lists and the calendar share them). */
  const merge = (incoming: Post[]) => {
    if (incoming.length === 0) return;
    const byId = new Map(incoming.map((p) => [p.id, p]));
    const next = state.posts.map((p) => byId.get(p.id) ?? p);
    for (const p of state.posts) byId.delete(p.id);
    setState("posts", reconcile([...next, ...byId.values()], { key: "id" }));
  };

  const fetchCalendar = async () => {
    const { from, to } = state.range;
    if (!from || !to) return [] as Post[];
    const { body } = await requestApi<{ data: Post[] }>("GET", `${base(workspaceId())}/posts/calendar`, {
      query: { from, to },
    });
    return body.data;
  };

  const fetchPage = async (list: ListName, cursor?: string) =>
    (
      await requestApi<{ data: Post[]; next_cursor: string | null }>("GET", `${base(workspaceId())}/posts`, {
        query: { status: LIST_STATUSES[list].join(","), limit: String(PAGE_SIZE), cursor },
      })
    ).body;

  /** Everything afresh (first load, a resync after the feed dropped): the calendar and each list's first page. */
  const loadPosts = async () => {
    const id = workspaceId();
    const [calendar, ...pages] = await Promise.all([fetchCalendar(), ...LIST_NAMES.map((l) => fetchPage(l))]);
    if (id !== workspaceId()) return;
    const byId = new Map<string, Post>();
    for (const p of [...calendar, ...pages.flatMap((page) => page.data)]) byId.set(p.id, p);
    setState("posts", reconcile([...byId.values()], { key: "id" }));
    for (const [i, list] of LIST_NAMES.entries()) setState("lists", list, "next_cursor", pages[i]?.next_cursor ?? null);
  };

  const load = async () => {
    try {
      await Promise.all([loadAccounts(), loadPosts()]);
      setState({ status: "ready", error: null });
    } catch (failure) {
      setState({ status: "error", error: ApiError.from(failure) });
    }
  };

  /** The next page of one list ("Load more"); the first page again when `fromStart`. */
  const loadMore = async (list: ListName, fromStart = false) => {
    const cursor = fromStart ? undefined : state.lists[list].next_cursor;
    if (!fromStart && !cursor) return;
    const id = workspaceId();
    setState("lists", list, "loading", true);
    try {
      const page = await fetchPage(list, cursor ?? undefined);
      if (id !== workspaceId()) return;
      merge(page.data);
      setState("lists", list, "next_cursor", page.next_cursor);
    } finally {
      setState("lists", list, "loading", false);
    }
  };

  /** The loaded posts of a list, newest first; live changes move posts between lists by their status. */
  const listed = (list: ListName) =>
    state.posts.filter((p) => LIST_STATUSES[list].includes(p.status)).sort(newestFirst);

  const setRange = (from: Date, to: Date) => {
    setState("range", { from: from.toISOString(), to: to.toISOString() });
    const id = workspaceId();
    void fetchCalendar()
      .then((posts) => id === workspaceId() && merge(posts))
      .catch((failure) => setState("error", ApiError.from(failure)));
  };

  const upsert = (post: Post) => {
    if (state.posts.some((p) => p.id === post.id)) setState("posts", (p) => p.id === post.id, reconcile(post));
    else setState("posts", (posts) => [...posts, post]);
  };

  const call = async <T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, json?: unknown) =>
    (await requestApi<T>(method, `${base(workspaceId())}${path}`, json === undefined ? {} : { json })).body;

  /**
   * Shows a change to posts at once, then settles on what the API answers; puts the
   * posts back as they were when it refuses.
   */
  const optimistic = async <T>(patches: { id: string; patch: Partial<Post> }[], request: () => Promise<T>) => {
    const before = new Map<string, Post>();
    for (const { id, patch } of patches) {
      const current = state.posts.find((p) => p.id === id);
      if (!current) continue;
      before.set(id, { ...unwrap(current) });
      setState("posts", (p) => p.id === id, patch);
    }
    try {
      return await request();
    } catch (failure) {
      for (const [id, post] of before) setState("posts", (p) => p.id === id, reconcile(post));
      throw failure;
    }
  };

  const compose = async (input: Record<string, unknown>) => {
    const { data } = await call<{ data: Post[] }>("POST", "/posts", input);
    for (const post of data) upsert(post);
    return data;
  };

  /** Moves a post to another time at once; back where it was if the API refuses. */
  const reschedule = async (postId: string, at: Date) =>
    upsert(
      await optimistic([{ id: postId, patch: { scheduled_at: at.toISOString() } }], () =>
        call<Post>("PATCH", `/posts/${postId}`, { scheduled_at: at.toISOString() }),
      ),
    );

  /**
   * Edits a post's time, hashtags or media, or moves it between draft and scheduled
   * (a member who cannot publish sends it for approval instead, as the server decides).
   */
  const update = async (postId: string, changes: PostChanges) => {
    const patch: Partial<Post> = {};
    if (changes.hashtags) patch.hashtags = changes.hashtags;
    if (changes.media_urls) patch.media_urls = changes.media_urls;
    if (changes.scheduled_at !== undefined) {
      const at = changes.scheduled_at ? fromLocalInput(changes.scheduled_at, timeZone()) : null;
      patch.scheduled_at = at ? at.toISOString() : null;
    }
    if (changes.status === "draft") patch.status = "draft";
    if (changes.status === "scheduled") {
      patch.status = can("social.posts.publish") ? "scheduled" : "pending_approval";
      patch.failure_reason = null;
    }
    const post = await optimistic([{ id: postId, patch }], () => call<Post>("PATCH", `/posts/${postId}`, changes));
    upsert(post);
    return post;
  };

  const act = async (postId: string, action: "approve" | "reject" | "retry", json?: unknown) => {
    const patch: Partial<Post> =
      action === "reject"
        ? { status: "draft", review_comment: (json as { comment?: string } | undefined)?.comment ?? null }
        : { status: "scheduled", failure_reason: null };
    upsert(
      await optimistic([{ id: postId, patch }], () =>
        call<Post>("POST", `/posts/${postId}/${action}`, action === "retry" ? undefined : (json ?? {})),
      ),
    );
  };

  /**
   * Settles an unconfirmed post after a person checked the network: live (with its id
   * there, when they have it) or not (it becomes failed, to retry or edit).
   */
  const confirm = async (postId: string, published: boolean, externalPostId?: string) => {
    const id = externalPostId?.trim() || undefined;
    const patch: Partial<Post> = published
      ? { status: "published", ...(id ? { external_post_id: id } : {}) }
      : { status: "failed" };
    upsert(
      await optimistic([{ id: postId, patch }], () =>
        call<Post>("POST", `/posts/${postId}/confirm`, { published, ...(id ? { external_post_id: id } : {}) }),
      ),
    );
  };

  /** Retries the chosen failed posts, or every failed post of the workspace (loaded or not). */
  const retryFailed = async (postIds?: string[]) => {
    const ids =
      postIds ??
      listed("failed")
        .filter((p) => p.status === "failed")
        .map((p) => p.id);
    const result = await optimistic(
      ids.map((id) => ({ id, patch: { status: "scheduled" as const, failure_reason: null } })),
      () => call<{ retried: number }>("POST", "/posts/retry", postIds ? { post_ids: postIds } : { all_failed: true }),
    );
    // The feed brings each retried post; a fresh first page shows any that were not.
    await loadMore("failed", true);
    return result.retried;
  };

  const remove = async (postId: string) => {
    await call<null>("DELETE", `/posts/${postId}`);
    setState("posts", (posts) => posts.filter((p) => p.id !== postId));
  };

  /** Connects a sandbox account; naming an existing one reconnects it (fresh tokens, active again). */
  const connectSandbox = async (platform: string, username?: string) => {
    await call<Account>("POST", "/social-accounts/sandbox", { platform, ...(username ? { username } : {}) });
    await loadAccounts();
  };

  /** The accounts a sign-in that manages several (Facebook Pages, their Instagram accounts) could connect. */
  const pendingConnection = (pendingId: string) =>
    call<PendingConnection>("GET", `/social-accounts/pending/${encodeURIComponent(pendingId)}`);

  /** Connects the one the person chose; the choice can be made once. */
  const choosePending = async (pendingId: string, accountId: string) => {
    const account = await call<Account>("POST", `/social-accounts/pending/${encodeURIComponent(pendingId)}`, {
      account_id: accountId,
    });
    await loadAccounts();
    return account;
  };

  const disconnect = async (accountId: string) => {
    await call<null>("DELETE", `/social-accounts/${accountId}`);
    setState("accounts", (accounts) => accounts.filter((a) => a.id !== accountId));
  };

  const nextSlot = (accountId?: string) =>
    requestApi<{ slot: string | null; local: string | null; time_zone: string }>(
      "GET",
      `${base(workspaceId())}/posts/next-slot`,
      {
        query: { account_id: accountId },
      },
    ).then((r) => r.body);

  /** An account's engagement per day of the workspace's calendar, `from` to `to` (YYYY-MM-DD, both included). */
  const accountMetrics = (accountId: string, range: { from?: string; to?: string } = {}) =>
    requestApi<AccountMetrics>(
      "GET",
      `${base(workspaceId())}/social-accounts/${encodeURIComponent(accountId)}/metrics`,
      {
        query: range,
      },
    ).then((r) => r.body);

  const postMetrics = (postId: string) =>
    requestApi<PostMetrics>("GET", `${base(workspaceId())}/posts/${encodeURIComponent(postId)}/metrics`).then(
      (r) => r.body,
    );

  const offPosts = live.on("social_media_post", (change, id) => {
    if (id !== workspaceId()) return;
    if (change.op === "delete") setState("posts", (posts) => posts.filter((p) => p.id !== change.entity_id));
    else if (change.data) upsert(change.data as Post);
  });
  const offAccounts = live.on("social_media_account", (change, id) => {
    if (id !== workspaceId()) return;
    if (change.op === "delete") setState("accounts", (a) => a.filter((x) => x.id !== change.entity_id));
    else void loadAccounts();
  });
  const offResync = live.onResync((id) => {
    if (id === workspaceId()) void load();
  });
  onCleanup(() => {
    offPosts();
    offAccounts();
    offResync();
  });

  return {
    state,
    load,
    loadMore,
    listed,
    setRange,
    compose,
    reschedule,
    update,
    act,
    confirm,
    retryFailed,
    remove,
    connectSandbox,
    pendingConnection,
    choosePending,
    disconnect,
    nextSlot,
    accountMetrics,
    postMetrics,
    upsert,
  };
}

export type SocialStore = ReturnType<typeof createSocialStore>;
