import type { InferResponseType } from "hono/client";
import { api } from "../../lib/api-client";
import { callApi } from "../../lib/call-api";

export type OutboxMail = InferResponseType<typeof api.v1.dev.outbox.$get, 200>["data"][number];

/** GET /api/v1/dev/outbox — the newest mail kept instead of sent, for one address or for all. */
export async function listOutbox(to: string): Promise<OutboxMail[]> {
  const query = to ? { to } : {};
  const page = await (await callApi(() => api.v1.dev.outbox.$get({ query }))).json();
  return page.data;
}
