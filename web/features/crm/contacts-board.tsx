import { A } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { unwrap } from "solid-js/store";
import { ApiError } from "../../lib/api-error";
import { ErrorState } from "../../ui/error-state";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { ConflictNotice } from "../workspaces/conflict-notice";
import { workspacePath } from "../workspaces/workspace-path";
import type { ContactQuery } from "./contact-query";
import { type Contact, type ContactStatus, contactName, FIELD_LABELS, STATUS_LABELS, STATUSES } from "./contact-types";
import { createContactsStore } from "./contacts-store";
import { shortDate } from "./format-contact";

const DRAG_TYPE = "application/x-mewayz-contact";

/**
 * The pipeline as a board: a column per status, lead to inactive. A card is dragged to
 * another column, or moved from the keyboard with Alt+← and Alt+→, to change its status;
 * the move shows at once and goes back if the API refuses it.
 */
export function ContactsBoard(props: { workspaceId: string; query: ContactQuery; canEdit: boolean }) {
  const columns = Object.fromEntries(
    STATUSES.map((status) => [
      status,
      createContactsStore({
        workspaceId: () => props.workspaceId,
        query: () => ({ ...props.query, status: [status] }),
        keep: (contact) => contact.status === status,
        pageSize: 50,
      }),
    ]),
  ) as Record<ContactStatus, ReturnType<typeof createContactsStore>>;
  /** The status filter picks the columns; without one, the whole pipeline. */
  const shown = () => {
    const chosen = props.query.status ?? [];
    return chosen.length > 0 ? STATUSES.filter((s) => chosen.includes(s)) : STATUSES;
  };

  createEffect(
    on(
      () => JSON.stringify(props.query),
      () => {
        for (const status of shown()) void columns[status].load();
      },
    ),
  );

  const [error, setError] = createSignal<string | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  const [over, setOver] = createSignal<ContactStatus | null>(null);

  const move = (contact: Contact, to: ContactStatus, refocus = false) => {
    const from = contact.status;
    if (from === to || !props.canEdit) return;
    setError(null);
    columns[to].receive({ ...unwrap(contact), status: to });
    setAnnouncement(`${contactName(contact)} moved to ${STATUS_LABELS[to]}.`);
    if (refocus) queueMicrotask(() => document.querySelector<HTMLElement>(`[data-card-id="${contact.id}"]`)?.focus());
    columns[from]
      .update(contact.id, { status: to })
      .then((saved) => {
        if (!saved) columns[to].forget(contact.id);
      })
      .catch((failure) => {
        columns[to].forget(contact.id);
        setError(ApiError.from(failure).message);
        setAnnouncement(`${contactName(contact)} could not be moved.`);
      });
  };

  const conflicted = () => STATUSES.map((s) => columns[s]).find((store) => store.state.conflict);

  return (
    <div class="stack stack--tight">
      <p id="board-help" class="visually-hidden">
        Drag a card to another column, or focus it and press Alt with the left or right arrow, to change its status.
      </p>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <Show when={conflicted()}>
        {(store) => (
          <ConflictNotice
            fields={store().state.conflict?.fields ?? []}
            labels={FIELD_LABELS}
            pending={false}
            onKeepMine={() =>
              void store()
                .keepMine()
                .catch((f) => setError(ApiError.from(f).message))
            }
            onTakeTheirs={() => store().takeTheirs()}
          />
        )}
      </Show>
      <div class="crm-board" data-testid="contacts-board">
        <For each={shown()}>
          {(status) => {
            const store = columns[status];
            return (
              <section
                class="crm-board__column"
                classList={{ "is-over": over() === status }}
                aria-labelledby={`board-${status}`}
                data-testid="board-column"
                data-status={status}
                onDragOver={(event) => {
                  if (!event.dataTransfer?.types.includes(DRAG_TYPE)) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = "move";
                  setOver(status);
                }}
                onDragLeave={(event) => {
                  if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
                }}
                onDrop={(event) => {
                  event.preventDefault();
                  setOver(null);
                  const id = event.dataTransfer?.getData(DRAG_TYPE);
                  const contact = STATUSES.flatMap((s) => columns[s].state.items).find((c) => c.id === id);
                  if (contact) move(contact, status);
                }}
              >
                <h3 class="crm-board__title" id={`board-${status}`}>
                  {STATUS_LABELS[status]}
                  <span class="badge badge--muted">
                    {store.state.items.length}
                    {store.state.cursor ? "+" : ""}
                  </span>
                </h3>
                <Show when={store.state.status !== "loading"} fallback={<Loading label="Loading…" />}>
                  <Show
                    when={store.state.status !== "error"}
                    fallback={<ErrorState error={store.state.error} onRetry={() => void store.load()} />}
                  >
                    <ul class="crm-board__cards">
                      <For each={store.state.items}>
                        {(contact) => (
                          <li
                            class="crm-card"
                            draggable={props.canEdit}
                            tabindex="0"
                            aria-describedby="board-help"
                            data-card-id={contact.id}
                            data-testid="board-card"
                            onDragStart={(event) => {
                              event.dataTransfer?.setData(DRAG_TYPE, contact.id);
                              event.dataTransfer?.setData("text/plain", contactName(contact));
                              if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
                            }}
                            onKeyDown={(event) => {
                              if (!event.altKey || event.target !== event.currentTarget) return;
                              const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
                              const to = shown()[shown().indexOf(status) + step];
                              if (step === 0 || !to) return;
                              event.preventDefault();
                              move(contact, to, true);
                            }}
                          >
                            <A
                              class="crm-card__name"
                              href={workspacePath(props.workspaceId, `/crm/contacts/${contact.id}`)}
                            >
                              {contactName(contact)}
                            </A>
                            <Show when={contact.company || contact.email}>
                              <span class="crm-card__meta">{contact.company ?? contact.email}</span>
                            </Show>
                            <span class="crm-card__meta">
                              Score {contact.lead_score}
                              <Show when={contact.next_follow_up}>
                                {" "}
                                · follow up {shortDate(contact.next_follow_up)}
                              </Show>
                            </span>
                          </li>
                        )}
                      </For>
                    </ul>
                    <Show when={store.state.cursor}>
                      <button
                        type="button"
                        class="button button--small button--ghost"
                        onClick={() => void store.loadMore()}
                      >
                        {store.state.more === "loading" ? "Loading…" : "Show more"}
                      </button>
                    </Show>
                  </Show>
                </Show>
              </section>
            );
          }}
        </For>
      </div>
    </div>
  );
}
