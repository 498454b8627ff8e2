import { createSignal, For, Show } from "solid-js";
import type { ImportPreview } from "./contact-types";

const OUTCOME_LABELS = { created: "New", updated: "Update", skipped: "Skip", rejected: "Rejected" } as const;

/** Step 3: what the import would do, counted for every row and shown for the first hundred — nothing saved yet. */
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
