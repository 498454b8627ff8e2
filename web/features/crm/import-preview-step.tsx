import { createSignal, For, Show } from "solid-js";
import type { ImportPreview } from "./contact-types";

const OUTCOME_LABELS = { created: "New", updated: "Update", skipped: "Skip", rejected: "Rejected" } as const;

/** Rejected rows listed a page at a time. */
const REJECTED_PAGE = 100;

/** Every row the import would reject, wherever it is in the file, a page at a time: fixed before running, not after. */
function RejectedRows(props: { rows: ImportPreview["rejected"] }) {
  const [page, setPage] = createSignal(0);
  const pages = () => Math.ceil(props.rows.length / REJECTED_PAGE);
  const shown = () => props.rows.slice(page() * REJECTED_PAGE, (page() + 1) * REJECTED_PAGE);
  const first = () => page() * REJECTED_PAGE + 1;
  return (
    <section class="stack" aria-labelledby="rejected-title" data-testid="preview-rejected">
      <h3 id="rejected-title" class="card__title">
        Rows that will be rejected ({props.rows.length.toLocaleString()})
      </h3>
      <div class="crm-preview-table">
        <table class="crm-mapping">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Email</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(row) => (
                <tr data-testid="rejected-row" class="is-bad">
                  <td>{row.row_number}</td>
                  <td>{row.email ?? "—"}</td>
                  <td>{row.reason}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={pages() > 1}>
        <div class="form-actions" data-testid="rejected-pager">
          <button
            type="button"
            class="button button--ghost"
            disabled={page() === 0}
            onClick={() => setPage(page() - 1)}
          >
            Previous
          </button>
          <span class="muted">
            {first().toLocaleString()}–{(first() + shown().length - 1).toLocaleString()} of{" "}
            {props.rows.length.toLocaleString()}
          </span>
          <button
            type="button"
            class="button button--ghost"
            disabled={page() >= pages() - 1}
            onClick={() => setPage(page() + 1)}
          >
            Next
          </button>
        </div>
      </Show>
    </section>
  );
}

/** Step 3: what the import would do, counted for every row and shown for the first hundred, every rejected row listed — nothing saved yet. */
export function ImportPreviewStep(props: {
  preview: ImportPreview;
  pending: boolean;
  onRun: () => void;
  onBack: () => void;
}) {
  const [onlyProblems, setOnlyProblems] = createSignal(false);
  const counts = () => props.preview.counts;
  const rows = () =>
    onlyProblems()
      ? props.preview.rows.filter((r) => r.outcome === "rejected" || r.outcome === "skipped")
      : props.preview.rows;
  const importing = () => counts().created + counts().updated;

  return (
    <section class="card stack" aria-labelledby="preview-title" data-testid="import-preview">
      <div>
        <h2 class="card__title" id="preview-title">
          Preview
        </h2>
        <p class="card__subtitle">
          This is what will happen to the {props.preview.job.total_rows.toLocaleString()} rows.
        </p>
      </div>
      <dl class="crm-counts" data-testid="preview-counts">
        <div>
          <dt>New contacts</dt>
          <dd data-testid="count-created">{counts().created}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd data-testid="count-updated">{counts().updated}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd data-testid="count-skipped">{counts().skipped}</dd>
        </div>
        <div classList={{ "crm-counts__bad": counts().rejected > 0 }}>
          <dt>Rejected</dt>
          <dd data-testid="count-rejected">{counts().rejected}</dd>
        </div>
      </dl>
      <Show when={counts().duplicates_in_file > 0}>
        <p class="muted">
          {counts().duplicates_in_file} rows repeat an email from earlier in the file; they are treated like existing
          contacts.
        </p>
      </Show>
      <label class="checkbox">
        <input type="checkbox" checked={onlyProblems()} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} />
        Only rows that will not be imported
      </label>
      <div class="crm-preview-table">
        <table class="crm-mapping">
          <caption class="visually-hidden">The first {props.preview.rows.length} rows</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Result</th>
              <th scope="col">Email</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr
                  data-testid="preview-row"
                  data-outcome={row.outcome}
                  classList={{ "is-bad": row.outcome === "rejected" }}
                >
                  <td>{row.row_number}</td>
                  <td>
                    <span class={`badge crm-outcome crm-outcome--${row.outcome}`}>{OUTCOME_LABELS[row.outcome]}</span>
                  </td>
                  <td>{row.email ?? "—"}</td>
                  <td>
                    {row.reason ?? ""}
                    <Show when={row.duplicate_of_row}>
                      {(n) => <span class="muted"> (same email as row {n()})</span>}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.preview.rejected.length > 0}>
        <RejectedRows rows={props.preview.rejected} />
      </Show>
      <div class="form-actions">
        <button
          type="button"
          class="button button--primary"
          disabled={props.pending || importing() === 0}
          onClick={() => props.onRun()}
          data-testid="import-run"
        >
          {props.pending
            ? "Starting…"
            : importing() === 0
              ? "Nothing to import"
              : `Import ${importing().toLocaleString()} ${importing() === 1 ? "row" : "rows"}`}
        </button>
        <button type="button" class="button button--ghost" onClick={() => props.onBack()}>
          Change the mapping
        </button>
      </div>
    </section>
  );
}
