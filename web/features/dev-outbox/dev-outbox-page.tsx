import { useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import { relativeTime } from "../../lib/relative-time";
import { useDocumentTitle } from "../../lib/use-document-title";
import { EmptyState } from "../../ui/empty-state";
import { ErrorState } from "../../ui/error-state";
import { Icon } from "../../ui/icon";
import { Loading } from "../../ui/loading";
import { listOutbox } from "./list-outbox";
import { MailPreview } from "./mail-preview";

/**
 * /app/dev/outbox — the mail the app would have sent, while no mail provider is set up
 * (local development and tests). Open to anyone: the worker only answers outside production.
 */
export function DevOutboxPage() {
  useDocumentTitle(() => "Dev outbox");
  const [params, setParams] = useSearchParams<{ to: string }>();
  const to = () => (typeof params.to === "string" ? params.to : "");
  const [filter, setFilter] = createSignal(to());
  const [mail, { refetch }] = createResource(to, listOutbox);
  const [selectedId, setSelectedId] = createSignal<string | null>(null);

  // New mail usually arrives while you are in another tab, signing up or resetting a password.
  const onFocus = () => void refetch();
  window.addEventListener("focus", onFocus);
  onCleanup(() => window.removeEventListener("focus", onFocus));

  const list = () => (mail.state === "ready" || mail.state === "refreshing" ? (mail.latest ?? []) : []);
  const selected = () => list().find((m) => m.id === selectedId()) ?? list()[0] ?? null;
  createEffect(() => {
    if (selectedId() && !list().some((m) => m.id === selectedId())) setSelectedId(null);
  });

  return (
    <div class="outbox">
      <div class="outbox__head">
        <div>
          <h1 class="outbox__title">Dev outbox</h1>
          <p class="muted">Mail kept here instead of being sent, newest first. Only in development.</p>
        </div>
        <form
          class="outbox__filter"
          onSubmit={(event) => {
            event.preventDefault();
            setParams({ to: filter().trim() || undefined });
          }}
        >
          <label class="visually-hidden" for="outbox-to">
            Recipient
          </label>
          <input
            id="outbox-to"
            class="input"
            type="search"
            placeholder="Filter by recipient"
            value={filter()}
            onInput={(event) => setFilter(event.currentTarget.value)}
          />
          <button type="submit" class="button">
            Filter
          </button>
          <button type="button" class="button" onClick={() => void refetch()} disabled={mail.loading}>
            <Icon name="refresh" size={16} />
            Refresh
          </button>
        </form>
      </div>
      <Switch fallback={<Loading label="Loading mail…" />}>
        <Match when={mail.state === "errored"}>
          <ErrorState title="We couldn't load the outbox" error={mail.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={(mail.state === "ready" || mail.state === "refreshing") && list().length === 0}>
          <EmptyState
            icon="inbox"
            title="No mail yet"
            hint={
              to()
                ? `Nothing was sent to ${to()}. Sign up or reset a password and it will show up here.`
                : "Sign up or ask for a password reset, and the mail it sends will show up here."
            }
          />
        </Match>
        <Match when={mail.state === "ready" || mail.state === "refreshing"}>
          <div class="outbox__body">
            <ul class="outbox__list" aria-label="Mail" data-testid="outbox-list">
              <For each={list()}>
                {(item) => (
                  <li>
                    <button
                      type="button"
                      class="outbox__item"
                      classList={{ "is-active": selected()?.id === item.id }}
                      aria-current={selected()?.id === item.id ? "true" : undefined}
                      onClick={() => setSelectedId(item.id)}
                    >
                      <span class="outbox__subject">{item.subject}</span>
                      <span class="outbox__to">{item.to_address}</span>
                      <Show when={item.created_at}>
                        {(at) => <span class="outbox__time">{relativeTime(at())}</span>}
                      </Show>
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <Show when={selected()}>{(current) => <MailPreview mail={current()} />}</Show>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
