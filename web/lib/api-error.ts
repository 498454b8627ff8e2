/** What the API answers on failure: { error: { code, message, details } } (worker/lib/errors.ts). */
type ErrorBody = { error: { code: string; message: string; details: unknown } };

const isErrorBody = (body: unknown): body is ErrorBody => {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = body.error;
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    "message" in error &&
    typeof error.message === "string"
  );
};

/**
 * A failed API call, carrying the API's code, the message written for the person using
 * the app, and the details (field errors, request id) a page may show next to inputs.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, message: string, status: number, details: unknown = null) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** Reads a failed response. A proxy or an outage may answer HTML, so the body is not trusted to be ours. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const body: unknown = await response.json().catch(() => null);
    if (isErrorBody(body)) {
      return new ApiError(body.error.code, body.error.message, response.status, body.error.details ?? null);
    }
    const message =
      response.status >= 500
        ? "The server is having trouble right now. Please try again in a moment."
        : `The request could not be completed (HTTP ${response.status}).`;
    return new ApiError(response.status >= 500 ? "internal_error" : "bad_request", message, response.status);
  }

  /** Whatever a call threw, as an ApiError: fetch itself rejects when the network is down. */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    return new ApiError("network_error", "We could not reach Mewayz. Check your connection and try again.", 0, {
      cause: String(error),
    });
  }
}
