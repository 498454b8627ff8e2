import { createMemo, createSignal, For, onCleanup, Show } from "solid-js";
import { PLATFORM_LIMITS, type Platform } from "../../../worker/features/social/platforms/platform-limits";
import { ApiError } from "../../lib/api-error";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { Notice } from "../../ui/notice";
import { session } from "../auth/session-store";
import { can } from "../workspaces/workspaces-store";
import { LoadMore } from "./load-more";
import { fromLocalInput } from "./local-time";
import { ScheduleField } from "./schedule-field";
import type { Post, SocialStore } from "./social-store";

const accountOf = (store: SocialStore, post: Post) =>
  store.state.accounts.find((x) => x.id === post.social_media_account_id);

const accountLabel = (store: SocialStore, post: Post) => {
  const a = accountOf(store, post);
  return a ? `${a.platform} · @${a.username}` : "removed account";
};

const handle = (store: SocialStore, post: Post) => {
  const a = accountOf(store, post);
  return a ? `@${a.username}` : "the account";
};

const when = (post: Post) => (post.scheduled_at ? new Date(post.scheduled_at).toLocaleString() : "no time");

/**
 * Posts waiting for an editor: approve, or send back with a comment. Nobody approves their own.
 * A post whose time passed while it waited is never approved as it is (the server refuses):
 * the approver publishes it now or picks a new time.
 */
export function ApprovalQueue(props: { store: SocialStore; timeZone: string }) {
  const [error, setError] = createSignal<string | null>(null);
  const [comments, setComments] = createSignal<Record<string, string>>({});
  const [rescheduling, setRescheduling] = createSignal<string | null>(null);
  const [newTime, setNewTime] = createSignal("");
  // Posts become past due while the list is open: look at the clock every half minute.
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(tick));
  const pending = createMemo(() => props.store.listed("approvals"));
  const overdue = (post: Post) => !!post.scheduled_at && new Date(post.scheduled_at).getTime() <= now();
  const run = (work: Promise<unknown>) => {
    setError(null);
    work.catch((failure) => setError(ApiError.from(failure).message));
  };
  const approve = (post: Post, extra: { publish_now?: true; scheduled_at?: string } = {}) =>
    run(props.store.act(post.id, "approve", { comment: comments()[post.id] || undefined, ...extra }));
  const approveAt = (post: Post) => {
    const at = fromLocalInput(newTime(), props.timeZone);
    if (!at) return setError(`Choose a time in ${props.timeZone} for this post.`);
    if (at.getTime() <= Date.now()) return setError("That time has passed too: choose a later one.");
    setRescheduling(null);
    approve(post, { scheduled_at: newTime() });
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
              <li class="row row--top" data-testid="approval-post">
                <div class="row__main">
                  <p class="row__title">{post.content}</p>
                  <p class="row__meta">
                    {accountLabel(props.store, post)} · {when(post)}
                    <Show when={overdue(post)}>
                      {" "}
                      <span class="badge badge--muted" data-testid="approval-overdue">
                        time passed
                      </span>
                    </Show>
                  </p>
                  <input
                    class="input input--compact"
                    placeholder="Comment (needed to send back)"
                    value={comments()[post.id] ?? ""}
                    onInput={(e) => setComments((c) => ({ ...c, [post.id]: e.currentTarget.value }))}
                  />
                  <Show when={rescheduling() === post.id}>
                    <ScheduleField
                      id={`approve-time-${post.id}`}
                      timeZone={props.timeZone}
                      value={newTime()}
                      onInput={setNewTime}
                    />
                    <div class="inline-actions">
                      <button
                        type="button"
                        class="button button--primary button--small"
                        data-testid="approve-at"
                        onClick={() => approveAt(post)}
                      >
                        Approve for this time
                      </button>
                      <button type="button" class="button button--small" onClick={() => setRescheduling(null)}>
                        Cancel
                      </button>
                    </div>
                  </Show>
                </div>
                <Show
                  when={
                    can("social.posts.approve") && can("social.posts.publish") && post.created_by !== session.user?.id
                  }
                >
                  <div class="inline-actions">
                    <Show
                      when={overdue(post)}
                      fallback={
                        <button
                          type="button"
                          class="button button--primary button--small"
                          onClick={() => approve(post)}
                        >
                          Approve
                        </button>
                      }
                    >
                      <button
                        type="button"
                        class="button button--primary button--small"
                        data-testid="approve-publish-now"
                        onClick={() => approve(post, { publish_now: true })}
                      >
                        Publish now
                      </button>
                      <button
                        type="button"
                        class="button button--small"
                        data-testid="approve-pick-time"
                        aria-expanded={rescheduling() === post.id}
                        onClick={() => {
                          setError(null);
                          setNewTime("");
                          setRescheduling(post.id);
                        }}
                      >
                        Pick a new time
                      </button>
                    </Show>
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
      <LoadMore store={props.store} list="approvals" />
    </section>
  );
}

/**
 * Failed posts with the network's reason, retried one by one, by selection or all at
 * once. An unconfirmed post may or may not be live: a person checks the network and
 * says which, since sending it again when it did go out would post it twice.
 */
export function FailedPosts(props: { store: SocialStore; onOpen: (post: Post) => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const [note, setNote] = createSignal<string | null>(null);
  const [picked, setPicked] = createSignal<string[]>([]);
  const [liveIds, setLiveIds] = createSignal<Record<string, string>>({});
  const [resend, setResend] = createSignal<Post | null>(null);
  const posts = createMemo(() => props.store.listed("failed"));
  const failedIds = createMemo(() => posts().flatMap((p) => (p.status === "failed" ? [p.id] : [])));
  // A post retried or deleted meanwhile (here or by a teammate) leaves the selection by itself.
  const selected = createMemo(() => picked().filter((id) => failedIds().includes(id)));
  const toggle = (id: string, on: boolean) => setPicked((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const run = (work: Promise<unknown>) => {
    setError(null);
    setNote(null);
    work.catch((failure) => setError(ApiError.from(failure).message));
  };
  const retried = (n: number) => setNote(`${n} post${n === 1 ? "" : "s"} will be retried within a minute.`);
  const retry = (ids?: string[]) =>
    run(
      props.store.retryFailed(ids).then((n) => {
        retried(n);
        setPicked([]);
      }),
    );
  const network = (post: Post) => {
    const account = accountOf(props.store, post);
    return account ? `${PLATFORM_LIMITS[account.platform as Platform]?.label ?? account.platform}` : "the network";
  };
  return (
    <section class="card stack" aria-labelledby="failed-title" data-testid="failed-posts">
      <div class="card__head card__head--wrap">
        <h2 class="card__title" id="failed-title">
          Failed and unconfirmed
        </h2>
        <Show when={can("social.posts.publish") && failedIds().length}>
          <div class="inline-actions">
            <label class="checkbox">
              <input
                type="checkbox"
                checked={selected().length > 0 && selected().length === failedIds().length}
                onChange={(e) => setPicked(e.currentTarget.checked ? failedIds() : [])}
                data-testid="select-all-failed"
              />
              <span>Select all</span>
            </label>
            <button
              type="button"
              class="button button--small button--primary"
              disabled={selected().length === 0}
              onClick={() => retry(selected())}
              data-testid="retry-selected"
            >
              Retry selected{selected().length ? ` (${selected().length})` : ""}
            </button>
            <button type="button" class="button button--small" onClick={() => retry()}>
              Retry all failed
            </button>
          </div>
        </Show>
      </div>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <Show when={note()}>{(message) => <Notice tone="info">{message()}</Notice>}</Show>
      <Show when={posts().length} fallback={<p class="muted">Every post went out.</p>}>
        <ul class="rows">
          <For each={posts()}>
            {(post) => (
              <li class="row row--top row--wrap" data-testid="failed-post" data-status={post.status}>
                <Show when={post.status === "failed" && can("social.posts.publish")}>
                  <input
                    type="checkbox"
                    aria-label={`Select "${post.content.slice(0, 40)}"`}
                    checked={selected().includes(post.id)}
                    onChange={(e) => toggle(post.id, e.currentTarget.checked)}
                    data-testid="select-failed"
                  />
                </Show>
                <div class="row__main">
                  <p class="row__title">
                    <span class="badge" classList={{ "badge--bad": post.status === "failed" }}>
                      {post.status}
                    </span>{" "}
                    {post.content.slice(0, 80)}
                  </p>
                  <p class="row__meta">
                    {accountLabel(props.store, post)} · {when(post)}
                  </p>
                  <p class="field__error">{post.failure_reason}</p>
                  <Show when={post.status === "unconfirmed"}>
                    <p class="muted">
                      We could not tell whether {network(post)} took this post. Look for it on{" "}
                      {handle(props.store, post)}'s profile, then say what you found. Sending it again when it is in
                      fact live posts it twice.
                    </p>
                  </Show>
                </div>
                <Show when={can("social.posts.publish")}>
                  <Show
                    when={post.status === "unconfirmed"}
                    fallback={
                      <div class="inline-actions">
                        <button type="button" class="button button--small" onClick={() => props.onOpen(post)}>
                          Edit
                        </button>
                        <button
                          type="button"
                          class="button button--small"
                          onClick={() => run(props.store.act(post.id, "retry"))}
                        >
                          Retry
                        </button>
                      </div>
                    }
                  >
                    <div class="inline-actions">
                      <input
                        class="input input--compact"
                        placeholder={`Its id on ${network(post)}`}
                        aria-label={`Its id on ${network(post)} (optional)`}
                        value={liveIds()[post.id] ?? ""}
                        onInput={(e) => setLiveIds((m) => ({ ...m, [post.id]: e.currentTarget.value }))}
                        data-testid="live-id"
                      />
                      <button
                        type="button"
                        class="button button--small button--primary"
                        onClick={() => run(props.store.confirm(post.id, true, liveIds()[post.id]))}
                      >
                        It is live
                      </button>
                      <button type="button" class="button button--small" onClick={() => setResend(post)}>
                        Not live: send again
                      </button>
                    </div>
                  </Show>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <LoadMore store={props.store} list="failed" />
      <ConfirmDialog
        open={resend() !== null}
        title="Send this post again?"
        body={
          <p>
            Only when you checked {resend() ? handle(props.store, resend() as Post) : "the account"} and the post is not
            there. If it went out after all, sending again posts it a second time.
          </p>
        }
        confirmLabel="Send again"
        onCancel={() => setResend(null)}
        onConfirm={() => {
          const post = resend();
          setResend(null);
          if (post) run(props.store.act(post.id, "retry"));
        }}
      />
    </section>
  );
}

/**
 * Drafts, with or without a time, and posts a reviewer sent back with their comment:
 * opened in the post panel to finish, schedule or send for approval.
 */
export function DraftsList(props: { store: SocialStore; onOpen: (post: Post) => void }) {
  const drafts = createMemo(() => props.store.listed("drafts"));
  return (
    <section class="card stack" aria-labelledby="drafts-title" data-testid="drafts">
      <h2 class="card__title" id="drafts-title">
        Drafts
      </h2>
      <Show when={drafts().length} fallback={<p class="muted">No drafts: everything written is scheduled.</p>}>
        <ul class="rows">
          <For each={drafts()}>
            {(post) => (
              <li class="row row--top" data-testid="draft-post">
                <div class="row__main">
                  <p class="row__title">{post.content.slice(0, 80)}</p>
                  <p class="row__meta">
                    {accountLabel(props.store, post)} · {when(post)}
                  </p>
                  <Show when={post.rejected_at && post.review_comment}>
                    <p class="field__error" data-testid="sent-back">
                      Sent back: {post.review_comment}
                    </p>
                  </Show>
                </div>
                <button type="button" class="button button--small" onClick={() => props.onOpen(post)}>
                  Open
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <LoadMore store={props.store} list="drafts" />
    </section>
  );
}
