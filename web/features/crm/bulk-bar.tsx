import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { Notice } from "../../ui/notice";
import { type ContactQuery, filterOf } from "./contact-query";
import { type BulkAction, STATUS_LABELS, STATUSES } from "./contact-types";
import type { ContactsStore } from "./contacts-store";

type ActionBody =
  | { action: "add_tags" | "remove_tags"; tags: string[] }
  | { action: "set_status"; status: (typeof STATUSES)[number] }
  | { action: "set_follow_up"; next_follow_up: string | null }
  | { action: "delete" };

/** The API takes at most this many contacts per action, by ids or by filter. */
const MAX_BULK = 1000;

/**
 * What to do with the selected contacts, or with every contact the filter matches:
 * tag, untag, set the status or the follow-up, delete (after a confirmation).
 */
export function BulkBar(props: {
  store: ContactsStore;
  query: ContactQuery;
  ids: string[];
  allMatching: boolean;
  loadedCount: number;
  hasMore: boolean;
  canDelete: boolean;
  onSelectAllMatching: () => void;
  onDone: () => void;
}) {
  const [tags, setTags] = createSignal("");
  const [day, setDay] = createSignal("");
  const [confirming, setConfirming] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const [message, setMessage] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);

  const what = () =>
    props.allMatching
      ? "every contact matching the filter"
      : props.ids.length === 1
        ? "1 contact"
        : `${props.ids.length} contacts`;

  const run = async (body: ActionBody) => {
    setMessage(null);
    setPending(true);
    const action = (
      props.allMatching ? { ...body, filter: filterOf(props.query) } : { ...body, contact_ids: props.ids }
    ) as BulkAction;
    try {
      const affected = await props.store.bulk(action, (sofar) =>
        setMessage({ tone: "success", text: `${sofar.toLocaleString("en-US")} contacts changed so far…` }),
      );
      setMessage({ tone: "success", text: affected === 1 ? "1 contact changed." : `${affected} contacts changed.` });
      setTags("");
      if (body.action === "delete") props.onDone();
    } catch (failure) {
      setMessage({ tone: "error", text: ApiError.from(failure).message });
    } finally {
      setPending(false);
      setConfirming(false);
    }
  };
  const tagList = () =>
    tags()
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);

  return (
    <section class="crm-bulk" aria-label="Bulk actions" data-testid="bulk-bar">
      <div class="crm-bulk__row">
        <strong>{props.allMatching ? "All matching" : `${props.ids.length} selected`}</strong>
        <Show when={!props.allMatching && props.ids.length === props.loadedCount && props.hasMore}>
          <button type="button" class="button button--small button--ghost" onClick={() => props.onSelectAllMatching()}>
            Select every contact matching the filter (up to {MAX_BULK.toLocaleString()})
          </button>
        </Show>
        <form
          class="crm-bulk__group"
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <label class="visually-hidden" for="bulk-tags">
            Tags for the selected contacts
          </label>
          <input
            id="bulk-tags"
            class="input input--compact crm-bulk__input"
            placeholder="tag, another"
            value={tags()}
            onInput={(event) => setTags(event.currentTarget.value)}
          />
          <button
            type="button"
            class="button button--small"
            disabled={pending() || tagList().length === 0}
            onClick={() => void run({ action: "add_tags", tags: tagList() })}
          >
            Add tags
          </button>
          <button
            type="button"
            class="button button--small"
            disabled={pending() || tagList().length === 0}
            onClick={() => void run({ action: "remove_tags", tags: tagList() })}
          >
            Remove tags
          </button>
        </form>
        <label class="crm-bulk__group">
          <span class="visually-hidden">Set the status of the selected contacts</span>
          <select
            class="input input--compact crm-bulk__input"
            disabled={pending()}
            onChange={(event) => {
              const status = STATUSES.find((s) => s === event.currentTarget.value);
              event.currentTarget.value = "";
              if (status) void run({ action: "set_status", status });
            }}
          >
            <option value="">Set status…</option>
            <For each={STATUSES}>{(s) => <option value={s}>{STATUS_LABELS[s]}</option>}</For>
          </select>
        </label>
        <div class="crm-bulk__group">
          <label class="visually-hidden" for="bulk-follow-up">
            Follow-up date for the selected contacts
          </label>
          <input
            id="bulk-follow-up"
            class="input input--compact crm-bulk__input"
            type="date"
            value={day()}
            onInput={(event) => setDay(event.currentTarget.value)}
          />
          <button
            type="button"
            class="button button--small"
            disabled={pending()}
            onClick={() => void run({ action: "set_follow_up", next_follow_up: day() || null })}
          >
            {day() ? "Set follow-up" : "Clear follow-up"}
          </button>
        </div>
        <Show when={props.canDelete}>
          <button
            type="button"
            class="button button--small button--danger"
            disabled={pending()}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        </Show>
        <button type="button" class="button button--small button--ghost" onClick={() => props.onDone()}>
          Clear selection
        </button>
      </div>
      <Show when={message()}>{(m) => <Notice tone={m().tone}>{m().text}</Notice>}</Show>
      <ConfirmDialog
        open={confirming()}
        title={`Delete ${what()}?`}
        body={
          <p>
            Their details, tags and notes are deleted for everyone in the workspace. This cannot be undone; the activity
            log keeps a line about each.
          </p>
        }
        confirmLabel="Delete contacts"
        danger
        pending={pending()}
        onConfirm={() => void run({ action: "delete" })}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
