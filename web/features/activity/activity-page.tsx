import { useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, For, Match, on, onCleanup, Show, Switch } from "solid-js";
import { fullTime, relativeTime } from "../../lib/relative-time";
import { Avatar } from "../../ui/avatar";
import { EmptyState } from "../../ui/empty-state";
import { ErrorState } from "../../ui/error-state";
import { Icon } from "../../ui/icon";
import { Loading } from "../../ui/loading";
import { createMembersStore } from "../members/members-store";
import { can } from "../workspaces/workspaces-store";
import { type ActivityEntry, type ActivityFilter, createActivityStore, exportUrl } from "./activity-store";

/** The kinds of activity to filter by: a type prefix the API matches (`crm_contact.`). */
const TYPES = [
  { value: "workspace.", label: "Workspace" },
  { value: "workspace_member.", label: "Members" },
  { value: "workspace_invitation.", label: "Invitations" },
  { value: "workspace_invite_link.", label: "Invite link" },
  { value: "crm_contact.", label: "CRM contacts" },
  { value: "link_in_bio_page.", label: "Link in bio" },
  { value: "social_media_post.", label: "Social posts" },
  { value: "email_campaign.", label: "Email campaigns" },
  { value: "course.", label: "Courses" },
  { value: "product.", label: "Store" },
] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A chosen day as the instant it starts (or ends) where the person is, in the ISO form the API takes. */
function dayBound(day: string | undefined, end: boolean): string | undefined {
  if (!day || !DAY.test(day)) return undefined;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return (end ? new Date(y, m - 1, d, 23, 59, 59) : new Date(y, m - 1, d)).toISOString();
}

/** "Today", "Yesterday", or the date: the heading above each day's entries. */
function dayLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((midnight(now) - midnight(date)) / 86_400_000);
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  return date.toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

const typeLabel = (type: string) => TYPES.find((t) => type.startsWith(t.value))?.label ?? type.split(".")[0];

/**
 * /app/w/:workspaceId/activity — everything that happened in the workspace, newest first:
 * filtered by kind, person and dates (kept in the address, so a view can be shared),
 * loaded a page at a time as the reader scrolls, and downloadable as CSV.
 */
export function ActivityPage() {
  const params = useParams<{ workspaceId: string }>();
  const [search, setSearch] = useSearchParams<{ type?: string; person?: string; from?: string; to?: string }>();

  const filter = createMemo<ActivityFilter>(() => ({
    type: search.type || undefined,
    user_id: search.person || undefined,
    from: dayBound(search.from, false),
    to: dayBound(search.to, true),
  }));
  const activity = createActivityStore(() => params.workspaceId, filter);
  createEffect(
    on(
      () => JSON.stringify(filter()),
      () => void activity.load(),
    ),
  );

  const members = createMembersStore(() => params.workspaceId);
  if (can("members.read")) void members.load();

  // Infinite scroll: the next page loads when the end of the list comes near the screen.
  let sentinel: HTMLDivElement | undefined;
  createEffect(() => {
    // Read the store first: returning on the (untracked) ref alone would leave nothing to re-run on.
    const more = activity.state.status === "ready" && activity.state.cursor !== null;
    if (!more || !sentinel) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void activity.loadMore();
      },
      { rootMargin: "400px" },
    );
    observer.observe(sentinel);
    onCleanup(() => observer.disconnect());
  });

  const days = createMemo(() => {
    const groups: { label: string; entries: ActivityEntry[] }[] = [];
    for (const entry of activity.state.items) {
      const label = entry.created_at ? dayLabel(entry.created_at) : "Earlier";
      const last = groups[groups.length - 1];
      if (last?.label === label) last.entries.push(entry);
      else groups.push({ label, entries: [entry] });
    }
    return groups;
  });

  const filtered = () => Boolean(search.type || search.person || search.from || search.to);
  const rangeProblem = () =>
    search.from && search.to && search.from > search.to ? "The end date is before the start date." : null;

  return (
    <div class="stack" data-testid="activity-page">
      <section class="card" aria-labelledby="activity-filters-title">
        <div class="card__head card__head--wrap">
          <h2 class="card__title" id="activity-filters-title">
            <Icon name="filter" size={16} /> Filter
          </h2>
          <a
            class="button button--small"
            href={exportUrl(params.workspaceId, filter())}
            download=""
            data-testid="activity-export"
          >
            <Icon name="download" size={16} />
            Export CSV
          </a>
        </div>
        <div class="filters">
          <label class="filter">
            <span class="field__label">Kind</span>
            <select
              class="input filter__control"
              value={search.type ?? ""}
              onChange={(event) => setSearch({ type: event.currentTarget.value || undefined })}
            >
              <option value="">Everything</option>
              <For each={TYPES}>{(type) => <option value={type.value}>{type.label}</option>}</For>
            </select>
          </label>
          <Show when={can("members.read")}>
            <label class="filter">
              <span class="field__label">Person</span>
              <select
                class="input filter__control"
                value={search.person ?? ""}
                onChange={(event) => setSearch({ person: event.currentTarget.value || undefined })}
              >
                <option value="">Anyone</option>
                <For each={members.state.items}>
                  {(member) => (
                    <option value={member.user_id} selected={member.user_id === search.person}>
                      {member.user.name}
                    </option>
                  )}
                </For>
              </select>
            </label>
          </Show>
          <label class="filter">
            <span class="field__label">From</span>
            <input
              class="input filter__control"
              type="date"
              value={search.from ?? ""}
              max={search.to || undefined}
              onChange={(event) => setSearch({ from: event.currentTarget.value || undefined })}
            />
          </label>
          <label class="filter">
            <span class="field__label">To</span>
            <input
              class="input filter__control"
              type="date"
              value={search.to ?? ""}
              min={search.from || undefined}
              onChange={(event) => setSearch({ to: event.currentTarget.value || undefined })}
            />
          </label>
          <Show when={filtered()}>
            <button
              type="button"
              class="button button--ghost button--small filter__clear"
              onClick={() => setSearch({ type: undefined, person: undefined, from: undefined, to: undefined })}
            >
              Clear filters
            </button>
          </Show>
        </div>
        <Show when={rangeProblem()}>{(text) => <p class="field__error">{text()}</p>}</Show>
      </section>

      <Show when={activity.state.stale}>
        <button type="button" class="new-activity" onClick={() => void activity.load()} data-testid="activity-new">
          <Icon name="refresh" size={14} />
          New activity — show it
        </button>
      </Show>

      <Switch fallback={<Loading label="Loading activity…" />}>
        <Match when={activity.state.status === "error"}>
          <ErrorState
            title="We couldn't load the activity"
            error={activity.state.error}
            onRetry={() => void activity.load()}
          />
        </Match>
        <Match when={activity.state.status === "ready" && activity.state.items.length === 0}>
          <EmptyState
            icon="activity"
            title={filtered() ? "Nothing matches these filters" : "No activity yet"}
            hint={
              filtered()
                ? "Try another kind, person or date range."
                : "Changes your team makes in this workspace will be listed here."
            }
          />
        </Match>
        <Match when={activity.state.status === "ready"}>
          <div class="feed" data-testid="activity-feed">
            <For each={days()}>
              {(day) => (
                <section class="feed__day" aria-label={day.label}>
                  <h2 class="section-title">{day.label}</h2>
                  <ol class="feed__list">
                    <For each={day.entries}>
                      {(entry) => (
                        <li class="feed__entry" data-testid="activity-entry" data-type={entry.type}>
                          <Avatar name={entry.user.name ?? "Someone"} src={entry.user.avatar} size={32} />
                          <div class="feed__main">
                            <p class="feed__text">{entry.description}</p>
                            <p class="row__meta">
                              <span class="chip">{typeLabel(entry.type)}</span>
                              <Show when={entry.created_at}>
                                {(at) => <span title={fullTime(at())}>{relativeTime(at())}</span>}
                              </Show>
                            </p>
                          </div>
                        </li>
                      )}
                    </For>
                  </ol>
                </section>
              )}
            </For>
            <div ref={sentinel} class="feed__end">
              <Switch>
                <Match when={activity.state.more === "loading"}>
                  <Loading label="Loading more…" />
                </Match>
                <Match when={activity.state.more === "error"}>
                  <button type="button" class="button" onClick={() => void activity.loadMore()}>
                    We couldn't load more. Try again
                  </button>
                </Match>
                <Match when={activity.state.cursor}>
                  <button type="button" class="button button--ghost" onClick={() => void activity.loadMore()}>
                    Load more
                  </button>
                </Match>
                <Match when={true}>
                  <p class="muted">That's everything.</p>
                </Match>
              </Switch>
            </div>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
