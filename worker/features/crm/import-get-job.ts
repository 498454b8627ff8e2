import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import type { ImportJobRow } from "./import-job-json";

/** An import job, found only within its workspace: another workspace's job id is not found. */
export async function getImportJobOrThrow(
  db: Database,
  where: { workspaceId: string; jobId: string },
): Promise<ImportJobRow> {
  const { crmImportJobs } = db.t;
  const [job] = await db.q
    .select()
    .from(crmImportJobs)
    .where(and(eq(crmImportJobs.workspace_id, where.workspaceId), eq(crmImportJobs.id, where.jobId.toLowerCase())))
    .limit(1);
  if (!job) throw new AppError("not_found", "Import not found.");
  return job;
}
