// An import goes on when nobody drives it any more: the import queue takes over a
// running job whose run request went away (a closed tab), leaves one a tab is driving
// alone, and stops, with a reason, one whose member may no longer import.
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { handleImportBatch } from "../../worker/features/crm/import-queue-handler";
import { IMPORT_CHUNK_ROWS } from "../../worker/features/crm/import-run-chunk";
import type { ImportMessage } from "../../worker/features/crm/import-watch";
import type { Env } from "../../worker/lib/env";
import { activityRows } from "../activity/activity-helpers";
import { signUp } from "../helpers/api";
import { connectLive } from "../helpers/live";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { contactsOf, database, type ImportJobJson, importsPath, preview, upload } from "./import-helpers";
import { peopleCsv } from "./people-csv";

type Person = Awaited<ReturnType<typeof signUp>>;

const ROWS = 2 * IMPORT_CHUNK_ROWS + 50;

async function prepared(who: Person, workspaceId: string, rows = ROWS) {
  const { job, suggested_mapping } = await upload(who.client, workspaceId, peopleCsv(rows));
  await preview(who.client, workspaceId, job.id, { mapping: suggested_mapping });
  return job;
}

/** The job as a run request leaves it when its tab goes away: running, its last commit `secondsAgo` back. */
async function leftRunning(jobId: string, secondsAgo: number) {
  const db = database();
  const t = db.t.crmImportJobs;
  await db.atomic((q) => [
    q
      .update(t)
      .set({ status: "running", started_at: new Date(), updated_at: new Date(Date.now() - secondsAgo * 1000) })
      .where(eq(t.id, jobId)),
  ]);
  const [row] = await db.q.select({ status: t.status }).from(t).where(eq(t.id, jobId));
  expect(row?.status).toBe("running");
}

async function jobOf(who: Person, workspaceId: string, jobId: string) {
  const res = await who.client.fetch(importsPath(workspaceId, `/${jobId}`));
  expect(res.status).toBe(200);
  return (await res.json()) as ImportJobJson;
}

async function until(who: Person, workspaceId: string, jobId: string, done: (job: ImportJobJson) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = await jobOf(who, workspaceId, jobId);
    if (done(job) || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("an import nobody drives", { timeout: 30_000 }, () => {
  let owner: Person;
  beforeAll(async () => {
    owner = await signUp({ name: "Quinn Queue" });
  });

  it("is taken over by the import queue and finished, every row once, with its progress on the live feed", async () => {
    const { id } = await createWorkspace(owner.client, "Closed Tab Co");
    const job = await prepared(owner, id);
    await leftRunning(job.id, 60);
    const tab = await connectLive(owner.client, id);
    await tab.next("hello");

    await env.CRM_IMPORT_QUEUE?.send({ workspace_id: id, job_id: job.id, user_id: owner.user.id });
    const finished = await until(owner, id, job.id, (j) => j.status !== "running");
    expect(finished).toMatchObject({ status: "completed", processed_rows: ROWS, created_count: ROWS, error_count: 0 });

    const contacts = await contactsOf(id);
    expect(contacts).toHaveLength(ROWS);
    expect(new Set(contacts.map((c) => c.email)).size).toBe(ROWS);
    expect(contacts.every((c) => c.created_by === owner.user.id)).toBe(true);
    const progress = await tab.next(
      "change",
      (m: { entity_type: string; data?: { status?: string } }) =>
        m.entity_type === "crm_import_job" && m.data?.status === "completed",
    );
    expect(progress).toMatchObject({ entity_id: job.id, actor_id: owner.user.id });
    const entries = (await activityRows(id)).filter((e) => e.type === "crm_import.completed");
    expect(entries).toHaveLength(1);
    tab.ws.close();
  });

  it("leaves a job a tab is driving to that tab", async () => {
    const { id } = await createWorkspace(owner.client, "Driven Co");
    const job = await prepared(owner, id, 20);
    await leftRunning(job.id, 0);

    await env.CRM_IMPORT_QUEUE?.send({ workspace_id: id, job_id: job.id, user_id: owner.user.id });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await jobOf(owner, id, job.id)).toMatchObject({ status: "running", processed_rows: 0 });
    expect(await contactsOf(id)).toHaveLength(0);

    // The same message from the queue's own run (which ran out of time) goes on at once.
    await env.CRM_IMPORT_QUEUE?.send({ workspace_id: id, job_id: job.id, user_id: owner.user.id, continuing: true });
    expect(await until(owner, id, job.id, (j) => j.status !== "running")).toMatchObject({
      status: "completed",
      created_count: 20,
    });
  });

  it("hands the rows a delivery had no time for to the next delivery", async () => {
    const { id } = await createWorkspace(owner.client, "Long File Co");
    const job = await prepared(owner, id);
    await leftRunning(job.id, 60);
    // One delivery whose time is up after its first chunk, as a 20-second budget runs out on a long file.
    const acked: string[] = [];
    const message = {
      id: "m1",
      timestamp: new Date(),
      attempts: 1,
      body: { workspace_id: id, job_id: job.id, user_id: owner.user.id },
      ack: () => acked.push("ack"),
      retry: () => acked.push("retry"),
    };
    const batch = { queue: "mewayz-crm-import", messages: [message], ackAll() {}, retryAll() {} };
    await handleImportBatch(batch as unknown as MessageBatch<ImportMessage>, env as Env, 0);
    expect(acked).toEqual(["ack"]);
    expect(await jobOf(owner, id, job.id)).toMatchObject({ status: "running", processed_rows: IMPORT_CHUNK_ROWS });

    // The queue's next delivery, sent at once, goes on from there and finishes: every row once.
    const finished = await until(owner, id, job.id, (j) => j.status !== "running");
    expect(finished).toMatchObject({ status: "completed", processed_rows: ROWS, created_count: ROWS });
    const contacts = await contactsOf(id);
    expect(new Set(contacts.map((c) => c.email)).size).toBe(ROWS);
  });

  it("stops, with a reason, a job whose member may no longer import", async () => {
    const { id } = await createWorkspace(owner.client, "Removed Co");
    const admin = await teammate(id, "admin");
    const job = await prepared(admin, id);
    await leftRunning(job.id, 60);
    const db = database();
    const m = db.t.workspaceMembers;
    await db.atomic((q) => [q.delete(m).where(and(eq(m.workspace_id, id), eq(m.user_id, admin.user.id)))]);

    await env.CRM_IMPORT_QUEUE?.send({ workspace_id: id, job_id: job.id, user_id: admin.user.id });
    const stopped = await until(owner, id, job.id, (j) => j.status !== "running");
    expect(stopped).toMatchObject({ status: "failed", processed_rows: 0 });
    expect(stopped.last_error).toMatch(/can no longer import contacts here/);
    expect(await contactsOf(id)).toHaveLength(0);
  });
});
