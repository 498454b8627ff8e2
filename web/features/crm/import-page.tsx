import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createSignal, For, Match, on, onCleanup, Show, Switch } from "solid-js";
import { suggestMapping } from "../../../worker/features/crm/import-mapping";
import { ApiError } from "../../lib/api-error";
import { fieldErrors } from "../../lib/field-errors";
import { live } from "../../lib/live/live";
import { ErrorState } from "../../ui/error-state";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { workspacePath } from "../workspaces/workspace-path";
import { can } from "../workspaces/workspaces-store";
import type { ImportJob, ImportPreview, UploadedImport } from "./contact-types";
import { cancelImport, getImport, previewImport, runImport } from "./import-api";
import { type DuplicateStrategy, type MappingTarget, mappingProblem } from "./import-fields";
import { ImportJobsList } from "./import-jobs-list";
import { ImportMappingStep } from "./import-mapping-step";
import { ImportPreviewStep } from "./import-preview-step";
import { ImportProgressStep } from "./import-progress-step";
import { ImportUploadStep } from "./import-upload-step";

type Step = "upload" | "map" | "preview" | "run";
const STEPS: { step: Step; label: string }[] = [
  { step: "upload", label: "Upload" },
  { step: "map", label: "Match columns" },
  { step: "preview", label: "Preview" },
  { step: "run", label: "Import and report" },
];

/**
 * The upload's sample rows and suggested mapping, kept for the job's own address: the job
 * itself stores only the headers, so a job opened later maps without examples (the
 * suggestion is made again from its headers).
 */
const uploads = new Map<string, UploadedImport>();

/** Where a job stands decides where the wizard opens it: an import can be left and resumed. */
const stepOf = (job: ImportJob): Step =>
  job.status === "uploaded" || (job.status === "failed" && job.processed_rows === 0) ? "map" : "run";

/**
 * /app/w/:workspaceId/crm/import[/:jobId] — the CSV import wizard: upload → match columns
 * → preview every row → import with live progress → report. Each job has its own address,
 * so a stopped or unfinished import is picked up where it was.
 */
export function ImportPage() {
  const params = useParams<{ workspaceId: string; jobId?: string }>();
  const navigate = useNavigate();
  const [job, setJob] = createSignal<ImportJob | null>(null);
  const [status, setStatus] = createSignal<"idle" | "loading" | "ready" | "error">("idle");
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [step, setStep] = createSignal<Step>("upload");
  const [mapping, setMapping] = createSignal<Record<string, MappingTarget>>({});
  const [strategy, setStrategy] = createSignal<DuplicateStrategy>("skip");
  const [preview, setPreview] = createSignal<ImportPreview | null>(null);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [driving, setDriving] = createSignal(false);
  let alive = true;
  onCleanup(() => {
    alive = false;
  });

  const open = async (jobId: string) => {
    setStatus("loading");
    setError(null);
    setPreview(null);
    try {
      const found = await getImport(params.workspaceId, jobId);
      const upload = uploads.get(jobId);
      setJob(found);
      // A job opened later has no upload answer here: the worker's own suggestion, from the stored headers.
      setMapping(found.mapping ?? upload?.suggested_mapping ?? suggestMapping(found.headers));
      setStrategy(found.duplicate_strategy);
      setStep(stepOf(found));
      setStatus("ready");
    } catch (failure) {
      setLoadError(ApiError.from(failure));
      setStatus("error");
    }
  };
  createEffect(
    on(
      () => params.jobId,
      (jobId) => {
        if (jobId) void open(jobId);
        else {
          setJob(null);
          setStep("upload");
          setStatus("ready");
        }
      },
    ),
  );

  // Progress as the feed tells it, whichever tab (or person) runs the import.
  const off = live.on("crm_import_job", (change, workspaceId) => {
    const current = job();
    if (workspaceId !== params.workspaceId || !current || change.entity_id !== current.id || !change.data) return;
    const next = { ...current, ...(change.data as Partial<ImportJob>) };
    // Events can overtake the answer of a run request: never move the bar backwards.
    if (next.processed_rows < current.processed_rows) return;
    setJob(next);
    // Someone (maybe in another tab) started it: follow its progress here too.
    if (next.status !== "uploaded" && (step() === "map" || step() === "preview")) setStep("run");
  });
  onCleanup(off);

  const uploaded = (upload: UploadedImport) => {
    uploads.set(upload.job.id, upload);
    navigate(workspacePath(params.workspaceId, `/crm/import/${upload.job.id}`));
  };

  const problem = () => error() ?? mappingProblem(mapping());

  const runPreview = async () => {
    const current = job();
    if (!current) return;
    setPending(true);
    setError(null);
    try {
      const result = await previewImport(params.workspaceId, current.id, mapping(), strategy());
      setPreview(result);
      setJob(result.job);
      setStep("preview");
    } catch (failure) {
      const apiError = ApiError.from(failure);
      const byField = Object.values(fieldErrors(apiError));
      setError(byField.length > 0 ? byField.join(" ") : apiError.message);
    } finally {
      setPending(false);
    }
  };

  /** Sends run requests until the job is no longer running: each does up to ~20 s of work. */
  const drive = async () => {
    const current = job();
    if (!current || driving()) return;
    setDriving(true);
    setError(null);
    setStep("run");
    try {
      let next = await runImport(params.workspaceId, current.id);
      while (alive) {
        const shown = job();
        setJob(shown && shown.processed_rows > next.processed_rows ? { ...next, ...shown, status: next.status } : next);
        if (next.status !== "running") break;
        next = await runImport(params.workspaceId, current.id);
      }
    } catch (failure) {
      setError(ApiError.from(failure).message);
      const latest = await getImport(params.workspaceId, current.id).catch(() => null);
      if (latest) setJob(latest);
    } finally {
      setDriving(false);
    }
  };

  const cancel = async () => {
    const current = job();
    if (!current) return;
    try {
      await cancelImport(params.workspaceId, current.id);
      uploads.delete(current.id);
      navigate(workspacePath(params.workspaceId, "/crm/import"));
    } catch (failure) {
      setError(ApiError.from(failure).message);
    }
  };

  const stepIndex = () => STEPS.findIndex((s) => s.step === step());

  return (
    <div class="stack" data-testid="import-page">
      <div class="crm-toolbar">
        <A href={workspacePath(params.workspaceId, "/crm")} class="link link--small">
          ← Contacts
        </A>
        <ol class="crm-steps" aria-label="Import steps">
          <For each={STEPS}>
            {(s, index) => (
              <li
                class="crm-steps__step"
                classList={{ "is-current": s.step === step(), "is-done": index() < stepIndex() }}
                aria-current={s.step === step() ? "step" : undefined}
              >
                <span class="crm-steps__number" aria-hidden="true">
                  {index() + 1}
                </span>
                {s.label}
              </li>
            )}
          </For>
        </ol>
      </div>
      <Show
        when={can("crm.contacts.import")}
        fallback={<Notice tone="info">Your role does not include importing contacts. Ask an admin for it.</Notice>}
      >
        <Switch fallback={<Loading label="Opening the import…" />}>
          <Match when={status() === "error"}>
            <ErrorState
              title="We couldn't open this import"
              error={loadError()}
              onRetry={() => params.jobId && void open(params.jobId)}
            />
          </Match>
          <Match when={status() === "ready" && step() === "upload"}>
            <ImportUploadStep workspaceId={params.workspaceId} onUploaded={uploaded} />
            <ImportJobsList workspaceId={params.workspaceId} />
          </Match>
          <Match when={status() === "ready" && step() === "map" && job()}>
            {(current) => (
              <ImportMappingStep
                fileName={current().file_name}
                headers={current().headers}
                sample={uploads.get(current().id)?.sample ?? []}
                mapping={mapping()}
                strategy={strategy()}
                problem={problem()}
                pending={pending()}
                onMapping={(column, target) => {
                  setError(null);
                  setMapping({ ...mapping(), [column]: target });
                }}
                onStrategy={(next) => {
                  setError(null);
                  setStrategy(next);
                }}
                onPreview={() => void runPreview()}
                onCancel={() => void cancel()}
              />
            )}
          </Match>
          <Match when={status() === "ready" && step() === "preview" && preview()}>
            {(result) => (
              <ImportPreviewStep
                preview={result()}
                pending={driving()}
                onRun={() => void drive()}
                onBack={() => setStep("map")}
              />
            )}
          </Match>
          <Match when={status() === "ready" && step() === "run" && job()}>
            {(current) => (
              <ImportProgressStep
                workspaceId={params.workspaceId}
                job={current()}
                driving={driving()}
                error={error()}
                onResume={() => void drive()}
                onCancel={() => void cancel()}
                contactsHref={workspacePath(params.workspaceId, "/crm")}
              />
            )}
          </Match>
        </Switch>
      </Show>
    </div>
  );
}
