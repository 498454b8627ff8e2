import { useParams, useSearchParams } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { workspaceTimeZone } from "../../../worker/lib/workspace-clock";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ErrorState } from "../../ui/error-state";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { workspaces } from "../workspaces/workspaces-store";
import { AccountsPanel } from "./accounts-panel";
import { ApprovalQueue, DraftsList, FailedPosts } from "./attention-lists";
import { Calendar } from "./calendar";
import { Composer } from "./composer";
import { PostPanel } from "./post-panel";
import { createSocialStore, type ListName } from "./social-store";

const TABS = [
  { id: "calendar", label: "Calendar" },
  { id: "compose", label: "Compose" },
  { id: "drafts", label: "Drafts" },
  { id: "approvals", label: "Approvals" },
  { id: "failed", label: "Failed" },
  { id: "accounts", label: "Accounts" },
] as const;

/** /app/w/:workspaceId/social — plan, approve and publish posts to the workspace's accounts. */
export function SocialPage() {
  const params = useParams<{ workspaceId: string }>();
  const [search, setSearch] = useSearchParams<{ tab?: string; connected?: string; error?: string }>();
  const timeZone = () =>
    workspaceTimeZone(workspaces.current.workspace?.settings as { timezone?: unknown } | undefined);
  const store = createSocialStore(() => params.workspaceId, timeZone);
  void store.load();
  useDocumentTitle(() => "Social");
  const [open, setOpen] = createSignal<string | null>(null);
  const tab = () => search.tab ?? "calendar";
  /** How many a list holds, "50+" while more pages wait. */
  const count = (list: ListName) => {
    const n = store.listed(list).length;
    return n ? ` (${n}${store.state.lists[list].next_cursor ? "+" : ""})` : "";
  };
  const COUNTED: Partial<Record<string, ListName>> = { approvals: "approvals", failed: "failed", drafts: "drafts" };

  return (
    <div class="stack" data-testid="social-page">
      <Show when={search.connected}>
        <Notice tone="success">Connected your {search.connected} account.</Notice>
      </Show>
      <Show when={search.error}>
        {(message) => <Notice tone="error">The connection did not work: {message()}</Notice>}
      </Show>
      <div class="segmented" role="tablist" aria-label="Social">
        <For each={TABS}>
          {(t) => (
            <label class="segmented__option">
              <input
                type="radio"
                name="social-tab"
                checked={tab() === t.id}
                onChange={() => setSearch({ tab: t.id, connected: undefined, error: undefined })}
              />
              <span>
                {t.label}
                {COUNTED[t.id] ? count(COUNTED[t.id] as ListName) : ""}
              </span>
            </label>
          )}
        </For>
      </div>
      <Switch>
        <Match when={store.state.status === "loading"}>
          <Loading />
        </Match>
        <Match when={store.state.status === "error"}>
          <ErrorState error={store.state.error} onRetry={() => void store.load()} />
        </Match>
        <Match when={store.state.status === "ready"}>
          <Switch>
            <Match when={tab() === "calendar"}>
              <Calendar store={store} timeZone={timeZone()} onOpen={(p) => setOpen(p.id)} />
            </Match>
            <Match when={tab() === "compose"}>
              <Composer
                store={store}
                workspaceId={params.workspaceId}
                timeZone={timeZone()}
                onDone={() => setSearch({ tab: "calendar" })}
              />
            </Match>
            <Match when={tab() === "approvals"}>
              <ApprovalQueue store={store} timeZone={timeZone()} />
            </Match>
            <Match when={tab() === "failed"}>
              <FailedPosts store={store} onOpen={(p) => setOpen(p.id)} />
            </Match>
            <Match when={tab() === "drafts"}>
              <DraftsList store={store} onOpen={(p) => setOpen(p.id)} />
            </Match>
            <Match when={tab() === "accounts"}>
              <AccountsPanel store={store} workspaceId={params.workspaceId} timeZone={timeZone()} />
            </Match>
          </Switch>
          <Show when={open()} keyed>
            {(id) => (
              <PostPanel
                store={store}
                workspaceId={params.workspaceId}
                timeZone={timeZone()}
                postId={id}
                onClose={() => setOpen(null)}
              />
            )}
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
