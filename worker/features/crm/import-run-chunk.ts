import { and, asc, eq, sql } from "drizzle-orm";
import type { Database, Statement } from "../../../db/database";
import { updateManyById } from "../../../db/write-many";
import { type Actor, activityEntryBy } from "../../lib/activity";
import type { Change } from "../../lib/realtime";
import { insertContactStatements, updateContactStatements } from "./contact-statements";
import { findMatches } from "./import-find-matches";
import type { ImportJobRow } from "./import-job-json";
import type { ColumnMapping } from "./import-mapping";
import { ImportPlanner, type PlannedRow } from "./import-plan-rows";
import { toContactJson } from "./to-contact-json";

/** Rows per atomic unit: each chunk's contacts, their tags and terms, its row outcomes and the job's counters commit together. */
export const IMPORT_CHUNK_ROWS = 1_000;

export type ChunkResult = {
  /** No pending row is left: this chunk completed the job. */
  done: boolean;
  /** What to publish once the chunk has committed. */
  changes: Change[];
};

const tally = (planned: PlannedRow[]) => ({
  created: planned.filter((p) => p.outcome === "created").length,
  updated: planned.filter((p) => p.outcome === "updated").length,
  skipped: planned.filter((p) => p.outcome === "skipped").length,
  rejected: planned.filter((p) => p.outcome === "rejected").length,
});

/**
 * Imports the next chunk of pending rows, first row first, in ONE atomic unit. The
 * unit opens with a guard: it carries on only while the job is still running at the
 * progress this chunk was planned from. Otherwise (another `run` got there first,
 * or the job was cancelled) the guard writes a status the column refuses, and the
 * whole unit rolls back — so a row is never imported twice, and a chunk is never
 * half imported.
 */
export async function runChunk(
  db: Database,
  actor: Actor,
  job: ImportJobRow,
  columns: ColumnMapping,
  timeZone: string,
): Promise<ChunkResult> {
  const { crmImportJobs, crmImportRows } = db.t;
  const rows = await db.q
    .select({ id: crmImportRows.id, row_number: crmImportRows.row_number, cells: crmImportRows.cells })
    .from(crmImportRows)
    .where(and(eq(crmImportRows.job_id, job.id), eq(crmImportRows.outcome, "pending")))
    .orderBy(asc(crmImportRows.row_number))
    .limit(IMPORT_CHUNK_ROWS + 1);
  const chunk = rows.slice(0, IMPORT_CHUNK_ROWS);
  const done = rows.length <= IMPORT_CHUNK_ROWS;

  const planner = new ImportPlanner(columns, job.duplicate_strategy, timeZone);
  const read = chunk.map((row) => planner.read(row));
  for (const match of await findMatches(
    db,
    { workspaceId: job.workspace_id, jobId: job.id },
    planner.unknownEmails(read),
  )) {
    planner.addExisting(match.contact, match.firstRow);
  }
  const planned = read.map((r) => planner.decide(r));
  const { inserts, updates } = planner.writes(job.workspace_id, actor.userId);
  const counts = tally(planned);
  const total = {
    created: job.created_count + counts.created,
    updated: job.updated_count + counts.updated,
    skipped: job.skipped_count + counts.skipped,
    rejected: job.error_count + counts.rejected,
  };
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);

  await db.atomic((q) => {
    const statements: Statement[] = [
      q
        .update(crmImportJobs)
        .set({
          status: sql`CASE WHEN ${crmImportJobs.processed_rows} = ${job.processed_rows} AND ${crmImportJobs.status} = 'running' THEN 'running' ELSE 'superseded' END`,
        })
        .where(eq(crmImportJobs.id, job.id)),
    ];
    statements.push(...insertContactStatements(q, db, inserts));
    statements.push(...updateContactStatements(q, db, updates));
    statements.push(
      ...updateManyById(
        db,
        q,
        crmImportRows,
        planned.map((p) => ({ id: p.row.id, outcome: p.outcome, error: p.reason, contact_id: p.contact_id })),
        eq(crmImportRows.outcome, "pending"),
      ),
    );
    statements.push(
      q
        .update(crmImportJobs)
        .set({
          processed_rows: sql`${crmImportJobs.processed_rows} + ${chunk.length}`,
          created_count: total.created,
          updated_count: total.updated,
          skipped_count: total.skipped,
          error_count: total.rejected,
          ...(done && { status: "completed" as const, finished_at: now }),
        })
        .where(eq(crmImportJobs.id, job.id)),
    );
    if (done) {
      // One entry for the whole import, not one per contact.
      statements.push(
        activityEntryBy(actor, q, db, {
          workspaceId: job.workspace_id,
          type: "crm_import.completed",
          description: `${actor.name} imported ${job.file_name}: ${total.created} created, ${total.updated} updated, ${total.skipped} skipped, ${total.rejected} rejected`,
          entityType: "crm_import_job",
          entityId: job.id,
          metadata: { file_name: job.file_name, total_rows: job.total_rows, ...total },
        }),
      );
    }
    return statements;
  });

  return {
    done,
    changes: [
      // The new contacts are announced as one change: a file of 50,000 rows would otherwise
      // fill the feed, and every open tab, with 50,000 rows. Lists reload on it; no contact
      // page can be open on a contact that did not exist yet.
      ...(inserts.length > 0 ? [importedChange(job.id, inserts.length)] : []),
      ...updates.map(({ before, changes }) => ({
        entity_type: "crm_contact",
        entity_id: before.id,
        op: "update" as const,
        data: toContactJson({ ...before, ...changes, updated_at: now }),
      })),
    ],
  };
}

/**
 * "This import created `count` contacts": a crm_contact change without a row, whose
 * entity_id is the import job's (readers without the import permission see it too, the
 * job's own progress they do not).
 */
const importedChange = (jobId: string, count: number): Change => ({
  entity_type: "crm_contact",
  entity_id: jobId,
  op: "create",
  data: { import_job_id: jobId, imported: count },
});
