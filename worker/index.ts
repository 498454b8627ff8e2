// The Worker entry: HTTP through the Hono app, Cron Triggers through the scheduled handler.
import { app } from "./app";
import { pruneExpiredCache } from "./features/maintenance/prune-expired-cache";
import { databaseFor } from "./lib/db";
import type { Env } from "./lib/env";

export { RateLimiter } from "../durable-objects/rate-limiter";
export { WorkspaceRoom } from "../durable-objects/workspace-room";

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(pruneExpiredCache(databaseFor(env)).then(() => undefined));
  },
} satisfies ExportedHandler<Env>;
