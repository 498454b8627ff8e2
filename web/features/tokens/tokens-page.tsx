import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { fullTime, relativeTime } from "../../lib/relative-time";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { EmptyState } from "../../ui/empty-state";
import { ErrorState } from "../../ui/error-state";
import { Icon } from "../../ui/icon";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { session } from "../auth/session-store";
import { SettingsNav } from "../settings/settings-nav";
import { inAbilityOrder } from "./ability-groups";
import { CreateTokenDialog } from "./create-token-dialog";
import { describeExpiry } from "./describe-expiry";
import { createTokensStore, type Token } from "./tokens-store";

/** /app/settings/tokens — personal access tokens: what each may do, when it expires, when it was last used. */
export function TokensPage() {
  const tokens = createTokensStore();
  const [creating, setCreating] = createSignal(false);
  const [revoking, setRevoking] = createSignal<Token | null>(null);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  onMount(() => void tokens.load());

  const expired = (token: Token) => token.expires_at !== null && new Date(token.expires_at).getTime() <= Date.now();

  const revoke = async () => {
    const token = revoking();
    if (!token || pending()) return;
    setPending(true);
    setError(null);
    try {
      // The confirm closes first: the row leaves at once, and comes back if the API refuses.
      setRevoking(null);
      await tokens.revoke(token.id);
    } catch (failure) {
      setError(`“${token.name}” was not revoked: ${ApiError.from(failure).message}`);
    } finally {
      setPending(false);
    }
  };

  return (
    <div class="stack">
      <SettingsNav />
      <section class="card" aria-labelledby="tokens-title">
        <div class="card__head card__head--wrap">
          <div>
            <h2 class="card__title" id="tokens-title">
              API tokens
            </h2>
            <p class="card__subtitle">
              Tokens let scripts and integrations use the Mewayz API as you, limited to the abilities you give them.
            </p>
          </div>
          <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
            <Icon name="plus" size={16} />
            Create token
          </button>
        </div>
        <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
        <Switch fallback={<Loading label="Loading your tokens…" />}>
          <Match when={tokens.state.status === "error"}>
            <ErrorState
              title="We couldn't load your tokens"
              error={tokens.state.error}
              onRetry={() => void tokens.load()}
            />
          </Match>
          <Match when={tokens.state.status === "ready" && tokens.state.items.length === 0}>
            <EmptyState
              icon="key"
              title="No API tokens yet"
              hint="Create one to connect a script or an integration to your account."
              action={{ label: "Create token", onClick: () => setCreating(true) }}
            />
          </Match>
          <Match when={tokens.state.status === "ready"}>
            <ul class="rows" data-testid="tokens">
              <For each={tokens.state.items}>
                {(token) => (
                  <li class="row row--top" data-testid="token-row">
                    <span class="row__icon">
                      <Icon name="key" size={18} />
                    </span>
                    <div class="row__main">
                      <p class="row__title">
                        {token.name}
                        <Show when={expired(token)}>
                          <span class="badge badge--bad">Expired</span>
                        </Show>
                      </p>
                      <ul class="chips" aria-label="Abilities">
                        <For each={inAbilityOrder(token.abilities)}>{(ability) => <li class="chip">{ability}</li>}</For>
                      </ul>
                      <p class="row__meta">
                        <span title={token.expires_at ? fullTime(token.expires_at) : undefined}>
                          {describeExpiry(token.expires_at)}
                        </span>
                        <span aria-hidden="true">·</span>
                        <span title={token.last_used_at ? fullTime(token.last_used_at) : undefined}>
                          {token.last_used_at ? `Last used ${relativeTime(token.last_used_at)}` : "Never used"}
                        </span>
                        <Show when={token.created_at}>
                          {(created) => (
                            <>
                              <span aria-hidden="true">·</span>
                              <span title={fullTime(created())}>Created {relativeTime(created())}</span>
                            </>
                          )}
                        </Show>
                      </p>
                    </div>
                    <button
                      type="button"
                      class="button button--small button--danger"
                      onClick={() => setRevoking(token)}
                      aria-label={`Revoke ${token.name}`}
                    >
                      Revoke
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>

      <CreateTokenDialog
        open={creating()}
        canGrantAdmin={session.user?.role === "admin"}
        onCreate={tokens.create}
        onClose={() => setCreating(false)}
      />
      <ConfirmDialog
        open={revoking() !== null}
        title="Revoke this token?"
        body={
          <p>
            Anything using <strong>{revoking()?.name}</strong> stops working right away. This cannot be undone.
          </p>
        }
        confirmLabel="Revoke token"
        danger
        pending={pending()}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      />
    </div>
  );
}
