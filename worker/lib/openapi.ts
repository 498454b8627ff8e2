import { z } from "@hono/zod-openapi";
import { type ErrorCode, errorStatus } from "./errors";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string(),
      details: z.unknown().nullable(),
    }),
  })
  .openapi("Error");

/** The documented error answers of a route, by code. */
export function errorResponses(...codes: ErrorCode[]) {
  const out: Record<number, { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }> =
    {};
  for (const code of codes) {
    const status = errorStatus[code];
    const existing = out[status];
    out[status] = {
      description: existing ? `${existing.description}, ${code}` : code,
      content: { "application/json": { schema: ErrorSchema } },
    };
  }
  return out;
}
