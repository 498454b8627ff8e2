// Imports that stop halfway: a chunk that fails leaves nothing half done, `run` again
// picks up at the first pending row with the right totals and no duplicates, two
// `run`s at once import each row once, and cancelling stops what is left.
import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_CHUNK_ROWS } from "../../worker/features/crm/import-run-chunk";
import { activityRows } from "../activity/activity-helpers";
import { errorOf, signUp } from "../helpers/api";
import { connectLive } from "../helpers/live";
import { createWorkspace } from "../helpers/workspaces";
import { contactsOf, importsPath, preview, rowsOf, runOnce, runToEnd, upload } from "./import-helpers";
import { peopleCsv } from "./people-csv";

type Person = Awaited<ReturnType<typeof signUp>>;

const ROWS = 2 * IMPORT_CHUNK_ROWS + 50;
/** A row in the second chunk, past its first rows, so the chunk has written some of its statements when it fails. */
const FAILING_ROW = IMPORT_CHUNK_ROWS + 100;

/**
 * Makes the database refuse one contact, as a database that fails mid-import would.
 * A test-only trigger: it names one email, so exactly one chunk fails, at one row.
 */
async function refuseContact(email: string) {
  await env.DB.prepare(
    `CREATE TRIGGER IF NOT EXISTS import_test_refuse BEFORE INSERT ON crm_contacts WHEN NEW.email = '${email}' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
  ).run();
}
const allowContacts = () => env.DB.prepare("DROP TRIGGER IF EXISTS import_test_refuse").run();

async function prepared(who: Person, workspaceId: string, csv: string) {
  const { job, suggested_mapping } = await upload(who.client, workspaceId, csv);
  await preview(who.client, workspaceId, job.id, { mapping: suggested_mapping });
  return job;
}

describe("an import that stops halfway", () => {
  let owner: Person;

  beforeAll(async () => {
    owner = await signUp({ name: "Rhea Resume" });
  });
  afterEach(allowContacts);

  it("fails a chunk whole, and `run` again resumes it to the right totals with no duplicates", async () => {
    const { id } = await createWorkspace(owner.client, "Resume Co");
    const job = await prepared(owner, id, peopleCsv(ROWS));
    const tab = await connectLive(owner.client, id);
    await tab.next("hello");
    await refuseContact(`person-${FAILING_ROW}@example.com`);

    const failed = await runOnce(owner.client, id, job.id);
    expect(failed).toMatchObject({
      status: "failed",
      processed_rows: IMPORT_CHUNK_ROWS,
      created_count: IMPORT_CHUNK_ROWS,
      error_count: 0,
    });
    expect(failed.last_error).toContain(`after ${IMPORT_CHUNK_ROWS} of ${ROWS} rows`);
    expect(failed.last_error).not.toContain("refused by test");
    // The first chunk is in; of the second, nothing — not the rows before the failing one either.
    const contacts = await contactsOf(id);
    expect(contacts).toHaveLength(IMPORT_CHUNK_ROWS);
    expect(contacts.map((c) => c.email)).not.toContain(`person-${IMPORT_CHUNK_ROWS + 1}@example.com`);
    const rows = await rowsOf(job.id);
    expect(rows.filter((r) => r.outcome === "pending").map((r) => r.row_number)[0]).toBe(IMPORT_CHUNK_ROWS + 1);
    expect(rows.filter((r) => r.outcome !== "pending")).toHaveLength(IMPORT_CHUNK_ROWS);
    const tagRows = await env.DB.prepare("SELECT COUNT(*) AS n FROM crm_contact_tags WHERE workspace_id = ?")
      .bind(id)
      .first<{ n: number }>();
    expect(tagRows?.n).toBe(IMPORT_CHUNK_ROWS);
    expect((await activityRows(id)).filter((e) => e.type === "crm_import.completed")).toEqual([]);
    const failure = await tab.next(
      "change",
      (m) => m.entity_type === "crm_import_job" && (m.data as { status?: string }).status === "failed",
    );
    expect(failure.data).toMatchObject({ processed_rows: IMPORT_CHUNK_ROWS, total_rows: ROWS });

    await allowContacts();
    const resumed = await runToEnd(owner.client, id, job.id);
    expect(resumed).toMatchObject({
      status: "completed",
      total_rows: ROWS,
      processed_rows: ROWS,
      created_count: ROWS,
      updated_count: 0,
      skipped_count: 0,
      error_count: 0,
      last_error: null,
    });
    const all = await contactsOf(id);
    expect(all).toHaveLength(ROWS);
    expect(new Set(all.map((c) => c.email)).size).toBe(ROWS);
    expect((await rowsOf(job.id)).every((r) => r.outcome === "created" && r.contact_id)).toBe(true);
    const completed = (await activityRows(id)).filter((e) => e.type === "crm_import.completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]?.metadata).toMatchObject({ created: ROWS, total_rows: ROWS });

    // Progress arrived chunk by chunk, counting up to the end.
    const done = await tab.next(
      "change",
      (m) => m.entity_type === "crm_import_job" && (m.data as { status?: string }).status === "completed",
    );
    expect(done.data).toMatchObject({ processed_rows: ROWS, created_count: ROWS });
    tab.ws.close(1000);
  });

  it("runs each row once when two `run`s race", async () => {
    const { id } = await createWorkspace(owner.client, "Race Co");
    // No emails: nothing but the chunk guard keeps the second `run` from creating every contact again.
    const csv = peopleCsv(ROWS)
      .split("\r\n")
      .map((line) => line.split(",").slice(0, 2).join(","))
      .join("\r\n");
    const job = await prepared(owner, id, csv);
    const answers = await Promise.all([
      owner.client.fetch(importsPath(id, `/${job.id}/run`), { method: "POST" }),
      owner.client.fetch(importsPath(id, `/${job.id}/run`), { method: "POST" }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const finished = await runToEnd(owner.client, id, job.id);
    expect(finished).toMatchObject({ status: "completed", processed_rows: ROWS, created_count: ROWS });
    expect(await contactsOf(id)).toHaveLength(ROWS);
    expect((await activityRows(id)).filter((e) => e.type === "crm_import.completed")).toHaveLength(1);
  });

  it("on a conflict with a contact added since the preview, updates or skips it on the run", async () => {
    const { id } = await createWorkspace(owner.client, "Late Contact Co");
    const job = await prepared(owner, id, peopleCsv(3));
    const res = await owner.client.fetch(`/api/v1/workspaces/${id}/contacts`, {
      method: "POST",
      json: { first_name: "Early", last_name: "Bird", email: "PERSON-2@example.com" },
    });
    expect(res.status).toBe(201);
    const done = await runToEnd(owner.client, id, job.id);
    expect(done).toMatchObject({ created_count: 2, skipped_count: 1 });
    expect(await contactsOf(id)).toHaveLength(3);
  });
});

describe("cancelling and deleting an import", () => {
  let owner: Person;

  beforeAll(async () => {
    owner = await signUp({ name: "Cass Cancel" });
  });
  afterEach(allowContacts);

  it("cancels an import that has not run: no contacts, no rows, and it cannot run", async () => {
    const { id } = await createWorkspace(owner.client, "Cancel Co");
    const job = await prepared(owner, id, peopleCsv(5));
    const res = await owner.client.fetch(importsPath(id, `/${job.id}`), { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await (await owner.client.fetch(importsPath(id, `/${job.id}`))).json()).toMatchObject({
      status: "cancelled",
      processed_rows: 0,
    });
    expect(await rowsOf(job.id)).toEqual([]);
    const run = await owner.client.fetch(importsPath(id, `/${job.id}/run`), { method: "POST" });
    expect(run.status).toBe(409);
    expect((await errorOf(run)).message).toContain("cancelled");
    expect(await contactsOf(id)).toEqual([]);
    expect((await activityRows(id)).map((e) => e.type)).toContain("crm_import.cancelled");
  });

  it("cancels a failed import: what it imported stays, what was pending goes", async () => {
    const { id } = await createWorkspace(owner.client, "Half Co");
    const job = await prepared(owner, id, peopleCsv(ROWS));
    await refuseContact(`person-${FAILING_ROW}@example.com`);
    expect(await runOnce(owner.client, id, job.id)).toMatchObject({ status: "failed" });
    expect((await owner.client.fetch(importsPath(id, `/${job.id}`), { method: "DELETE" })).status).toBe(204);
    expect(await contactsOf(id)).toHaveLength(IMPORT_CHUNK_ROWS);
    const rows = await rowsOf(job.id);
    expect(rows).toHaveLength(IMPORT_CHUNK_ROWS);
    expect(rows.every((r) => r.outcome === "created")).toBe(true);
  });

  it("deletes a finished import's uploaded rows and keeps its counts", async () => {
    const { id } = await createWorkspace(owner.client, "Purge Co");
    const job = await prepared(owner, id, `${peopleCsv(3)}Bad,Row,not-an-email,x\r\n`);
    await runToEnd(owner.client, id, job.id);
    expect((await owner.client.fetch(importsPath(id, `/${job.id}`), { method: "DELETE" })).status).toBe(204);
    expect(await rowsOf(job.id)).toEqual([]);
    expect(await (await owner.client.fetch(importsPath(id, `/${job.id}`))).json()).toMatchObject({
      status: "completed",
      created_count: 3,
      error_count: 1,
    });
    const report = (await (await owner.client.fetch(importsPath(id, `/${job.id}/report`))).json()) as {
      data: unknown[];
    };
    expect(report.data).toEqual([]);
    expect(await contactsOf(id)).toHaveLength(3);
  });
});
