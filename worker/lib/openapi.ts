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

/** A JSON response of a route, for createRoute's `responses`. */
export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A required JSON request body, for createRoute's `request`. */
export const body = <T extends z.ZodTypeAny>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
