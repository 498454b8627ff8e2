import { createEffect, createSignal, onCleanup, Show } from "solid-js";
import { live } from "../lib/live/live";
import { Icon } from "../ui/icon";

/** A blip shorter than this (a deploy, a network change) is not worth a warning. */
const GRACE_MS = { reconnecting: 2_000, connecting: 5_000 } as const;

/** "Offline — reconnecting…" in the header while the live feed is down; changes made meanwhile arrive on reconnect. */
export function LiveStatus() {
  const [offline, setOffline] = createSignal(false);
  createEffect(() => {
    const status = live.status();
    if (status !== "reconnecting" && status !== "connecting") {
      setOffline(false);
      return;
    }
    const timer = setTimeout(() => setOffline(true), GRACE_MS[status]);
    onCleanup(() => clearTimeout(timer));
  });
  return (
    <Show when={offline()}>
      <span
        class="live-status"
        role="status"
        data-testid="live-offline"
        title="Changes others make will show once the connection is back."
      >
        <Icon name="wifiOff" size={14} />
        Offline — reconnecting…
      </span>
    </Show>
  );
}
