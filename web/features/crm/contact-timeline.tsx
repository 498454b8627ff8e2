import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import type { z } from "zod";
import type { ActivityEntrySchema } from "../../../worker/features/activity/schema";
import { ApiError } from "../../lib/api-error";
import { live } from "../../lib/live/live";
import { fullTime, relativeTime } from "../../lib/relative-time";
import { requestApi } from "../../lib/request-api";
import { Avatar } from "../../ui/avatar";
import { ErrorState } from "../../ui/error-state";
import { Loading } from "../../ui/loading";
import type { Page } from "./contact-types";

type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

/**
 * One contact's history from the workspace's activity log (`entity_type=crm_contact&entity_id=…`),
 * newest first, a page at a time; it refreshes itself when the contact changes.
 */
export function ContactTimeline(props: { workspaceId: string; contactId: string }) {
  const [items, setItems] = createSignal<ActivityEntry[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<"loading" | "ready" | "error">("loading");
  const [error, setError] = createSignal<ApiError | null>(null);
  let generation = 0;

  const fetchPage = (after: string | null) =>
    requestApi<Page<ActivityEntry>>("GET", `/v1/workspaces/${encodeURIComponent(props.workspaceId)}/activity`, {
      query: { entity_type: "crm_contact", entity_id: props.contactId, limit: "20", cursor: after ?? undefined },
    });

  const load = async () => {
    const mine = ++generation;
    try {
      const { body } = await fetchPage(null);
      if (mine !== generation) return;
      setItems(body.data);
      setCursor(body.next_cursor);
      setStatus("ready");
    } catch (failure) {
      if (mine !== generation) return;
      setError(ApiError.from(failure));
      setStatus("error");
    }
  };
  const more = async () => {
    const after = cursor();
    if (!after) return;
    const mine = generation;
    const { body } = await fetchPage(after);
    if (mine !== generation) return;
    const seen = new Set(items().map((e) => e.id));
    setItems([...items(), ...body.data.filter((e) => !seen.has(e.id))]);
    setCursor(body.next_cursor);
  };
  createEffect(on(() => props.contactId, load));

  // The log entry is written in the same commit as the change the feed announces.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = live.on("crm_contact", (change, workspaceId) => {
    if (workspaceId !== props.workspaceId || change.entity_id !== props.contactId) return;
    clearTimeout(timer);
    timer = setTimeout(() => void load(), 400);
  });
  onCleanup(() => {
    clearTimeout(timer);
    off();
  });

  return (
    <section class="card" aria-labelledby="timeline-title" data-testid="contact-timeline">
      <h2 class="card__title" id="timeline-title">
        Timeline
      </h2>
      <Show when={status() !== "loading"} fallback={<Loading label="Loading the timeline…" />}>
        <Show
          when={status() === "ready"}
          fallback={<ErrorState title="We couldn't load the timeline" error={error()} onRetry={() => void load()} />}
        >
          <Show when={items().length > 0} fallback={<p class="muted">Nothing has happened to this contact yet.</p>}>
            <ol class="feed__list">
              <For each={items()}>
                {(entry) => (
                  <li class="feed__entry" data-testid="timeline-entry" data-type={entry.type}>
                    <Avatar name={entry.user.name ?? "Someone"} src={entry.user.avatar} size={28} />
                    <div class="feed__main">
                      <p class="feed__text">{entry.description}</p>
                      <Show when={entry.created_at}>
                        {(at) => (
                          <p class="row__meta" title={fullTime(at())}>
                            {relativeTime(at())}
                          </p>
                        )}
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ol>
            <Show when={cursor()}>
              <button type="button" class="button button--small button--ghost" onClick={() => void more()}>
                Show older
              </button>
            </Show>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
