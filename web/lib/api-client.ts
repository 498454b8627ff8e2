import { hc } from "hono/client";
import type { AppType } from "../../worker/app";

/**
 * The typed client for the worker's API. AppType is the sub-app the worker mounts at
 * /api, so its routes start below that prefix: `api.health.$get()` is GET /api/health.
 */
export const api = hc<AppType>(`${window.location.origin}/api`);
