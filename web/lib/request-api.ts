import { ApiError } from "./api-error";
import { notifyUnauthorized } from "./call-api";

export type ApiRequest = {
  json?: unknown;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  /** Aborts the call: a search superseded by the next keystroke is not worth its answer. */
  signal?: AbortSignal;
};

/**
 * One API call by path, for the routes the typed `hc` client cannot name yet: the worker's
 * workspaceRoute() lets each route's path widen to `string` (a `const` type parameter
 * would keep it), so every /v1/workspaces/:workspaceId/… route merges into one untyped
 * key. The caller names the answer's type from the worker's own zod schemas
 * (`z.infer<typeof MemberSchema>`), so shapes still come from one source. Fails like
 * callApi: an ApiError with the API's message, and a 401 reaches the session store.
 */
export async function requestApi<T>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  request: ApiRequest = {},
): Promise<{ body: T; response: Response }> {
  const url = new URL(`/api${path}`, window.location.origin);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
  if (request.json !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      signal: request.signal,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
    });
  } catch (error) {
    throw ApiError.from(error);
  }
  if (!response.ok) {
    const error = await ApiError.fromResponse(response);
    if (error.status === 401) notifyUnauthorized(error);
    throw error;
  }
  const body = (response.status === 204 ? null : await response.json()) as T;
  return { body, response };
}
