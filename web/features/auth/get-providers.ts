import type { InferResponseType } from "hono/client";
import { api } from "../../lib/api-client";
import { callApi } from "../../lib/call-api";

export type Providers = InferResponseType<typeof api.v1.auth.providers.$get, 200>;

/** GET /api/v1/auth/providers — which sign-in buttons to draw. */
export async function getProviders(): Promise<Providers> {
  return await (await callApi(() => api.v1.auth.providers.$get())).json();
}
