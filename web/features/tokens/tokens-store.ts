import type { InferRequestType, InferResponseType } from "hono/client";
import { createStore } from "solid-js/store";
import { api } from "../../lib/api-client";
import { ApiError } from "../../lib/api-error";
import { callApi } from "../../lib/call-api";

export type Token = InferResponseType<typeof api.v1.tokens.$get, 200>["data"][number];
export type NewToken = InferRequestType<typeof api.v1.tokens.$post>["json"];

type TokensState = { status: "loading" | "ready" | "error"; items: Token[]; error: ApiError | null };

/**
 * The person's API tokens for the tokens page. A new token is added once the API made it
 * (only the API knows its id and secret); a revoked one leaves at once and comes back
 * where it was if the API refuses, with the error rethrown to be shown.
 */
export function createTokensStore() {
  const [state, setState] = createStore<TokensState>({ status: "loading", items: [], error: null });

  const load = async () => {
    if (state.status === "error") setState({ status: "loading", error: null });
    try {
      const items: Token[] = [];
      let cursor: string | undefined;
      // A person has a handful of tokens; read every page so none hides past the first.
      do {
        const query = cursor ? { limit: "100", cursor } : { limit: "100" };
        const page = await (await callApi(() => api.v1.tokens.$get({ query }))).json();
        items.push(...page.data);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      setState({ status: "ready", items, error: null });
    } catch (failure) {
      setState({ status: "error", error: ApiError.from(failure) });
    }
  };

  /** Creates a token and answers its plain text, which the API shows this once. */
  const create = async (input: NewToken): Promise<string> => {
    const response = await callApi(() => api.v1.tokens.$post({ json: input }));
    const created = await response.json();
    setState("items", (items) => [created.token, ...items]);
    return created.plain_text_token;
  };

  const revoke = async (id: number) => {
    const before = state.items;
    setState("items", (items) => items.filter((t) => t.id !== id));
    try {
      await callApi(() => api.v1.tokens[":id"].$delete({ param: { id: String(id) } }));
    } catch (failure) {
      // Already revoked elsewhere: it is gone either way.
      if (ApiError.from(failure).status === 404) return;
      setState("items", (items) => before.filter((t) => t.id === id || items.some((i) => i.id === t.id)));
      throw failure;
    }
  };

  return { state, load, create, revoke };
}
