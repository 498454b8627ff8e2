import type { Database } from "../../../db/database";
import { IMPORT_FIELDS, type ImportField } from "./import-mapping";

export type ImportJobRow = Database["t"]["crmImportJobs"]["$inferSelect"];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An import job as the API shows it. */
export function toImportJobJson(job: ImportJobRow) {
  const mapping = job.mapping
    ? Object.fromEntries(
        Object.entries(job.mapping).filter((entry): entry is [string, ImportField] =>
          (IMPORT_FIELDS as readonly unknown[]).includes(entry[1]),
        ),
      )
    : null;
  return {
    id: job.id,
    status: job.status,
    file_name: job.file_name,
    headers: job.headers,
    mapping,
    duplicate_strategy: job.duplicate_strategy,
    total_rows: job.total_rows,
    processed_rows: job.processed_rows,
    created_count: job.created_count,
    updated_count: job.updated_count,
    skipped_count: job.skipped_count,
    error_count: job.error_count,
    last_error: job.last_error,
    created_by: job.created_by,
    started_at: iso(job.started_at),
    finished_at: iso(job.finished_at),
    created_at: iso(job.created_at),
    updated_at: iso(job.updated_at),
  };
}

/** The counters the live feed carries after each chunk. */
export const importProgress = (job: ImportJobRow) => ({
  status: job.status,
  total_rows: job.total_rows,
  processed_rows: job.processed_rows,
  created_count: job.created_count,
  updated_count: job.updated_count,
  skipped_count: job.skipped_count,
  error_count: job.error_count,
  last_error: job.last_error,
});
