// One error model for the whole API: every failure answers
// { "error": { "code", "message", "details" } } with the status its code maps to.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError, type z } from "zod";
import type { AppEnv } from "./env";

export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  upgrade_required: 426,
  validation_failed: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message: string, details: unknown = null, headers: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

export const errorBody = (code: ErrorCode, message: string, details: unknown = null) => ({
  error: { code, message, details },
});

/** Field-by-field problems of a failed zod parse, in the shape clients show next to inputs. */
export function validationDetails(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message, code: issue.code }));
}

export function validationError(error: z.ZodError): AppError {
  return new AppError("validation_failed", "Some fields are missing or invalid.", validationDetails(error));
}

const codeForStatus = (status: number): ErrorCode =>
  (Object.entries(errorStatus).find(([, s]) => s === status)?.[0] as ErrorCode | undefined) ??
  (status >= 500 ? "internal_error" : "bad_request");

export function toErrorResponse(err: unknown, c: Context<AppEnv>): Response {
  if (err instanceof AppError) return c.json(errorBody(err.code, err.message, err.details), err.status, err.headers);
  if (err instanceof ZodError) {
    const e = validationError(err);
    return c.json(errorBody(e.code, e.message, e.details), e.status);
  }
  if (err instanceof HTTPException) {
    const malformed = err.status === 400 && /json/i.test(err.message);
    const code = malformed ? "invalid_json" : codeForStatus(err.status);
    const message = malformed
      ? "The request body is not valid JSON."
      : err.message || "The request could not be handled.";
    return c.json(errorBody(code, message), err.status as ContentfulStatusCode);
  }
  // The person reading the answer gets a message written for them; the detail goes to the log.
  console.error(
    JSON.stringify({
      level: "error",
      request_id: c.get("requestId"),
      error: String(err),
      stack: (err as Error)?.stack,
    }),
  );
  return c.json(
    errorBody("internal_error", "Something went wrong on our side. Please try again.", {
      request_id: c.get("requestId") ?? null,
    }),
    500,
  );
}
