import type { ClientResponse } from "hono/client";
import { ApiError } from "./api-error";

/** The success branch of a typed response: its `json()` is the 2xx body, not the error envelope. */
export type Ok<R> = Extract<R, { ok: true }>;

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called whenever the API answers 401: the session ended behind the page's back (it
 * expired, or was revoked from another device). The session store listens, so every
 * page reacts the same way instead of each one checking for 401 itself.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Tells the listeners that the API answered 401 (for calls made without `callApi`). */
export function notifyUnauthorized(error: ApiError): void {
  for (const listener of unauthorizedListeners) listener(error);
}

/**
 * Sends one typed `hc` call and hands back the successful response; a failed call
 * throws an ApiError, so a page shows the message instead of handling error bodies as data.
 */
export async function callApi<R extends ClientResponse<unknown, number, string>>(
  send: () => Promise<R>,
): Promise<Ok<R>> {
  let response: R;
  try {
    response = await send();
  } catch (error) {
    throw ApiError.from(error);
  }
  if (!response.ok) {
    const error = await ApiError.fromResponse(response as unknown as Response);
    if (error.status === 401) notifyUnauthorized(error);
    throw error;
  }
  return response as Ok<R>;
}
