import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { Icon } from "../../ui/icon";
import type { ContactFilter, ContactQuery } from "./contact-query";
import { FOLLOW_UP_LABELS, type FollowUpWindow, STATUS_LABELS, STATUSES } from "./contact-types";

/** Typing pauses this long before the list is asked again: fast enough to feel live, slow enough to skip most keys. */
const SEARCH_DELAY_MS = 200;

const WINDOWS = Object.keys(FOLLOW_UP_LABELS) as FollowUpWindow[];

/**
 * The contacts' search and filters. Every change goes to the address at once (the list
 * follows it), except the search box, which waits for a pause in typing.
 */
export function ContactFilters(props: {
  query: ContactQuery;
  onChange: (changes: Partial<ContactFilter>) => void;
  onClear: () => void;
  filtered: boolean;
}) {
  const [text, setText] = createSignal(props.query.q ?? "");
  const [open, setOpen] = createSignal(false);
  // Back and forward, or "clear filters", change the address under the box: show what it says.
  createEffect(
    on(
      () => props.query.q,
      (q) => {
        if ((q ?? "") !== text().trim()) setText(q ?? "");
      },
      { defer: true },
    ),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const search = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => props.onChange({ q: value.trim() || undefined }), SEARCH_DELAY_MS);
  };

  const statuses = () => props.query.status ?? [];
  const toggleStatus = (status: (typeof STATUSES)[number]) => {
    const next = statuses().includes(status) ? statuses().filter((s) => s !== status) : [...statuses(), status];
    props.onChange({ status: next.length > 0 ? next : undefined });
  };
  const numberOrNone = (value: string) => (value.trim() === "" ? undefined : Number(value));
  const advanced = () =>
    [
      props.query.tags,
      props.query.score_min,
      props.query.score_max,
      props.query.source,
      props.query.company,
      props.query.created_from,
      props.query.created_to,
    ].filter((v) => v !== undefined).length;

  return (
    <div class="crm-filters" data-testid="contact-filters">
      <div class="crm-filters__row">
        <label class="crm-search">
          <span class="visually-hidden">Search contacts</span>
          <input
            class="input"
            type="search"
            placeholder="Search name, email, company, notes…"
            value={text()}
            onInput={(event) => search(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                clearTimeout(timer);
                props.onChange({ q: text().trim() || undefined });
              }
            }}
            data-testid="contact-search"
          />
        </label>
        <fieldset class="crm-status-filter">
          <legend class="visually-hidden">Status</legend>
          <For each={STATUSES}>
            {(status) => (
              <button
                type="button"
                class="crm-chip-toggle"
                aria-pressed={statuses().includes(status)}
                onClick={() => toggleStatus(status)}
              >
                {STATUS_LABELS[status]}
              </button>
            )}
          </For>
        </fieldset>
        <label class="filter crm-filters__compact">
          <span class="visually-hidden">Follow-up</span>
          <select
            class="input input--compact"
            value={props.query.follow_up ?? ""}
            onChange={(event) =>
              props.onChange({
                follow_up: WINDOWS.find((w) => w === event.currentTarget.value),
              })
            }
          >
            <option value="">Any follow-up</option>
            <For each={WINDOWS}>
              {(w) => (
                <option value={w} selected={props.query.follow_up === w}>
                  Follow-up: {FOLLOW_UP_LABELS[w]}
                </option>
              )}
            </For>
          </select>
        </label>
        <button
          type="button"
          class="button button--small"
          aria-expanded={open()}
          aria-controls="crm-more-filters"
          onClick={() => setOpen(!open())}
        >
          <Icon name="filter" size={14} />
          More filters
          <Show when={advanced() > 0}>
            <span class="badge badge--accent">{advanced()}</span>
          </Show>
        </button>
        <Show when={props.filtered}>
          <button type="button" class="button button--ghost button--small" onClick={() => props.onClear()}>
            Clear filters
          </button>
        </Show>
      </div>
      <Show when={open()}>
        <div class="filters crm-filters__more" id="crm-more-filters">
          <label class="filter">
            <span class="field__label">Tags</span>
            <input
              class="input filter__control"
              placeholder="vip, newsletter"
              value={props.query.tags?.join(", ") ?? ""}
              onChange={(event) => {
                const tags = event.currentTarget.value
                  .split(",")
                  .map((t) => t.trim())
                  .filter(Boolean);
                props.onChange({ tags: tags.length > 0 ? tags : undefined });
              }}
            />
          </label>
          <label class="filter">
            <span class="field__label">Match</span>
            <select
              class="input filter__control"
              value={props.query.tags_mode ?? "any"}
              onChange={(event) =>
                props.onChange({ tags_mode: event.currentTarget.value === "all" ? "all" : undefined })
              }
            >
              <option value="any">Any of the tags</option>
              <option value="all" selected={props.query.tags_mode === "all"}>
                All of the tags
              </option>
            </select>
          </label>
          <label class="filter">
            <span class="field__label">Score from</span>
            <input
              class="input filter__control"
              type="number"
              min="0"
              max="100"
              value={props.query.score_min ?? ""}
              onChange={(event) => props.onChange({ score_min: numberOrNone(event.currentTarget.value) })}
            />
          </label>
          <label class="filter">
            <span class="field__label">Score to</span>
            <input
              class="input filter__control"
              type="number"
              min="0"
              max="100"
              value={props.query.score_max ?? ""}
              onChange={(event) => props.onChange({ score_max: numberOrNone(event.currentTarget.value) })}
            />
          </label>
          <label class="filter">
            <span class="field__label">Source</span>
            <input
              class="input filter__control"
              value={props.query.source ?? ""}
              onChange={(event) => props.onChange({ source: event.currentTarget.value.trim() || undefined })}
            />
          </label>
          <label class="filter">
            <span class="field__label">Company</span>
            <input
              class="input filter__control"
              value={props.query.company ?? ""}
              onChange={(event) => props.onChange({ company: event.currentTarget.value.trim() || undefined })}
            />
          </label>
          <label class="filter">
            <span class="field__label">Created from</span>
            <input
              class="input filter__control"
              type="date"
              value={props.query.created_from ?? ""}
              max={props.query.created_to || undefined}
              onChange={(event) => props.onChange({ created_from: event.currentTarget.value || undefined })}
            />
          </label>
          <label class="filter">
            <span class="field__label">Created to</span>
            <input
              class="input filter__control"
              type="date"
              value={props.query.created_to ?? ""}
              min={props.query.created_from || undefined}
              onChange={(event) => props.onChange({ created_to: event.currentTarget.value || undefined })}
            />
          </label>
        </div>
      </Show>
    </div>
  );
}
