import type { InferResponseType } from "hono/client";
import { api } from "../../lib/api-client";
import { ApiError } from "../../lib/api-error";

export type Health = InferResponseType<typeof api.health.$get, 200>;

/**
 * GET /api/health. A 503 still carries the health report (the database is down, the API
 * is not), so it is data to show, not an error; anything else is thrown as an ApiError.
 */
export async function getHealth(): Promise<Health> {
  let response: Awaited<ReturnType<typeof api.health.$get>>;
  try {
    response = await api.health.$get();
  } catch (error) {
    throw ApiError.from(error);
  }
  if (response.status === 200 || response.status === 503) return await response.json();
  throw await ApiError.fromResponse(response);
}
