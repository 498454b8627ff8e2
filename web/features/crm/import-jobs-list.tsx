import { A } from "@solidjs/router";
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { live } from "../../lib/live/live";
import { relativeTime } from "../../lib/relative-time";
import { workspacePath } from "../workspaces/workspace-path";
import type { ImportJob } from "./contact-types";
import { listImports } from "./import-api";

const STATUS_TEXT: Record<ImportJob["status"], string> = {
  uploaded: "Waiting for its mapping",
  running: "Running",
  completed: "Finished",
  failed: "Stopped — can be resumed",
  cancelled: "Cancelled",
};

/** Earlier imports, newest first: an unfinished one opens where it stopped. */
export function ImportJobsList(props: { workspaceId: string }) {
  const [jobs, setJobs] = createSignal<ImportJob[]>([]);
  const load = () =>
    listImports(props.workspaceId)
      .then((page) => setJobs(page.data))
      .catch(() => setJobs([]));
  onMount(() => void load());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = live.on("crm_import_job", (_change, workspaceId) => {
    if (workspaceId !== props.workspaceId) return;
    clearTimeout(timer);
    timer = setTimeout(() => void load(), 500);
  });
  onCleanup(() => {
    clearTimeout(timer);
    off();
  });

  return (
    <Show when={jobs().length > 0}>
      <section class="card" aria-labelledby="imports-title" data-testid="import-jobs">
        <h2 class="card__title" id="imports-title">
          Your imports
        </h2>
        <ul class="rows">
          <For each={jobs()}>
            {(job) => (
              <li class="row">
                <div class="row__main">
                  <p class="row__title">
                    <A class="link" href={workspacePath(props.workspaceId, `/crm/import/${job.id}`)}>
                      {job.file_name}
                    </A>
                  </p>
                  <p class="row__meta">
                    <span>{STATUS_TEXT[job.status]}</span>
                    <span aria-hidden="true">·</span>
                    <span>
                      {job.processed_rows.toLocaleString()} of {job.total_rows.toLocaleString()} rows
                    </span>
                    <Show when={job.created_at}>
                      {(at) => (
                        <>
                          <span aria-hidden="true">·</span>
                          <span>{relativeTime(at())}</span>
                        </>
                      )}
                    </Show>
                  </p>
                </div>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
