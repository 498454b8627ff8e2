import { createSignal, Show } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { CollaborativeText } from "../../ui/collaborative-text";
import { Notice } from "../../ui/notice";
import { session } from "../auth/session-store";
import { can } from "../workspaces/workspaces-store";
import { PostEngagement } from "./post-engagement";
import type { Post, SocialStore } from "./social-store";

const EDITABLE = ["draft", "pending_approval", "scheduled", "failed"];

/** One post: its text edited together live (Yjs), where it stands, and what can be done with it. */
export function PostPanel(props: { store: SocialStore; workspaceId: string; postId: string; onClose: () => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const post = (): Post | undefined => props.store.state.posts.find((p) => p.id === props.postId);
  const mayEdit = (p: Post) =>
    EDITABLE.includes(p.status) &&
    (can("social.posts.update") || (can("social.posts.update_own") && p.created_by === session.user?.id));
  return (
    <Show when={post()}>
      {(p) => (
        <section class="card stack" aria-labelledby="post-title" data-testid="post-panel">
          <div class="card__head">
            <h2 class="card__title" id="post-title">
              Post · <span class="badge">{p().status}</span>
            </h2>
            <button type="button" class="button button--small button--ghost" onClick={props.onClose}>
              Close
            </button>
          </div>
          <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
          <Show when={p().failure_reason}>{(reason) => <Notice tone="error">{reason()}</Notice>}</Show>
          <Show when={p().review_comment}>{(comment) => <Notice tone="info">Reviewer: {comment()}</Notice>}</Show>
          <Show when={session.user} keyed>
            {(user) => (
              <CollaborativeText
                id="post-live-content"
                label="Text (edited together)"
                workspaceId={props.workspaceId}
                docName={`social_media_posts:${p().id}:content`}
                me={{ id: user.id, name: user.name }}
                readOnly={!mayEdit(p())}
                rows={6}
                presenceField="content"
              />
            )}
          </Show>
          <p class="muted">
            {p().scheduled_at ? `Scheduled ${new Date(p().scheduled_at ?? "").toLocaleString()}` : "Not scheduled"}
            {p().external_post_id ? ` · on the network as ${p().external_post_id}` : ""}
          </p>
          <PostEngagement store={props.store} post={p()} />
          <Show
            when={can("social.posts.delete") || (can("social.posts.delete_own") && p().created_by === session.user?.id)}
          >
            <div class="form-actions">
              <button
                type="button"
                class="button button--danger button--small"
                onClick={() =>
                  props.store
                    .remove(p().id)
                    .then(props.onClose)
                    .catch((f) => setError(ApiError.from(f).message))
                }
              >
                Delete
              </button>
            </div>
          </Show>
        </section>
      )}
    </Show>
  );
}
