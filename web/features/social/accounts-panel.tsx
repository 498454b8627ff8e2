import { createSignal, For, Show } from "solid-js";
import { PLATFORM_LIMITS, type Platform } from "../../../worker/features/social/platforms/platform-limits";
import { ApiError } from "../../lib/api-error";
import { Notice } from "../../ui/notice";
import { can } from "../workspaces/workspaces-store";
import { AccountEngagement } from "./account-engagement";
import { ChooseAccountDialog } from "./choose-account-dialog";
import type { Account, SocialStore } from "./social-store";

const day = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** When the account's access runs out and when it was last renewed: a refresh keeps it ahead of expiry. */
function health(account: Account) {
  const parts: string[] = [];
  if (account.token_expires_at) {
    const past = new Date(account.token_expires_at).getTime() <= Date.now();
    parts.push(`${past ? "Access expired" : "Access valid until"} ${day(account.token_expires_at)}`);
  } else parts.push("Access does not expire");
  if (account.last_sync_at) parts.push(`last refreshed ${day(account.last_sync_at)}`);
  return parts.join(" · ");
}

/**
 * Connected accounts with their health and, one at a time, their engagement per day;
 * connect or reconnect through the network, or a sandbox account locally.
 */
export function AccountsPanel(props: { store: SocialStore; workspaceId: string; timeZone: string }) {
  const [error, setError] = createSignal<string | null>(null);
  const [charted, setCharted] = createSignal<string | null>(null);
  const connectUrl = (platform: string) =>
    `/api/v1/workspaces/${encodeURIComponent(props.workspaceId)}/social-accounts/connect/${platform}`;
  const label = (platform: string) => PLATFORM_LIMITS[platform as Platform]?.label ?? platform;
  const run = (work: Promise<unknown>) => {
    setError(null);
    work.catch((failure) => setError(ApiError.from(failure).message));
  };
  return (
    <section class="card stack" aria-labelledby="accounts-title" data-testid="accounts">
      <h2 class="card__title" id="accounts-title">
        Accounts
      </h2>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <ul class="rows">
        <For each={props.store.state.accounts}>
          {(account) => (
            <li class="row row--wrap" data-testid="account-row">
              <span
                class="status-dot"
                classList={{
                  "status-dot--ok": account.status === "active",
                  "status-dot--bad": account.status !== "active",
                }}
              />
              <div class="row__main">
                <p class="row__title">
                  {label(account.platform)} · @{account.username}{" "}
                  {account.sandbox ? <span class="badge badge--muted">sandbox</span> : null}
                </p>
                <p class="row__meta" data-testid="account-health">
                  {account.status === "active"
                    ? "Connected"
                    : `${account.status === "revoked" ? "Access withdrawn" : "Expired"}: reconnect to keep publishing. ${account.last_error ?? ""}`.trim()}
                </p>
                <p class="row__meta" data-testid="account-tokens">
                  {health(account)}
                </p>
              </div>
              <div class="inline-actions">
                <button
                  type="button"
                  class="button button--small"
                  aria-expanded={charted() === account.id}
                  onClick={() => setCharted((id) => (id === account.id ? null : account.id))}
                  data-testid="account-engagement-toggle"
                >
                  Engagement
                </button>
              </div>
              <Show when={can("social.accounts.manage")}>
                <div class="inline-actions">
                  <Show when={account.status !== "active"}>
                    <Show
                      when={account.sandbox}
                      fallback={
                        <a class="button button--small button--primary" href={connectUrl(account.platform)}>
                          Reconnect
                        </a>
                      }
                    >
                      <button
                        type="button"
                        class="button button--small button--primary"
                        onClick={() => run(props.store.connectSandbox(account.platform, account.username))}
                      >
                        Reconnect
                      </button>
                    </Show>
                  </Show>
                  <button
                    type="button"
                    class="button button--small button--ghost"
                    onClick={() => run(props.store.disconnect(account.id))}
                  >
                    Disconnect
                  </button>
                </div>
              </Show>
              <Show when={charted() === account.id}>
                <div class="account-engagement">
                  <AccountEngagement store={props.store} account={account} timeZone={props.timeZone} />
                </div>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.store.state.accounts.length === 0}>
        <p class="muted" data-testid="accounts-empty">
          No accounts connected yet: connect one below to schedule posts and follow their engagement.
        </p>
      </Show>
      <ChooseAccountDialog store={props.store} connectUrl={connectUrl} />
      <Show when={can("social.accounts.manage")}>
        <div class="stack stack--tight">
          <p class="field__label">Connect</p>
          <div class="inline-actions">
            <For each={props.store.state.platforms}>
              {(p) => (
                <>
                  <Show when={p.configured}>
                    <a class="button button--small" href={connectUrl(p.platform)}>
                      {label(p.platform)}
                    </a>
                  </Show>
                  <Show when={!p.configured && p.sandbox}>
                    <button
                      type="button"
                      class="button button--small"
                      data-testid={`sandbox-${p.platform}`}
                      onClick={() => run(props.store.connectSandbox(p.platform))}
                    >
                      {label(p.platform)} sandbox
                    </button>
                  </Show>
                </>
              )}
            </For>
          </div>
          <p class="muted">
            Sandbox accounts publish to a local stand-in network; write #fail in a post to see a failure.
          </p>
        </div>
      </Show>
    </section>
  );
}
