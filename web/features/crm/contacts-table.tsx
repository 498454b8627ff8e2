import { A } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { Icon } from "../../ui/icon";
import { Notice } from "../../ui/notice";
import { workspacePath } from "../workspaces/workspace-path";
import { BulkBar } from "./bulk-bar";
import type { ContactOrder, ContactQuery } from "./contact-query";
import {
  type Contact,
  type ContactChanges,
  type ContactSortKey,
  contactName,
  STATUS_LABELS,
  STATUSES,
} from "./contact-types";
import type { ContactsStore } from "./contacts-store";
import { EditableCell } from "./editable-cell";
import { isOverdue, localDay, shortDate } from "./format-contact";
import { visibleRange } from "./visible-range";

const ROW_HEIGHT = 44;
/** When the drawn rows come this close to the last loaded one, the next page is asked for. */
const LOAD_AHEAD = 30;

type Column = { key: string; label: string; sort?: ContactSortKey };
const COLUMNS: Column[] = [
  { key: "name", label: "Name", sort: "name" },
  { key: "email", label: "Email" },
  { key: "company", label: "Company" },
  { key: "status", label: "Status" },
  { key: "lead_score", label: "Score", sort: "score" },
  { key: "tags", label: "Tags" },
  { key: "next_follow_up", label: "Follow-up", sort: "next_follow_up" },
  { key: "last_contacted", label: "Contacted", sort: "last_contacted" },
  { key: "created_at", label: "Created", sort: "created" },
];

const DEFAULT_ORDER: Record<ContactSortKey, "asc" | "desc"> = {
  created: "desc",
  name: "asc",
  updated: "desc",
  score: "desc",
  last_contacted: "desc",
  next_follow_up: "asc",
};

/**
 * The contacts as a table that stays fast at any length: only the rows on screen are in
 * the page (fixed-height rows in a scrolled box), and the next page loads as the reader
 * nears the end. Cells edit in place; rows are selected for bulk actions.
 */
export function ContactsTable(props: {
  workspaceId: string;
  store: ContactsStore;
  query: ContactQuery;
  onSort: (order: ContactOrder) => void;
  canEdit: boolean;
  canBulk: boolean;
  canDelete: boolean;
}) {
  const [scrollTop, setScrollTop] = createSignal(0);
  const [height, setHeight] = createSignal(600);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let viewport: HTMLTableSectionElement | undefined;

  onMount(() => {
    if (!viewport) return;
    const observer = new ResizeObserver(() => setHeight(viewport?.clientHeight ?? 600));
    observer.observe(viewport);
    onCleanup(() => observer.disconnect());
  });

  const items = () => props.store.state.items;
  const range = createMemo(() =>
    visibleRange({ scrollTop: scrollTop(), viewportHeight: height(), rowHeight: ROW_HEIGHT, count: items().length }),
  );
  const rows = createMemo(() =>
    items()
      .slice(range().start, range().end)
      .map((contact, i) => ({ contact, index: range().start + i })),
  );

  createEffect(() => {
    // Also re-checked when a refresh or a page load ends: a scroll made meanwhile asked for nothing.
    const { refreshing, more, cursor } = props.store.state;
    if (!refreshing && more === "idle" && cursor && range().end >= items().length - LOAD_AHEAD) {
      void props.store.loadMore();
    }
  });
  // A new search starts at the top, with nothing selected.
  createEffect(
    on(
      () => JSON.stringify(props.query),
      () => {
        if (viewport) viewport.scrollTop = 0;
        setSelected(new Set<string>());
        setAllMatching(false);
      },
      { defer: true },
    ),
  );
  // Rows deleted (here or by others) leave the selection.
  createEffect(() => {
    const present = new Set(items().map((c) => c.id));
    const current = selected();
    if ([...current].some((id) => !present.has(id))) setSelected(new Set([...current].filter((id) => present.has(id))));
  });

  const toggle = (id: string) => {
    const next = new Set(selected());
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
    setAllMatching(false);
  };
  const allLoadedSelected = () => items().length > 0 && selected().size === items().length;
  const toggleAll = () => {
    setAllMatching(false);
    setSelected(allLoadedSelected() ? new Set<string>() : new Set(items().map((c) => c.id)));
  };

  const save = (contact: Contact, changes: ContactChanges) => {
    setError(null);
    props.store.update(contact.id, changes).catch((failure) => setError(ApiError.from(failure).message));
  };

  const sortBy = (key: ContactSortKey) => {
    const current = props.query.sort;
    const order = props.query.order ?? DEFAULT_ORDER[current];
    if (current === key) props.onSort({ sort: key, order: order === "asc" ? "desc" : "asc" });
    else props.onSort({ sort: key, order: undefined });
  };
  const ariaSort = (column: Column) => {
    if (!column.sort || column.sort !== props.query.sort) return "none";
    return (props.query.order ?? DEFAULT_ORDER[column.sort]) === "asc" ? "ascending" : "descending";
  };

  return (
    <div class="stack stack--tight">
      <Show when={props.canBulk && (selected().size > 0 || allMatching())}>
        <BulkBar
          store={props.store}
          query={props.query}
          ids={[...selected()]}
          allMatching={allMatching()}
          canDelete={props.canDelete}
          loadedCount={items().length}
          hasMore={props.store.state.cursor !== null}
          onSelectAllMatching={() => setAllMatching(true)}
          onDone={() => {
            setSelected(new Set<string>());
            setAllMatching(false);
          }}
        />
      </Show>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <div class="crm-table" data-testid="contacts-table">
        <table
          class="crm-table__table"
          aria-label="Contacts"
          aria-rowcount={items().length + 1}
          aria-busy={props.store.state.refreshing}
        >
          <thead>
            <tr class="crm-table__row crm-table__row--head" aria-rowindex={1}>
              <th class="crm-table__cell crm-table__cell--check" scope="col">
                <Show when={props.canBulk}>
                  <input
                    type="checkbox"
                    aria-label="Select all loaded contacts"
                    checked={allLoadedSelected()}
                    ref={(box) => createEffect(() => (box.indeterminate = selected().size > 0 && !allLoadedSelected()))}
                    onChange={toggleAll}
                  />
                </Show>
              </th>
              <For each={COLUMNS}>
                {(column) => (
                  <th class="crm-table__cell" scope="col" aria-sort={ariaSort(column)}>
                    <Show when={column.sort} fallback={column.label}>
                      {(key) => (
                        <button type="button" class="crm-sort" onClick={() => sortBy(key())}>
                          {column.label}
                          <span aria-hidden="true" class="crm-sort__arrow">
                            {ariaSort(column) === "ascending" ? "↑" : ariaSort(column) === "descending" ? "↓" : ""}
                          </span>
                        </button>
                      )}
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody
            ref={viewport}
            class="crm-table__viewport"
            // As tall as its rows, up to what the window leaves: a short list does not trail empty space.
            style={{
              height: `min(${Math.max(items().length, 2) * ROW_HEIGHT}px, max(360px, 100vh - 360px))`,
            }}
            onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
          >
            {/* Only the drawn rows are in the page: this gives the box the height of them all, for the scrollbar. */}
            <tr class="crm-table__spacer" style={{ height: `${items().length * ROW_HEIGHT}px` }} />
            <For each={rows()}>
              {(row) => {
                const c = () => row.contact;
                const name = () => contactName(c());
                return (
                  <tr
                    class="crm-table__row"
                    classList={{ "is-selected": selected().has(c().id) }}
                    aria-rowindex={row.index + 2}
                    style={{ top: `${row.index * ROW_HEIGHT}px` }}
                    data-testid="contact-row"
                    data-contact-id={c().id}
                  >
                    <td class="crm-table__cell crm-table__cell--check">
                      <Show when={props.canBulk}>
                        <input
                          type="checkbox"
                          aria-label={`Select ${name()}`}
                          checked={selected().has(c().id)}
                          onChange={() => toggle(c().id)}
                        />
                      </Show>
                    </td>
                    <td class="crm-table__cell crm-table__cell--name">
                      <A href={workspacePath(props.workspaceId, `/crm/contacts/${c().id}`)} class="link">
                        {name()}
                      </A>
                    </td>
                    <td class="crm-table__cell">
                      <EditableCell
                        label={`Email of ${name()}`}
                        value={c().email ?? ""}
                        display={c().email ?? <span class="muted">—</span>}
                        type="email"
                        readOnly={!props.canEdit}
                        onSave={(email) => save(c(), { email: email.trim() || null })}
                      />
                    </td>
                    <td class="crm-table__cell">
                      <EditableCell
                        label={`Company of ${name()}`}
                        value={c().company ?? ""}
                        display={c().company ?? <span class="muted">—</span>}
                        readOnly={!props.canEdit}
                        onSave={(company) => save(c(), { company: company.trim() || null })}
                      />
                    </td>
                    <td class="crm-table__cell">
                      <select
                        class={`input input--compact crm-status crm-status--${c().status}`}
                        aria-label={`Status of ${name()}`}
                        value={c().status}
                        disabled={!props.canEdit}
                        onChange={(event) => {
                          const status = STATUSES.find((s) => s === event.currentTarget.value);
                          if (status) save(c(), { status });
                        }}
                      >
                        <For each={STATUSES}>
                          {(s) => (
                            <option value={s} selected={s === c().status}>
                              {STATUS_LABELS[s]}
                            </option>
                          )}
                        </For>
                      </select>
                    </td>
                    <td class="crm-table__cell">
                      <EditableCell
                        label={`Lead score of ${name()}`}
                        value={String(c().lead_score)}
                        display={<span class="crm-score">{c().lead_score}</span>}
                        type="number"
                        readOnly={!props.canEdit}
                        onSave={(score) => {
                          const n = Number(score);
                          if (score.trim() !== "" && Number.isFinite(n)) save(c(), { lead_score: n });
                          else setError("Enter a lead score from 0 to 100.");
                        }}
                      />
                    </td>
                    <td class="crm-table__cell crm-table__cell--tags">
                      <For each={c().tags.slice(0, 3)}>{(tag) => <span class="chip">{tag}</span>}</For>
                      <Show when={c().tags.length > 3}>
                        <span class="muted">+{c().tags.length - 3}</span>
                      </Show>
                    </td>
                    <td class="crm-table__cell">
                      <EditableCell
                        label={`Next follow-up with ${name()}`}
                        value={localDay(c().next_follow_up)}
                        display={
                          <span classList={{ "crm-overdue": isOverdue(c().next_follow_up) }}>
                            {shortDate(c().next_follow_up) || <span class="muted">—</span>}
                          </span>
                        }
                        type="date"
                        readOnly={!props.canEdit}
                        onSave={(day) => save(c(), { next_follow_up: day || null })}
                      />
                    </td>
                    <td class="crm-table__cell muted">{shortDate(c().last_contacted)}</td>
                    <td class="crm-table__cell muted">{shortDate(c().created_at)}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
        <div class="crm-table__foot" role="status" aria-live="polite">
          <span>
            {items().length === 1 ? "1 contact" : `${items().length.toLocaleString()} contacts`}
            {props.store.state.cursor ? " loaded so far" : ""}
          </span>
          <Show when={props.store.state.more === "loading"}>
            <span class="muted">Loading more…</span>
          </Show>
          <Show when={props.store.state.more === "error"}>
            <button type="button" class="button button--small" onClick={() => void props.store.loadMore()}>
              <Icon name="refresh" size={14} /> We couldn't load more. Try again
            </button>
          </Show>
          <Show when={props.store.state.cursor && props.store.state.more === "idle"}>
            <button
              type="button"
              class="button button--small button--ghost"
              onClick={() => void props.store.loadMore()}
            >
              Load more
            </button>
          </Show>
        </div>
      </div>
    </div>
  );
}
