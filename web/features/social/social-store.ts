import { onCleanup } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { z } from "zod";
import type {
  AccountListSchema,
  AccountMetricsSchema,
  AccountSchema,
  PostMetricsSchema,
  PostSchema,
} from "../../../worker/features/social/schema";
import { ApiError } from "../../lib/api-error";
import { live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";

export type Post = z.infer<typeof PostSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type AccountMetrics = z.infer<typeof AccountMetricsSchema>;
export type PostMetrics = z.infer<typeof PostMetricsSchema>;
export type PlatformAvailability = z.infer<typeof AccountListSchema>["platforms"][number];

type State = {
  status: "loading" | "ready" | "error";
  error: ApiError | null;
  accounts: Account[];
  platforms: PlatformAvailability[];
  /** Posts of the calendar range plus every post waiting for approval or failed. */
  posts: Post[];
  range: { from: string; to: string };
};

const base = (workspaceId: string) => `/v1/workspaces/${encodeURIComponent(workspaceId)}`;

/**
 * The social module's data: connected accounts, the posts of the visible calendar
 * range, and those needing attention (approval, failed, unconfirmed). Edits show at
 * once and roll back when refused; teammates' changes arrive on the live feed.
 */
export function createSocialStore(workspaceId: () => string) {
  const [state, setState] = createStore<State>({
    status: "loading",
    error: null,
    accounts: [],
    platforms: [],
    posts: [],
    range: { from: "", to: "" },
  });

  const loadAccounts = async () => {
    const { body } = await requestApi<z.infer<typeof AccountListSchema>>(
      "GET",
      `${base(workspaceId())}/social-accounts`,
    );
    setState("accounts", reconcile(body.data, { key: "id" }));
    setState("platforms", body.platforms);
  };

  const loadPosts = async () => {
    const id = workspaceId();
    const { from, to } = state.range;
    const [calendar, attention] = await Promise.all([
      from && to
        ? requestApi<{ data: Post[] }>("GET", `${base(id)}/posts/calendar`, { query: { from, to } })
        : Promise.resolve({ body: { data: [] as Post[] } }),
      requestApi<{ data: Post[] }>("GET", `${base(id)}/posts`, {
        query: { status: "pending_approval,failed,unconfirmed,draft", limit: "100" },
      }),
    ]);
    const byId = new Map<string, Post>();
    for (const p of [...calendar.body.data, ...attention.body.data]) byId.set(p.id, p);
    if (id !== workspaceId()) return;
    setState("posts", reconcile([...byId.values()], { key: "id" }));
  };

  const load = async () => {
    try {
      await Promise.all([loadAccounts(), loadPosts()]);
      setState({ status: "ready", error: null });
    } catch (failure) {
      setState({ status: "error", error: ApiError.from(failure) });
    }
  };

  const setRange = (from: Date, to: Date) => {
    setState("range", { from: from.toISOString(), to: to.toISOString() });
    void loadPosts().catch((failure) => setState("error", ApiError.from(failure)));
  };

  const upsert = (post: Post) => {
    if (state.posts.some((p) => p.id === post.id)) setState("posts", (p) => p.id === post.id, reconcile(post));
    else setState("posts", (posts) => [...posts, post]);
  };

  const call = async <T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, json?: unknown) =>
    (await requestApi<T>(method, `${base(workspaceId())}${path}`, json === undefined ? {} : { json })).body;

  const compose = async (input: Record<string, unknown>) => {
    const { data } = await call<{ data: Post[] }>("POST", "/posts", input);
    for (const post of data) upsert(post);
    return data;
  };

  /** Moves a post to another time at once; back where it was if the API refuses. */
  const reschedule = async (postId: string, at: Date) => {
    const before = state.posts.find((p) => p.id === postId);
    if (!before) return;
    setState("posts", (p) => p.id === postId, "scheduled_at", at.toISOString());
    try {
      upsert(await call<Post>("PATCH", `/posts/${postId}`, { scheduled_at: at.toISOString() }));
    } catch (failure) {
      setState("posts", (p) => p.id === postId, "scheduled_at", before.scheduled_at);
      throw failure;
    }
  };

  const act = async (postId: string, action: "approve" | "reject" | "retry", json?: unknown) =>
    upsert(await call<Post>("POST", `/posts/${postId}/${action}`, action === "retry" ? undefined : (json ?? {})));

  const retryFailed = async () => {
    const result = await call<{ retried: number }>("POST", "/posts/retry", { all_failed: true });
    await loadPosts();
    return result.retried;
  };

  const remove = async (postId: string) => {
    await call<null>("DELETE", `/posts/${postId}`);
    setState("posts", (posts) => posts.filter((p) => p.id !== postId));
  };

  const connectSandbox = async (platform: string) => {
    await call<Account>("POST", "/social-accounts/sandbox", { platform });
    await loadAccounts();
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
    setRange,
    compose,
    reschedule,
    act,
    retryFailed,
    remove,
    connectSandbox,
    disconnect,
    nextSlot,
    accountMetrics,
    postMetrics,
    upsert,
  };
}

export type SocialStore = ReturnType<typeof createSocialStore>;
