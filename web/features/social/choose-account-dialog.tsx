import { useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { PLATFORM_LIMITS, type Platform } from "../../../worker/features/social/platforms/platform-limits";
import { ApiError } from "../../lib/api-error";
import { Dialog } from "../../ui/dialog";
import { Notice } from "../../ui/notice";
import type { PendingConnection, SocialStore } from "./social-store";

type Stage =
  | { kind: "loading" }
  | { kind: "choosing"; pending: PendingConnection }
  | { kind: "expired" }
  | { kind: "failed"; message: string };

/**
 * After a sign-in that manages several accounts (Facebook Pages, the Instagram accounts
 * linked to them), the callback comes back with `?choose={pendingId}&platform=…`: this
 * asks which one to connect. The server keeps the choice for fifteen minutes and takes
 * it once, so an old link or a second tab says so and offers to sign in again.
 */
export function ChooseAccountDialog(props: { store: SocialStore; connectUrl: (platform: string) => string }) {
  const [search, setSearch] = useSearchParams<{ choose?: string; platform?: string; connected?: string }>();
  const [stage, setStage] = createSignal<Stage>({ kind: "loading" });
  const [busy, setBusy] = createSignal<string | null>(null);
  const platform = () => (stage() as { pending?: PendingConnection }).pending?.platform ?? search.platform ?? "";
  const label = () => PLATFORM_LIMITS[platform() as Platform]?.label ?? (platform() || "the network");
  const gone = (failure: unknown) => ApiError.from(failure).status === 404;
  let expiry: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(expiry));

  createEffect(
    on(
      () => search.choose,
      async (pendingId) => {
        clearTimeout(expiry);
        if (!pendingId) return;
        setStage({ kind: "loading" });
        try {
          const pending = await props.store.pendingConnection(pendingId);
          if (search.choose !== pendingId) return;
          setStage({ kind: "choosing", pending });
          // The choice lapses while the dialog is open: say so rather than fail on the click.
          const left = new Date(pending.expires_at).getTime() - Date.now();
          expiry = setTimeout(() => setStage({ kind: "expired" }), Math.max(0, left));
        } catch (failure) {
          if (search.choose !== pendingId) return;
          setStage(gone(failure) ? { kind: "expired" } : { kind: "failed", message: ApiError.from(failure).message });
        }
      },
    ),
  );

  const close = (connected?: string) =>
    setSearch({ choose: undefined, platform: undefined, ...(connected ? { connected } : {}) }, { replace: true });

  const choose = async (pending: PendingConnection, accountId: string) => {
    setBusy(accountId);
    try {
      await props.store.choosePending(pending.id, accountId);
      clearTimeout(expiry);
      close(pending.platform);
    } catch (failure) {
      setStage(gone(failure) ? { kind: "expired" } : { kind: "failed", message: ApiError.from(failure).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog open={!!search.choose} title={`Which ${label()} account?`} onClose={() => close()} testId="choose-account">
      <div class="dialog__body stack">
        <Show when={stage().kind === "loading"}>
          <p class="muted">Loading the accounts this sign-in manages…</p>
        </Show>
        <Show when={stage().kind === "expired"}>
          <Notice tone="error" testId="choose-account-expired">
            This choice has expired or was already made: the accounts are kept for 15 minutes after signing in. Sign in
            with {label()} again to choose.
          </Notice>
        </Show>
        <Show when={stage().kind === "failed" && (stage() as { message: string }).message}>
          {(message) => <Notice tone="error">{message()}</Notice>}
        </Show>
        <Show when={stage().kind === "choosing" && (stage() as { pending: PendingConnection }).pending}>
          {(pending) => (
            <>
              <p>This sign-in manages several accounts. Choose the one to connect to this workspace.</p>
              <ul class="rows">
                <For each={pending().candidates}>
                  {(candidate) => (
                    <li class="row" data-testid="choose-account-candidate">
                      <div class="row__main">
                        <p class="row__title">{candidate.display_name ?? `@${candidate.username}`}</p>
                        <p class="row__meta">
                          @{candidate.username}
                          <Show when={candidate.connected}>
                            {" "}
                            <span class="badge badge--muted">already connected</span>
                          </Show>
                        </p>
                      </div>
                      <button
                        type="button"
                        class="button button--small button--primary"
                        disabled={busy() !== null}
                        onClick={() => void choose(pending(), candidate.account_id)}
                      >
                        {busy() === candidate.account_id
                          ? "Connecting…"
                          : candidate.connected
                            ? "Reconnect"
                            : "Connect"}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </div>
      <div class="dialog__actions">
        <button type="button" class="button" onClick={() => close()}>
          Cancel
        </button>
        <Show when={stage().kind === "expired" && platform()}>
          <a class="button button--primary" href={props.connectUrl(platform())}>
            Sign in with {label()} again
          </a>
        </Show>
      </div>
    </Dialog>
  );
}
