import { A } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { Icon } from "../../ui/icon";
import { Notice } from "../../ui/notice";
import type { ImportJob, ReportRow } from "./contact-types";
import { reportCsvUrl, reportRows } from "./import-api";

/**
 * Steps 4 and 5: the import running (a progress bar the live feed moves), then its report —
 * what was created, updated, skipped and rejected, every row left out with its reason,
 * and the same rows as a CSV to fix and upload again.
 */
export function ImportProgressStep(props: {
  workspaceId: string;
  job: ImportJob;
  /** This tab is sending the run requests. */
  driving: boolean;
  error: string | null;
  onResume: () => void;
  onCancel: () => void;
  contactsHref: string;
}) {
  const percent = () =>
    props.job.total_rows === 0 ? 100 : Math.floor((props.job.processed_rows / props.job.total_rows) * 100);
  const finished = () => props.job.status === "completed" || props.job.status === "cancelled";

  const [rows, setRows] = createSignal<ReportRow[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [reportError, setReportError] = createSignal<string | null>(null);
  const loadReport = async (after: string | null) => {
    try {
      const page = await reportRows(props.workspaceId, props.job.id, after);
      setRows(after ? [...rows(), ...page.data] : page.data);
      setCursor(page.next_cursor);
    } catch (failure) {
      setReportError(ApiError.from(failure).message);
    }
  };
  createEffect(
    on(finished, (done) => {
      if (done) void loadReport(null);
    }),
  );

  return (
    <section
      class="card stack"
      aria-labelledby="progress-title"
      data-testid="import-progress"
      data-status={props.job.status}
    >
      <div>
        <h2 class="card__title" id="progress-title">
          {props.job.status === "completed"
            ? "Import finished"
            : props.job.status === "cancelled"
              ? "Import cancelled"
              : props.job.status === "failed"
                ? "Import stopped"
                : "Importing…"}
        </h2>
        <p class="card__subtitle">{props.job.file_name}</p>
      </div>
      <div class="crm-progress">
        <div
          class="crm-progress__bar"
          role="progressbar"
          aria-label="Rows imported"
          aria-valuemin={0}
          aria-valuemax={props.job.total_rows}
          aria-valuenow={props.job.processed_rows}
          aria-valuetext={`${props.job.processed_rows} of ${props.job.total_rows} rows`}
          data-testid="import-progressbar"
        >
          <span class="crm-progress__fill" style={{ width: `${percent()}%` }} />
        </div>
        <span class="muted" aria-live="polite">
          {props.job.processed_rows.toLocaleString()} of {props.job.total_rows.toLocaleString()} rows
        </span>
      </div>
      <dl class="crm-counts" data-testid="import-counts">
        <div>
          <dt>Created</dt>
          <dd data-testid="report-created">{props.job.created_count}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd data-testid="report-updated">{props.job.updated_count}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd data-testid="report-skipped">{props.job.skipped_count}</dd>
        </div>
        <div classList={{ "crm-counts__bad": props.job.error_count > 0 }}>
          <dt>Rejected</dt>
          <dd data-testid="report-rejected">{props.job.error_count}</dd>
        </div>
      </dl>
      <Show when={props.error ?? props.job.last_error}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <Show when={props.job.status === "running"}>
        <p class="muted" data-testid="import-goes-on">
          You can leave this page: the import goes on without it, and the contacts list updates as rows arrive.
        </p>
      </Show>
      <Show when={!finished()}>
        <div class="form-actions">
          <Show when={props.job.status === "failed" || (props.job.status === "running" && !props.driving)}>
            <button type="button" class="button button--primary" onClick={() => props.onResume()}>
              {props.job.status === "failed" ? "Resume the import" : "Continue the import here"}
            </button>
          </Show>
          <button type="button" class="button button--ghost" onClick={() => props.onCancel()}>
            Cancel import
          </button>
        </div>
      </Show>
      <Show when={finished()}>
        <div class="form-actions">
          <A class="button button--primary" href={props.contactsHref} data-testid="import-see-contacts">
            See the contacts
          </A>
          <Show when={props.job.skipped_count + props.job.error_count > 0}>
            <a class="button" href={reportCsvUrl(props.workspaceId, props.job.id)} download="" data-testid="report-csv">
              <Icon name="download" size={16} />
              Download the rows not imported (CSV)
            </a>
          </Show>
        </div>
        <Show when={reportError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
        <Show when={rows().length > 0}>
          <h3 class="section-title">Rows not imported</h3>
          <div class="crm-preview-table">
            <table class="crm-mapping" data-testid="report-rows">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Result</th>
                  <th scope="col">Why</th>
                  <th scope="col">The row</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(row) => (
                    <tr data-testid="report-row" classList={{ "is-bad": row.outcome === "rejected" }}>
                      <td>{row.row_number}</td>
                      <td>
                        <span class={`badge crm-outcome crm-outcome--${row.outcome}`}>
                          {row.outcome === "rejected" ? "Rejected" : "Skipped"}
                        </span>
                      </td>
                      <td>{row.reason}</td>
                      <td class="muted crm-mapping__sample">{row.cells.join(" · ")}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={cursor()}>
            <button type="button" class="button button--small button--ghost" onClick={() => void loadReport(cursor())}>
              Show more rows
            </button>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
