// The Worker entry: HTTP through the Hono app, Cron Triggers through the scheduled handler,
// queue messages through the queue handler.
import { app } from "./app";
import { pruneBioVisitors } from "./features/bio/prune-bio-visitors";
import { SWEEP_MINUTE, sweepBioMedia } from "./features/bio/sweep-bio-media";
import { handleImportBatch } from "./features/crm/import-queue-handler";
import type { ImportMessage } from "./features/crm/import-watch";
import { pruneExpiredCache } from "./features/maintenance/prune-expired-cache";
import type { PublishMessage } from "./features/social/publish-message";
import { handlePublishBatch } from "./features/social/publish-queue-handler";
import { socialCron } from "./features/social/social-cron";
import { databaseFor } from "./lib/db";
import type { Env } from "./lib/env";

export { BioCounter } from "../durable-objects/bio-counter";
export { RateLimiter } from "../durable-objects/rate-limiter";
export { WorkspaceRoom } from "../durable-objects/workspace-room";

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const db = databaseFor(env);
    ctx.waitUntil(pruneExpiredCache(db).then(() => undefined));
    ctx.waitUntil(pruneBioVisitors(db).then(() => undefined));
    // Hourly: image files no bio page shows any more.
    if (new Date(controller.scheduledTime).getUTCMinutes() === SWEEP_MINUTE) {
      ctx.waitUntil(sweepBioMedia(env, db, new Date(controller.scheduledTime)).then(() => undefined));
    }
    ctx.waitUntil(socialCron(env, db, new Date(controller.scheduledTime)).then(() => undefined));
  },
  async queue(batch, env) {
    if (batch.queue.startsWith("mewayz-social-publish"))
      await handlePublishBatch(batch as MessageBatch<PublishMessage>, env);
    else if (batch.queue.startsWith("mewayz-crm-import"))
      await handleImportBatch(batch as MessageBatch<ImportMessage>, env);
  },
} satisfies ExportedHandler<Env, PublishMessage | ImportMessage>;
