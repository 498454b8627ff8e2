// The import queue's consumer: takes over a running import nobody drives, for the
// member who started it, while they still may import here. Each delivery runs one
// budget of chunks and, when rows are left, hands the rest to the next delivery.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { databaseFor } from "../../lib/db";
import type { Env } from "../../lib/env";
import { publishFromJob } from "../../lib/realtime";
import { loadWorkspaceAccess } from "../../lib/workspace-access";
import { progressChange, RUN_BUDGET_MS, runImportJob } from "./import-run-job";
import { type ImportMessage, watchImport } from "./import-watch";

/** A job whose last chunk committed this recently is being driven by a run request. */
export const DRIVEN_WITHIN_MS = 5_000;

/** `budgetMs`: how long each delivery imports before it hands the rest on (RUN_BUDGET_MS). */
export async function handleImportBatch(batch: MessageBatch<ImportMessage>, env: Env, budgetMs = RUN_BUDGET_MS) {
  const db = databaseFor(env);
  for (const message of batch.messages) {
    try {
      await continueImport(env, db, message.body, budgetMs);
      message.ack();
    } catch (err) {
      console.error(
        JSON.stringify({
          level: "error",
          msg: "import take-over failed",
          job_id: message.body.job_id,
          error: String(err),
        }),
      );
      message.retry({ delaySeconds: 30 });
    }
  }
}

async function continueImport(env: Env, db: Database, message: ImportMessage, budgetMs: number) {
  const { crmImportJobs, users } = db.t;
  const [job] = await db.q
    .select()
    .from(crmImportJobs)
    .where(and(eq(crmImportJobs.id, message.job_id), eq(crmImportJobs.workspace_id, message.workspace_id)))
    .limit(1);
  // Finished, failed (resumed only by a person), cancelled or gone: nothing to look after.
  if (job?.status !== "running") return;
  const lastCommit = job.updated_at?.getTime() ?? 0;
  if (!message.continuing && Date.now() - lastCommit < DRIVEN_WITHIN_MS) {
    await watchImport(env, message);
    return;
  }
  const access = await loadWorkspaceAccess(db, message.workspace_id, message.user_id);
  const [user] = await db.q.select({ name: users.name }).from(users).where(eq(users.id, message.user_id)).limit(1);
  if (!access || !user || !access.permissions.includes("crm.contacts.import") || access.workspace.status !== "active") {
    await db.atomic((q) => [
      q
        .update(crmImportJobs)
        .set({
          status: "failed",
          last_error: `The import stopped after ${job.processed_rows} of ${job.total_rows} rows: the member who ran it can no longer import contacts here. Someone who can may run it again to continue.`,
        })
        .where(and(eq(crmImportJobs.id, job.id), eq(crmImportJobs.status, "running"))),
    ]);
    const [stopped] = await db.q.select().from(crmImportJobs).where(eq(crmImportJobs.id, job.id)).limit(1);
    if (stopped) {
      await publishFromJob(env, message.workspace_id, [{ ...progressChange(stopped), actor_id: null }]);
    }
    return;
  }
  const actor = { userId: message.user_id, name: user.name, ip: null, userAgent: null };
  const after = await runImportJob({ env, db, workspace: access.workspace, actor, requestId: null }, job.id, budgetMs);
  if (after.status === "running") await watchImport(env, { ...message, continuing: true }, 0);
}
