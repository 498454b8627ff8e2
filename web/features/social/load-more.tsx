import { createSignal, Show } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { Notice } from "../../ui/notice";
import type { ListName, SocialStore } from "./social-store";

/** The next page of one list, when the API says there is one. */
export function LoadMore(props: { store: SocialStore; list: ListName }) {
  const [error, setError] = createSignal<string | null>(null);
  const page = () => props.store.state.lists[props.list];
  return (
    <Show when={page().next_cursor}>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <div class="form-actions">
        <button
          type="button"
          class="button button--small"
          disabled={page().loading}
          data-testid={`load-more-${props.list}`}
          onClick={() => {
            setError(null);
            props.store.loadMore(props.list).catch((failure) => setError(ApiError.from(failure).message));
          }}
        >
          {page().loading ? "Loading…" : "Load more"}
        </button>
      </div>
    </Show>
  );
}
