// /api/v1/dev/outbox — the mail kept instead of sent while no mail provider is
// configured (local development). It does not exist in production.
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses } from "../../lib/openapi";
import { decodeCursor, pageOf, paginationQuery, toPage } from "../../lib/pagination";

const OutboxMail = z
  .object({
    id: z.string(),
    to_address: z.string(),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    created_at: z.string().nullable(),
  })
  .openapi("OutboxMail");

// GET /api/v1/dev/outbox — newest mail first, optionally for one address
export const devOutboxRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/outbox",
    tags: ["Development"],
    summary: "Mail kept by the local dev outbox",
    request: { query: paginationQuery.extend({ to: z.string().trim().toLowerCase().max(255).optional() }) },
    responses: {
      200: { description: "Mail, newest first", content: { "application/json": { schema: pageOf(OutboxMail) } } },
      ...errorResponses("not_found", "validation_failed", "invalid_cursor"),
    },
  }),
  async (c) => {
    if (c.env.APP_ENV === "production" || c.env.MAIL_API_URL) {
      throw new AppError("not_found", "There is no dev outbox here: mail is really sent.");
    }
    const { limit, cursor, to } = c.req.valid("query");
    const db = c.var.db;
    const { mailOutbox } = db.t;
    const after = cursor ? String(decodeCursor(cursor)[0] ?? "") : null;
    const rows = await db.q
      .select()
      .from(mailOutbox)
      .where(and(to ? eq(mailOutbox.to_address, to) : undefined, after ? lt(mailOutbox.id, after) : undefined))
      .orderBy(desc(mailOutbox.id))
      .limit(limit + 1);
    return c.json(
      toPage(
        rows,
        limit,
        (r) => [r.id],
        (r) => ({ ...r, created_at: r.created_at?.toISOString() ?? null }),
      ),
      200,
    );
  },
);
