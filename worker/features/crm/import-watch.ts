// An import goes on without whoever started it: starting a job puts a message on the
// import queue that looks at it a little later, and the queue takes over a job nobody
// is driving any more (a closed tab, a cut connection). While a tab drives the job,
// the queue only looks again later.
import type { Env } from "../../lib/env";

/** One job to look after, for the member whose run started it (their access is checked again). */
export type ImportMessage = {
  workspace_id: string;
  job_id: string;
  user_id: string;
  /** Sent by the queue's own run that ran out of time: go on at once, nobody else is driving. */
  continuing?: boolean;
};

/** How long after a run starts the queue first looks at the job: longer than one run request lasts. */
export const WATCH_DELAY_SECONDS = 30;

export async function watchImport(env: Env, message: ImportMessage, delaySeconds = WATCH_DELAY_SECONDS) {
  try {
    await env.CRM_IMPORT_QUEUE?.send(message, { delaySeconds });
  } catch (err) {
    // The run still works; only the take-over is lost.
    console.error(
      JSON.stringify({ level: "error", msg: "import watch not queued", job_id: message.job_id, error: String(err) }),
    );
  }
}
