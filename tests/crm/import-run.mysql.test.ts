// The importer on MySQL (production's dialect) through the shared data layer: chunks
// commit whole inside a transaction, a chunk the server refuses leaves nothing of
// itself behind, and running again finishes with the right totals and no duplicates.
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database";
import { createImportJob } from "../../worker/features/crm/import-create-job";
import { getImportJobOrThrow } from "../../worker/features/crm/import-get-job";
import {
  mappingFromJson,
  mappingToJson,
  resolveMapping,
  suggestMapping,
} from "../../worker/features/crm/import-mapping";
import { parseCsv } from "../../worker/features/crm/import-parse-csv";
import { IMPORT_CHUNK_ROWS, runChunk } from "../../worker/features/crm/import-run-chunk";
import type { DuplicateStrategy } from "../../worker/features/crm/import-schema";
import type { Actor } from "../../worker/lib/activity";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";
import { peopleCsv } from "./people-csv";
import { addContact, workspaceFor } from "./search-suite";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

const actorFor = (userId: string): Actor => ({ userId, name: "Ida Import", ip: "203.0.113.7", userAgent: "test" });

/** Uploads the CSV as a job, maps it as suggested and starts it, as upload → preview → run do. */
async function startedJob(db: Database, workspaceId: string, userId: string, csv: string, strategy: DuplicateStrategy) {
  const parsed = parseCsv([new TextEncoder().encode(csv)]);
  const jobId = await createImportJob(db, { workspaceId, userId, fileName: "people.csv", parsed });
  const mapping = mappingToJson(resolveMapping(suggestMapping(parsed.headers), parsed.headers));
  const { crmImportJobs } = db.t;
  await db.atomic((q) => [
    q
      .update(crmImportJobs)
      .set({ mapping, duplicate_strategy: strategy, status: "running", started_at: new Date() })
      .where(eq(crmImportJobs.id, jobId)),
  ]);
  return jobId;
}

/** Chunks until the job is done or a chunk throws. */
async function runAll(db: Database, actor: Actor, workspaceId: string, jobId: string) {
  for (;;) {
    const job = await getImportJobOrThrow(db, { workspaceId, jobId });
    const { done } = await runChunk(db, actor, job, mappingFromJson(job.mapping), "UTC");
    if (done) return getImportJobOrThrow(db, { workspaceId, jobId });
  }
}

async function emailsOf(db: Database, workspaceId: string) {
  const t = db.t.crmContacts;
  const rows = await db.q
    .select({ email: t.email })
    .from(t)
    .where(eq(t.workspace_id, workspaceId))
    .orderBy(asc(t.email));
  return rows.map((r) => r.email);
}

describe("importing contacts on MySQL", () => {
  it("imports every row once, matches an existing email whatever its case, and indexes what it wrote", async () => {
    const db = mysql.db;
    const { userId, workspaceId } = await workspaceFor(db);
    await addContact(db, workspaceId, userId, {
      first_name: "Already",
      last_name: "Here",
      email: "Person-2@Example.com",
      tags: ["vip"],
    });
    const csv = `${peopleCsv(3).trimEnd()}\r\nNo,Email,not-an-email,x\r\n`;
    const jobId = await startedJob(db, workspaceId, userId, csv, "merge_tags");

    const job = await runAll(db, actorFor(userId), workspaceId, jobId);

    expect(job).toMatchObject({ status: "completed", processed_rows: 4, created_count: 2, updated_count: 1 });
    expect(job.error_count).toBe(1);
    expect(await emailsOf(db, workspaceId)).toEqual([
      "person-1@example.com",
      "person-2@example.com",
      "person-3@example.com",
    ]);
    const { crmContacts, crmContactTags, crmContactTerms, crmImportRows, activityLogs } = db.t;
    const [merged] = await db.q
      .select({ id: crmContacts.id, tags: crmContacts.tags })
      .from(crmContacts)
      .where(and(eq(crmContacts.workspace_id, workspaceId), eq(crmContacts.email, "person-2@example.com")));
    expect([...((merged?.tags as string[]) ?? [])].sort()).toEqual(["batch", "vip"]);
    const tags = await db.q
      .select({ tag: crmContactTags.tag })
      .from(crmContactTags)
      .where(eq(crmContactTags.contact_id, merged?.id ?? ""));
    expect(tags.map((t) => t.tag).sort()).toEqual(["batch", "vip"]);
    const [terms] = await db.q
      .select({ n: count() })
      .from(crmContactTerms)
      .where(and(eq(crmContactTerms.workspace_id, workspaceId), eq(crmContactTerms.term, "person-3@example.com")));
    expect(terms?.n).toBe(1);

    const [rejected] = await db.q
      .select({ row_number: crmImportRows.row_number, error: crmImportRows.error })
      .from(crmImportRows)
      .where(and(eq(crmImportRows.job_id, jobId), eq(crmImportRows.outcome, "rejected")));
    expect(rejected?.row_number).toBe(4);
    expect(rejected?.error).toMatch(/email/i);

    const entries = await db.q
      .select({ type: activityLogs.type, ip: activityLogs.ip_address })
      .from(activityLogs)
      .where(and(eq(activityLogs.workspace_id, workspaceId), eq(activityLogs.entity_id, jobId)));
    expect(entries).toEqual([{ type: "crm_import.completed", ip: "203.0.113.7" }]);
  });

  it("rolls a refused chunk back whole, and a second run resumes it with no duplicates", async () => {
    const db = mysql.db;
    const { userId, workspaceId } = await workspaceFor(db);
    const rows = 2 * IMPORT_CHUNK_ROWS + 20;
    const failingRow = IMPORT_CHUNK_ROWS + 50;
    const jobId = await startedJob(db, workspaceId, userId, peopleCsv(rows), "skip");
    // The server refuses one contact of the second chunk, after that chunk has written some of its rows.
    await mysql.pool.query(
      `CREATE TRIGGER import_test_refuse BEFORE INSERT ON crm_contacts FOR EACH ROW
       BEGIN IF NEW.email = 'person-${failingRow}@example.com' THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'; END IF; END`,
    );
    try {
      await expect(runAll(db, actorFor(userId), workspaceId, jobId)).rejects.toThrow();
      const stopped = await getImportJobOrThrow(db, { workspaceId, jobId });
      expect(stopped).toMatchObject({ processed_rows: IMPORT_CHUNK_ROWS, created_count: IMPORT_CHUNK_ROWS });
      // The first chunk is in; of the second, nothing — not even the rows before the refused one.
      expect(await emailsOf(db, workspaceId)).toHaveLength(IMPORT_CHUNK_ROWS);
      const { crmImportRows } = db.t;
      const [pending] = await db.q
        .select({ n: count() })
        .from(crmImportRows)
        .where(and(eq(crmImportRows.job_id, jobId), eq(crmImportRows.outcome, "pending")));
      expect(pending?.n).toBe(rows - IMPORT_CHUNK_ROWS);
    } finally {
      await mysql.pool.query("DROP TRIGGER IF EXISTS import_test_refuse");
    }

    const finished = await runAll(db, actorFor(userId), workspaceId, jobId);
    expect(finished).toMatchObject({ status: "completed", processed_rows: rows, created_count: rows, error_count: 0 });
    const emails = await emailsOf(db, workspaceId);
    expect(emails).toHaveLength(rows);
    expect(new Set(emails).size).toBe(rows);
  });
});
