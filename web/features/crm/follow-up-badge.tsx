import { createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";
import type { FollowUpCount } from "./contact-types";
import { contactsPath } from "./contacts-path";

/**
 * The CRM's navigation badge: follow-ups overdue or due today. Counted by the API (in the
 * workspace's time zone) and asked again, once a burst of contact changes settles.
 */
export function FollowUpBadge(props: { workspaceId: string }) {
  const [count, setCount] = createSignal<FollowUpCount | null>(null);
  let generation = 0;

  const fetchCount = async () => {
    const mine = ++generation;
    try {
      const { body } = await requestApi<FollowUpCount>("GET", contactsPath(props.workspaceId, "/follow-ups/count"));
      if (mine === generation) setCount(body);
    } catch {
      // A badge is a hint: without it the page still works, so a failed count shows nothing.
      if (mine === generation) setCount(null);
    }
  };
  createEffect(on(() => props.workspaceId, fetchCount));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = (workspaceId: string) => {
    if (workspaceId !== props.workspaceId) return;
    clearTimeout(timer);
    timer = setTimeout(() => void fetchCount(), 1_000);
  };
  const offChange = live.on("crm_contact", (_change, workspaceId) => soon(workspaceId));
  const offResync = live.onResync(soon);
  // The day turns over while the page is open: what was due tomorrow is due now.
  const hourly = setInterval(() => void fetchCount(), 3_600_000);
  onCleanup(() => {
    clearTimeout(timer);
    clearInterval(hourly);
    offChange();
    offResync();
  });

  const due = () => (count()?.overdue ?? 0) + (count()?.today ?? 0);
  return (
    <Show when={due() > 0}>
      <span
        class="nav__badge"
        classList={{ "nav__badge--overdue": (count()?.overdue ?? 0) > 0 }}
        data-testid="follow-up-badge"
        title={`${count()?.overdue ?? 0} overdue, ${count()?.today ?? 0} due today`}
      >
        {due() > 99 ? "99+" : due()}
        <span class="visually-hidden"> follow-ups due</span>
      </span>
    </Show>
  );
}
