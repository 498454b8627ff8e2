import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createSignal, Match, on, Show, Switch } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { EmptyState } from "../../ui/empty-state";
import { ErrorState } from "../../ui/error-state";
import { Icon } from "../../ui/icon";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { ConflictNotice } from "../workspaces/conflict-notice";
import { workspacePath } from "../workspaces/workspace-path";
import { can } from "../workspaces/workspaces-store";
import { ContactFilters } from "./contact-filters";
import {
  type ContactFilter,
  type ContactOrder,
  exportUrl,
  isFiltered,
  QUERY_KEYS,
  readContactQuery,
  toSearchParams,
} from "./contact-query";
import { FIELD_LABELS } from "./contact-types";
import { ContactsBoard } from "./contacts-board";
import { createContactsStore } from "./contacts-store";
import { ContactsTable } from "./contacts-table";
import { NewContactDialog } from "./new-contact-dialog";

/**
 * /app/w/:workspaceId/crm — the workspace's contacts as a table or as a board by status,
 * searched and filtered from the address (`?q=…&status=lead&view=board`), with the
 * import, the export of what is shown, and a first contact when there is none.
 */
export function CrmPage() {
  const params = useParams<{ workspaceId: string }>();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const query = createMemo(() => readContactQuery(search), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const view = () => (search.view === "board" ? "board" : "table");
  const [adding, setAdding] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const store = createContactsStore({ workspaceId: () => params.workspaceId, query });
  createEffect(
    on(
      () => [JSON.stringify(query()), view()] as const,
      () => {
        if (view() === "table") void store.load();
      },
    ),
  );

  const change = (changes: Partial<ContactFilter> | ContactOrder) =>
    setSearch(toSearchParams({ ...query(), ...changes }), { replace: true });
  const clear = () =>
    setSearch(Object.fromEntries(QUERY_KEYS.filter((k) => k !== "sort" && k !== "order").map((k) => [k, undefined])));
  const filtered = () => isFiltered(query());
  const empty = () => store.state.status === "ready" && store.state.items.length === 0 && !filtered();

  return (
    <div class="stack" data-testid="crm-page">
      <div class="crm-toolbar">
        <fieldset class="segmented crm-view">
          <legend class="visually-hidden">View</legend>
          <label class="segmented__option">
            <input
              type="radio"
              name="crm-view"
              checked={view() === "table"}
              onChange={() => setSearch({ view: undefined })}
            />
            <span>Table</span>
          </label>
          <label class="segmented__option">
            <input
              type="radio"
              name="crm-view"
              checked={view() === "board"}
              onChange={() => setSearch({ view: "board" })}
            />
            <span>Board</span>
          </label>
        </fieldset>
        <div class="inline-actions">
          <Show when={can("crm.contacts.export")}>
            <a
              class="button button--small"
              href={exportUrl(params.workspaceId, query())}
              download=""
              data-testid="contacts-export"
            >
              <Icon name="download" size={16} />
              Export CSV
            </a>
          </Show>
          <Show when={can("crm.contacts.import")}>
            <A class="button button--small" href={workspacePath(params.workspaceId, "/crm/import")}>
              Import CSV
            </A>
          </Show>
          <Show when={can("crm.contacts.create")}>
            <button type="button" class="button button--small button--primary" onClick={() => setAdding(true)}>
              <Icon name="plus" size={16} />
              Add contact
            </button>
          </Show>
        </div>
      </div>

      {/* Nothing to search yet: the empty state's invitation is the one thing to do. */}
      <Show when={!(view() === "table" && empty())}>
        <ContactFilters query={query()} onChange={change} onClear={clear} filtered={filtered()} />
      </Show>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>

      <Switch>
        <Match when={view() === "board"}>
          <ContactsBoard workspaceId={params.workspaceId} query={query()} canEdit={can("crm.contacts.update")} />
        </Match>
        <Match when={store.state.status === "loading"}>
          <Loading label="Loading contacts…" />
        </Match>
        <Match when={store.state.status === "error"}>
          <ErrorState
            title="We couldn't load the contacts"
            error={store.state.error}
            onRetry={() => void store.load()}
          />
        </Match>
        <Match when={empty()}>
          <EmptyState
            icon="crm"
            title="Bring in your contacts"
            hint="Import a CSV from your email tool, a spreadsheet or another CRM — you choose which column is which and see what will happen before anything is saved. Or add your first contact by hand."
            action={
              can("crm.contacts.import")
                ? { label: "Import a CSV", href: workspacePath(params.workspaceId, "/crm/import") }
                : can("crm.contacts.create")
                  ? { label: "Add a contact", onClick: () => setAdding(true) }
                  : undefined
            }
          />
        </Match>
        <Match when={store.state.items.length === 0}>
          <EmptyState icon="filter" title="No contacts match" hint="Try other words, or clear some of the filters." />
        </Match>
        <Match when={true}>
          <Show when={store.state.added > 0}>
            <button type="button" class="new-activity" onClick={() => void store.load()}>
              <Icon name="refresh" size={14} />
              {store.state.added === 1 ? "1 new contact" : `${store.state.added} new contacts`} — show
            </button>
          </Show>
          <Show when={store.state.conflict}>
            {(conflict) => (
              <ConflictNotice
                fields={conflict().fields}
                labels={FIELD_LABELS}
                pending={false}
                onKeepMine={() => void store.keepMine().catch((f) => setError(ApiError.from(f).message))}
                onTakeTheirs={() => store.takeTheirs()}
              />
            )}
          </Show>
          <ContactsTable
            workspaceId={params.workspaceId}
            store={store}
            query={query()}
            onSort={change}
            canEdit={can("crm.contacts.update")}
            canBulk={can("crm.contacts.bulk")}
            canDelete={can("crm.contacts.delete")}
          />
        </Match>
      </Switch>

      <NewContactDialog
        open={adding()}
        workspaceId={params.workspaceId}
        onClose={() => setAdding(false)}
        onCreated={(contact) => {
          setAdding(false);
          navigate(workspacePath(params.workspaceId, `/crm/contacts/${contact.id}`));
        }}
      />
    </div>
  );
}
