import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { fullTime, relativeTime } from "../../lib/relative-time";
import { ErrorState } from "../../ui/error-state";
import { Icon } from "../../ui/icon";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { SettingsNav } from "../settings/settings-nav";
import { describeUserAgent } from "./describe-user-agent";
import { signOut, signOutEverywhere } from "./session-store";
import { createSessionsStore, type Session } from "./sessions-store";

/** /app/settings/sessions — every browser signed in to this account, and a way to sign each one out. */
export function SessionsPage() {
  const sessions = createSessionsStore();
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  onMount(() => void sessions.load());

  const others = () => sessions.state.items.filter((s) => !s.current);

  /** One action at a time; its failure is shown above the list. */
  const act = async (key: string, action: () => Promise<void>) => {
    if (busy()) return;
    setBusy(key);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(ApiError.from(failure).message);
    } finally {
      setBusy(null);
    }
  };

  const revoke = (session: Session) =>
    act(session.id, () => (session.current ? signOut() : sessions.revoke(session.id)));

  return (
    <div class="stack">
      <SettingsNav />
      <section class="card" aria-labelledby="sessions-title">
        <div class="card__head card__head--wrap">
          <div>
            <h2 class="card__title" id="sessions-title">
              Where you're signed in
            </h2>
            <p class="card__subtitle">Sign out any device you don't recognise, then change your password.</p>
          </div>
          <div class="inline-actions">
            <button
              type="button"
              class="button"
              disabled={busy() !== null || others().length === 0}
              onClick={() => void act("others", sessions.revokeOthers)}
            >
              {busy() === "others" ? "Signing out…" : "Sign out everywhere else"}
            </button>
            <button
              type="button"
              class="button button--ghost button--danger"
              disabled={busy() !== null}
              onClick={() => void act("all", signOutEverywhere)}
            >
              Sign out everywhere
            </button>
          </div>
        </div>
        <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
        <Switch fallback={<Loading label="Loading your sessions…" />}>
          <Match when={sessions.state.status === "error"}>
            <ErrorState
              title="We couldn't load your sessions"
              error={sessions.state.error}
              onRetry={() => void sessions.load()}
            />
          </Match>
          <Match when={sessions.state.status === "ready"}>
            <ul class="rows" data-testid="sessions">
              <For each={sessions.state.items}>
                {(session) => {
                  const device = describeUserAgent(session.user_agent);
                  return (
                    <li class="row">
                      <span class="row__icon">
                        <Icon name={device.mobile ? "smartphone" : "monitor"} size={18} />
                      </span>
                      <div class="row__main">
                        <p class="row__title">
                          {device.label}
                          <Show when={session.current}>
                            <span class="badge badge--accent">This device</span>
                          </Show>
                        </p>
                        <p class="row__meta">
                          <span>{session.ip_address ?? "Unknown IP address"}</span>
                          <span aria-hidden="true">·</span>
                          <span title={fullTime(session.last_active_at)}>
                            Active {relativeTime(session.last_active_at)}
                          </span>
                          <span aria-hidden="true">·</span>
                          <span>Signed in {fullTime(session.started_at)}</span>
                        </p>
                      </div>
                      <button
                        type="button"
                        class="button button--small"
                        disabled={busy() !== null}
                        onClick={() => void revoke(session)}
                        aria-label={session.current ? "Sign out of this device" : `Sign out ${device.label}`}
                      >
                        {busy() === session.id ? "Signing out…" : session.current ? "Sign out" : "Revoke"}
                      </button>
                    </li>
                  );
                }}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>
    </div>
  );
}
