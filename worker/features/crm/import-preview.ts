import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { findMatches } from "./import-find-matches";
import type { ImportJobRow } from "./import-job-json";
import type { ColumnMapping } from "./import-mapping";
import { ImportPlanner, type PlannedRow } from "./import-plan-rows";
import type { DuplicateStrategy } from "./import-schema";

/** Rows shown one by one; the counts cover every row, and every rejected row is listed with its reason. */
export const PREVIEW_ROWS = 100;
/** Rows read per query while counting. */
const PAGE_ROWS = 1000;

/**
 * The dry run of an import: what every row would do with this mapping and duplicate
 * strategy, decided exactly as the run decides it, without writing a contact.
 */
export async function previewImport(
  db: Database,
  job: ImportJobRow,
  options: { columns: ColumnMapping; strategy: DuplicateStrategy; timeZone: string },
) {
  const { crmImportRows } = db.t;
  const planner = new ImportPlanner(options.columns, options.strategy, options.timeZone);
  const counts = { created: 0, updated: 0, skipped: 0, rejected: 0, duplicates_in_file: 0 };
  const shown: PlannedRow[] = [];
  // Every rejected row, however far down the file: the person fixes them before running, not after.
  const rejected: { row_number: number; reason: string; email: string | null }[] = [];
  let after = 0;
  for (;;) {
    const rows = await db.q
      .select({ id: crmImportRows.id, row_number: crmImportRows.row_number, cells: crmImportRows.cells })
      .from(crmImportRows)
      .where(and(eq(crmImportRows.job_id, job.id), gt(crmImportRows.row_number, after)))
      .orderBy(asc(crmImportRows.row_number))
      .limit(PAGE_ROWS);
    const read = rows.map((row) => planner.read(row));
    // Nothing of this job is imported yet (its mapping could not change otherwise), so no row has met a contact before.
    for (const { contact } of await findMatches(
      db,
      { workspaceId: job.workspace_id, jobId: job.id },
      planner.unknownEmails(read),
    )) {
      planner.addExisting(contact, null);
    }
    for (const r of read) {
      const planned = planner.decide(r);
      counts[planned.outcome]++;
      if (planned.duplicate_of_row !== null) counts.duplicates_in_file++;
      if (shown.length < PREVIEW_ROWS) shown.push(planned);
      if (planned.outcome === "rejected") {
        rejected.push({ row_number: planned.row.row_number, reason: planned.reason ?? "", email: planned.email });
      }
    }
    planner.forgetValues();
    const last = rows[rows.length - 1];
    if (rows.length < PAGE_ROWS || !last) break;
    after = last.row_number;
  }
  return {
    counts,
    rejected,
    rows: shown.map((p) => ({
      row_number: p.row.row_number,
      outcome: p.outcome,
      reason: p.reason,
      email: p.email,
      // A contact the run would create has no id yet.
      contact_id: p.new_contact ? null : p.contact_id,
      duplicate_of_row: p.duplicate_of_row,
    })),
  };
}
