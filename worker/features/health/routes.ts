import { createRoute, z } from "@hono/zod-openapi";
import { Hono } from "hono";
import type { AppEnv } from "../../lib/env";
import { createRouter } from "../../lib/factory";
import { checkHealth } from "./check-health";

const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.object({
      status: z.enum(["ok", "unreachable"]),
      dialect: z.enum(["sqlite", "mysql"]),
      latency_ms: z.number(),
    }),
    time: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Health");

// GET /api/health — is the API up and can it reach its database?
export const healthRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/health",
    tags: ["System"],
    summary: "Health of the API and its database",
    responses: {
      200: { description: "Everything answers", content: { "application/json": { schema: HealthSchema } } },
      503: { description: "The database does not answer", content: { "application/json": { schema: HealthSchema } } },
    },
  }),
  async (c) => {
    const health = await checkHealth(c.var.db);
    return c.json(health, health.status === "ok" ? 200 : 503);
  },
);

// GET /livez — liveness: the worker answers, touching nothing (no database, no session).
// Load balancers poll it, and bench:bio uses it as the floor of a request.
export const livenessRoutes = new Hono<AppEnv>().get("/livez", (c) =>
  c.text("ok", 200, { "Cache-Control": "no-store" }),
);
