import { and, eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import { activityEntry } from "../../lib/activity";
import { currentIdentity } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { publishChanges } from "../../lib/realtime";
import { getImportJobOrThrow } from "./import-get-job";
import { type ImportJobRow, importProgress } from "./import-job-json";

/**
 * DELETE of an import. An unfinished one (uploaded, running or failed) is cancelled:
 * its pending rows are dropped, what it already imported stays, and the report keeps
 * the rows it processed. A finished one (completed or cancelled) has its staged rows
 * deleted — the uploaded file's contents — and keeps its counts.
 *
 * Cancelling a running import is safe: each chunk checks, inside its own atomic unit,
 * that the job is still running, so a chunk in flight either committed before the
 * cancel or rolls back whole.
 */
export async function cancelImportJob(c: Context<AppEnv>, job: ImportJobRow): Promise<void> {
  const db = c.var.db;
  const { crmImportJobs, crmImportRows } = db.t;
  if (job.status === "completed" || job.status === "cancelled") {
    await db.atomic((q) => [q.delete(crmImportRows).where(eq(crmImportRows.job_id, job.id))]);
    return;
  }
  try {
    await db.atomic((q) => [
      // Like a chunk's guard: should the job have finished meanwhile, 'superseded' breaks the column's rule and nothing is written.
      q
        .update(crmImportJobs)
        .set({
          status: sql`CASE WHEN ${crmImportJobs.status} IN ('uploaded', 'running', 'failed') THEN 'cancelled' ELSE 'superseded' END`,
          finished_at: new Date(),
        })
        .where(eq(crmImportJobs.id, job.id)),
      q.delete(crmImportRows).where(and(eq(crmImportRows.job_id, job.id), eq(crmImportRows.outcome, "pending"))),
      activityEntry(c, q, db, {
        workspaceId: job.workspace_id,
        type: "crm_import.cancelled",
        description: `${currentIdentity(c).user.name} cancelled the import of ${job.file_name}`,
        entityType: "crm_import_job",
        entityId: job.id,
        metadata: { file_name: job.file_name, total_rows: job.total_rows },
      }),
    ]);
  } catch (err) {
    const now = await getImportJobOrThrow(db, { workspaceId: job.workspace_id, jobId: job.id });
    // Cancelled twice at once: the other request did it.
    if (now.status === "cancelled") return;
    if (now.status === "completed") {
      throw new AppError("conflict", "This import finished before it could be cancelled.", { status: now.status });
    }
    throw err;
  }
  const cancelled = await getImportJobOrThrow(db, { workspaceId: job.workspace_id, jobId: job.id });
  await publishChanges(c, job.workspace_id, [
    { entity_type: "crm_import_job", entity_id: job.id, op: "update", data: importProgress(cancelled) },
  ]);
}
