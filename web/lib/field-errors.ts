import { ApiError } from "./api-error";

export type FieldErrors = Record<string, string>;

const isIssue = (value: unknown): value is { path: string; message: string } =>
  typeof value === "object" &&
  value !== null &&
  "path" in value &&
  typeof value.path === "string" &&
  "message" in value &&
  typeof value.message === "string";

/**
 * The per-field messages of a failed call, keyed by path ("name", "preferences.timezone").
 * Validation errors list `[{ path, message }]`; a conflict may name its one field as `{ path }`.
 * The first message for a field wins: it is the one the person should fix first.
 */
export function fieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const details = error.details;
  if (Array.isArray(details)) {
    const out: FieldErrors = {};
    for (const issue of details) {
      if (isIssue(issue) && !(issue.path in out)) out[issue.path] = issue.message;
    }
    return out;
  }
  if (typeof details === "object" && details !== null && "path" in details && typeof details.path === "string") {
    return { [details.path]: error.message };
  }
  return {};
}
