import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { Actor } from "../../lib/activity";
import type { Env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { publishFromJob } from "../../lib/realtime";
import type { WorkspaceRow } from "../../lib/workspace-access";
import { workspaceClock } from "../../lib/workspace-clock";
import { getImportJobOrThrow } from "./import-get-job";
import { type ImportJobRow, importProgress } from "./import-job-json";
import { mappingFromJson } from "./import-mapping";
import { runChunk } from "./import-run-chunk";
import { watchImport } from "./import-watch";

/** How long one run (a request, or one queue delivery) keeps importing before it answers. */
export const RUN_BUDGET_MS = 20_000;

/** Who runs an import, where: from a request or from the import queue alike. */
export type ImportRun = { env: Env; db: Database; workspace: WorkspaceRow; actor: Actor; requestId: string | null };

/** A job's progress as the live feed carries it. */
export const progressChange = (job: ImportJobRow) => ({
  entity_type: "crm_import_job",
  entity_id: job.id,
  op: "update" as const,
  data: importProgress(job),
});

/**
 * Runs an import from its first pending row, chunk by chunk, for up to `budgetMs`.
 * Idempotent and resumable: a completed job is answered as it is; a failed or
 * unfinished one goes on where it stopped, since every chunk commits whole or not
 * at all. A chunk that fails marks the job failed with a reason the person can read.
 * Starting a job also sets the import queue to watch it, so the import goes on when
 * whoever started it goes away (a closed tab, a cut connection).
 */
export async function runImportJob(run: ImportRun, jobId: string, budgetMs = RUN_BUDGET_MS) {
  const { db, workspace, actor } = run;
  const { crmImportJobs } = db.t;
  const where = { workspaceId: workspace.id, jobId };
  const publish = (changes: Parameters<typeof publishFromJob>[2]) => publishFromJob(run.env, workspace.id, changes);
  let job = await getImportJobOrThrow(db, where);
  if (job.status === "completed") return job;
  if (job.status === "cancelled") throw new AppError("conflict", "This import was cancelled. Upload the file again.");
  if (!job.mapping || Object.keys(job.mapping).length === 0) {
    throw new AppError("conflict", "Preview the import first: choose which column goes to which field.", {
      reason: "mapping_required",
    });
  }
  const columns = mappingFromJson(job.mapping);
  const { timeZone } = workspaceClock(workspace);

  if (job.status !== "running") {
    await db.atomic((q) => [
      q
        .update(crmImportJobs)
        .set({ status: "running", last_error: null, started_at: job.started_at ?? new Date() })
        .where(and(eq(crmImportJobs.id, job.id), inArray(crmImportJobs.status, ["uploaded", "failed"]))),
    ]);
    await watchImport(run.env, { workspace_id: workspace.id, job_id: job.id, user_id: actor.userId });
  }

  const deadline = Date.now() + budgetMs;
  const actorId = actor.userId;
  job = await getImportJobOrThrow(db, where);
  // Each chunk's guard checks the job again as it commits: the state read after a chunk serves the next one.
  while (job.status === "running") {
    let result: Awaited<ReturnType<typeof runChunk>>;
    try {
      result = await runChunk(db, actor, job, columns, timeZone);
    } catch (err) {
      const now = await getImportJobOrThrow(db, where);
      // Another run moved on, or the job was cancelled: the guard stopped this chunk, and nothing failed.
      if (now.status !== "running" || now.processed_rows !== job.processed_rows) return now;
      console.error(
        JSON.stringify({
          level: "error",
          msg: "import chunk failed",
          job_id: job.id,
          request_id: run.requestId,
          error: String(err),
        }),
      );
      await db.atomic((q) => [
        q
          .update(crmImportJobs)
          .set({
            status: "failed",
            last_error: `The import stopped after ${job.processed_rows} of ${job.total_rows} rows: saving the next rows failed, and none of them were saved. Run the import again to continue from there.`,
          })
          .where(and(eq(crmImportJobs.id, job.id), eq(crmImportJobs.status, "running"))),
      ]);
      job = await getImportJobOrThrow(db, where);
      await publish([{ ...progressChange(job), actor_id: actorId }]);
      return job;
    }
    job = await getImportJobOrThrow(db, where);
    await publish([...result.changes, progressChange(job)].map((change) => ({ ...change, actor_id: actorId })));
    if (result.done || Date.now() >= deadline) return job;
  }
  return job;
}
