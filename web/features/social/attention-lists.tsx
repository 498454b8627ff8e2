import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { Notice } from "../../ui/notice";
import { session } from "../auth/session-store";
import { can } from "../workspaces/workspaces-store";
import type { Post, SocialStore } from "./social-store";

const accountLabel = (store: SocialStore, post: Post) => {
  const a = store.state.accounts.find((x) => x.id === post.social_media_account_id);
  return a ? `${a.platform} · @${a.username}` : "removed account";
};

/** Posts waiting for an editor: approve, or send back with a comment. Nobody approves their own. */
export function ApprovalQueue(props: { store: SocialStore }) {
  const [error, setError] = createSignal<string | null>(null);
  const [comments, setComments] = createSignal<Record<string, string>>({});
  const pending = () => props.store.state.posts.filter((p) => p.status === "pending_approval");
  const run = (work: Promise<unknown>) => {
    setError(null);
    work.catch((failure) => setError(ApiError.from(failure).message));
  };
  return (
    <section class="card stack" aria-labelledby="approvals-title" data-testid="approvals">
      <h2 class="card__title" id="approvals-title">
        Waiting for approval
      </h2>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <Show when={pending().length} fallback={<p class="muted">Nothing waits for approval.</p>}>
        <ul class="rows">
          <For each={pending()}>
            {(post) => (
              <li class="row row--top">
                <div class="row__main">
                  <p class="row__title">{post.content}</p>
                  <p class="row__meta">
                    {accountLabel(props.store, post)} ·{" "}
                    {post.scheduled_at ? new Date(post.scheduled_at).toLocaleString() : "no time"}
                  </p>
                  <input
                    class="input input--compact"
                    placeholder="Comment (needed to send back)"
                    value={comments()[post.id] ?? ""}
                    onInput={(e) => setComments((c) => ({ ...c, [post.id]: e.currentTarget.value }))}
                  />
                </div>
                <Show when={can("social.posts.approve") && post.created_by !== session.user?.id}>
                  <div class="inline-actions">
                    <button
                      type="button"
                      class="button button--primary button--small"
                      onClick={() =>
                        run(props.store.act(post.id, "approve", { comment: comments()[post.id] || undefined }))
                      }
                    >
                      Approve
                    </button>
                    <button
                      type="button"
                      class="button button--small"
                      onClick={() => run(props.store.act(post.id, "reject", { comment: comments()[post.id] ?? "" }))}
                    >
                      Send back
                    </button>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** Failed posts with the network's reason and a bulk retry; unconfirmed ones ask a person to check. */
export function FailedPosts(props: { store: SocialStore }) {
  const [error, setError] = createSignal<string | null>(null);
  const [note, setNote] = createSignal<string | null>(null);
  const failed = () => props.store.state.posts.filter((p) => p.status === "failed" || p.status === "unconfirmed");
  const retryAll = () => {
    setError(null);
    props.store
      .retryFailed()
      .then((n) => setNote(`${n} post${n === 1 ? "" : "s"} will be retried within a minute.`))
      .catch((failure) => setError(ApiError.from(failure).message));
  };
  return (
    <section class="card stack" aria-labelledby="failed-title" data-testid="failed-posts">
      <div class="card__head">
        <h2 class="card__title" id="failed-title">
          Failed and unconfirmed
        </h2>
        <Show when={can("social.posts.publish") && failed().some((p) => p.status === "failed")}>
          <button type="button" class="button button--small" onClick={retryAll}>
            Retry all failed
          </button>
        </Show>
      </div>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <Show when={note()}>{(message) => <Notice tone="info">{message()}</Notice>}</Show>
      <Show when={failed().length} fallback={<p class="muted">Every post went out.</p>}>
        <ul class="rows">
          <For each={failed()}>
            {(post) => (
              <li class="row row--top" data-testid="failed-post">
                <div class="row__main">
                  <p class="row__title">
                    <span class="badge" classList={{ "badge--bad": post.status === "failed" }}>
                      {post.status}
                    </span>{" "}
                    {post.content.slice(0, 80)}
                  </p>
                  <p class="row__meta">{accountLabel(props.store, post)}</p>
                  <p class="field__error">{post.failure_reason}</p>
                </div>
                <Show when={can("social.posts.publish")}>
                  <button
                    type="button"
                    class="button button--small"
                    onClick={() => props.store.act(post.id, "retry").catch((f) => setError(ApiError.from(f).message))}
                  >
                    {post.status === "unconfirmed" ? "Not live: send again" : "Retry"}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
