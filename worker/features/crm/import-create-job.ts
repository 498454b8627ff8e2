import { eq } from "drizzle-orm";
import type { Database, Statement } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import type { ParsedCsv } from "./import-parse-csv";

/** Rows per atomic unit while staging, and per INSERT: D1 binds at most 100 values a statement, 5 a row here. */
const ROWS_PER_UNIT = 100;
const ROWS_PER_INSERT = 16;
/** Cell text per INSERT, so one statement stays well inside D1's statement size. */
const CHARS_PER_INSERT = 64_000;

/**
 * Stores an uploaded file as a job and its rows. The rows go in units of 100; should
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
      await db.atomic((q) => inserts(unit).map((group): Statement => q.insert(crmImportRows).values(group)));
    }
  } catch (err) {
    // Rows go with their job (ON DELETE CASCADE).
    await db.atomic((q) => [q.delete(crmImportJobs).where(eq(crmImportJobs.id, jobId))]).catch(() => undefined);
    throw err;
  }
  return jobId;
}

/** Rows grouped into INSERTs by count and by size of their cells. */
function inserts<T extends { cells: string[] }>(rows: T[]): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let chars = 0;
  for (const row of rows) {
    const size = row.cells.reduce((n, c) => n + c.length + 3, 2);
    if (group.length > 0 && (group.length >= ROWS_PER_INSERT || chars + size > CHARS_PER_INSERT)) {
      groups.push(group);
      group = [];
      chars = 0;
    }
    group.push(row);
    chars += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
