import type { InferResponseType } from "hono/client";
import { createStore } from "solid-js/store";
import { api } from "../../lib/api-client";
import { ApiError } from "../../lib/api-error";
import { callApi } from "../../lib/call-api";

export type Session = InferResponseType<typeof api.v1.auth.sessions.$get, 200>["data"][number];

type SessionsState = { status: "loading" | "ready" | "error"; items: Session[]; error: ApiError | null };

const revokeOne = async (id: string) => {
  try {
    await callApi(() => api.v1.auth.sessions[":sessionId"].$delete({ param: { sessionId: id } }));
  } catch (failure) {
    // Already gone (it expired, or another tab revoked it): that is what was asked for.
    if (ApiError.from(failure).status !== 404) throw failure;
  }
};

/**
 * The signed-in person's sessions for the sessions page. Revoking takes the row away at
 * once and puts it back where it was if the API refuses; the error is rethrown to be shown.
 */
export function createSessionsStore() {
  const [state, setState] = createStore<SessionsState>({ status: "loading", items: [], error: null });

  const load = async () => {
    if (state.status === "error") setState({ status: "loading", error: null });
    try {
      const response = await callApi(() => api.v1.auth.sessions.$get());
      setState({ status: "ready", items: (await response.json()).data, error: null });
    } catch (failure) {
      setState({ status: "error", error: ApiError.from(failure) });
    }
  };

  /** Revokes the given sessions together; any the API refused come back in their old places. */
  const revokeMany = async (ids: string[]) => {
    const before = state.items;
    setState("items", (items) => items.filter((s) => !ids.includes(s.id)));
    const results = await Promise.allSettled(ids.map(revokeOne));
    const refused = ids.filter((_, i) => results[i]?.status === "rejected");
    if (refused.length === 0) return;
    setState("items", (items) => before.filter((s) => refused.includes(s.id) || items.some((i) => i.id === s.id)));
    const first = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    throw ApiError.from(first?.reason);
  };

  const revoke = (id: string) => revokeMany([id]);
  const revokeOthers = () => revokeMany(state.items.filter((s) => !s.current).map((s) => s.id));

  return { state, load, revoke, revokeOthers };
}
