import { eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { insertMany } from "../../../db/write-many";
import type { ParsedCsv } from "./import-parse-csv";

/** Rows per atomic unit while staging: a few wide statements each. */
const ROWS_PER_UNIT = 5_000;

/**
 * Stores an uploaded file as a job and its rows. The rows go in units of 5,000; should
 * one unit fail, the job and what was staged of it are removed, so no half-staged job
 * is left to run.
 */
export async function createImportJob(
  db: Database,
  input: { workspaceId: string; userId: string; fileName: string; parsed: ParsedCsv },
): Promise<string> {
  const { crmImportJobs, crmImportRows } = db.t;
  const jobId = uuidv7();
  const { headers, rows } = input.parsed;
  await db.atomic((q) => [
    q.insert(crmImportJobs).values({
      id: jobId,
      workspace_id: input.workspaceId,
      created_by: input.userId,
      status: "uploaded",
      file_name: input.fileName,
      headers,
      duplicate_strategy: "skip",
      total_rows: rows.length,
    }),
  ]);
  try {
    for (let start = 0; start < rows.length; start += ROWS_PER_UNIT) {
      const unit = rows.slice(start, start + ROWS_PER_UNIT).map((row, i) => ({
        id: uuidv7(),
        job_id: jobId,
        row_number: start + i + 1,
        cells: row.cells,
        outcome: "pending" as const,
      }));
      await db.atomic((q) => insertMany(db, q, crmImportRows, unit));
    }
  } catch (err) {
    // Rows go with their job (ON DELETE CASCADE).
    await db.atomic((q) => [q.delete(crmImportJobs).where(eq(crmImportJobs.id, jobId))]).catch(() => undefined);
    throw err;
  }
  return jobId;
}
