// The rows an import did not turn into contacts — rejected, or skipped — with the
// reason each time: as JSON pages for the app, and as a CSV of the original cells
// that a person can fix and upload again.
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { toCsvLine } from "../../lib/csv";
import { AppError } from "../../lib/errors";
import { decodeCursor, type Page, toPage } from "../../lib/pagination";
import type { ImportJobRow } from "./import-job-json";

export type ReportOutcome = "rejected" | "skipped";

/** Rows read per query while streaming the CSV: memory stays flat for any size. */
export const REPORT_CSV_CHUNK = 500;

function findReportRows(
  db: Database,
  jobId: string,
  outcomes: ReportOutcome[],
  page: { afterRow: number; limit: number },
) {
  const { crmImportRows } = db.t;
  return db.q
    .select({
      row_number: crmImportRows.row_number,
      outcome: crmImportRows.outcome,
      error: crmImportRows.error,
      cells: crmImportRows.cells,
      contact_id: crmImportRows.contact_id,
    })
    .from(crmImportRows)
    .where(
      and(
        eq(crmImportRows.job_id, jobId),
        inArray(crmImportRows.outcome, outcomes),
        gt(crmImportRows.row_number, page.afterRow),
      ),
    )
    .orderBy(asc(crmImportRows.row_number))
    .limit(page.limit);
}

type ReportRow = Awaited<ReturnType<typeof findReportRows>>[number];

const toReportRowJson = (row: ReportRow) => ({
  row_number: row.row_number,
  outcome: row.outcome as ReportOutcome,
  reason: row.error,
  cells: row.cells,
  contact_id: row.contact_id,
});

function afterRowOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const [row, ...rest] = decodeCursor(cursor);
  if (typeof row !== "number" || !Number.isInteger(row) || row < 0 || rest.length > 0) {
    throw new AppError("invalid_cursor", "The cursor is not one this list gave out.", { cursor });
  }
  return row;
}

/** One page of the report, in file order; the cursor is the last row number seen. */
export async function listReportRows(
  db: Database,
  job: ImportJobRow,
  query: { outcome?: ReportOutcome | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<ReturnType<typeof toReportRowJson>>> {
  const outcomes: ReportOutcome[] = query.outcome ? [query.outcome] : ["rejected", "skipped"];
  const rows = await findReportRows(db, job.id, outcomes, {
    afterRow: afterRowOf(query.cursor),
    limit: query.limit + 1,
  });
  return toPage(rows, query.limit, (r) => [r.row_number], toReportRowJson);
}

/**
 * The report as CSV: the file's own columns first, as uploaded, then the row's number,
 * what happened and why. Every cell goes through the formula guard, the uploaded ones
 * included: the report is opened in a spreadsheet, and a cell like =cmd|… came from
 * whoever wrote the file.
 */
export function reportCsvStream(
  db: Database,
  job: ImportJobRow,
  outcome: ReportOutcome | undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const outcomes: ReportOutcome[] = outcome ? [outcome] : ["rejected", "skipped"];
  let afterRow = 0;
  // A byte-order mark first: Excel, where this file is fixed, reads UTF-8 only with one (the import drops it again).
  let header = `\uFEFF${toCsvLine([...job.headers, "Row", "Result", "Reason"])}`;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const rows = await findReportRows(db, job.id, outcomes, { afterRow, limit: REPORT_CSV_CHUNK });
          const width = job.headers.length;
          const text =
            header +
            rows
              .map((r) =>
                toCsvLine([
                  ...Array.from({ length: width }, (_, i) => r.cells[i] ?? ""),
                  String(r.row_number),
                  r.outcome,
                  r.error,
                ]),
              )
              .join("");
          header = "";
          if (text) controller.enqueue(encoder.encode(text));
          const last = rows[rows.length - 1];
          if (rows.length < REPORT_CSV_CHUNK || !last) controller.close();
          else afterRow = last.row_number;
        } catch (err) {
          console.error(JSON.stringify({ level: "error", message: "import report failed", error: String(err) }));
          controller.error(err);
        }
      },
    },
    { highWaterMark: 0 },
  );
}
