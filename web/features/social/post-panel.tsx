import { createSignal, onMount, Show } from "solid-js";
import type { Platform } from "../../../worker/features/social/platforms/platform-limits";
import { ApiError } from "../../lib/api-error";
import { CollaborativeText } from "../../ui/collaborative-text";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { session } from "../auth/session-store";
import { can } from "../workspaces/workspaces-store";
import { fromLocalInput, toLocalInput } from "./local-time";
import { MediaUpload } from "./media-upload";
import { PlatformPreview } from "./platform-preview";
import { PostEngagement } from "./post-engagement";
import { splitHashtags, splitMediaUrls } from "./post-fields";
import { ScheduleField } from "./schedule-field";
import type { Post, PostChanges, SocialStore } from "./social-store";

const EDITABLE = ["draft", "pending_approval", "scheduled", "failed"];

/** What the person changed and has not saved; untouched fields follow the post as it changes live. */
type Edits = { when?: string; tags?: string; media?: string };

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * One post: its text edited together live (Yjs), its time, hashtags and media, where it
 * stands (with a reviewer's comment when sent back), and what can be done with it:
 * save, schedule or send for approval, move back to drafts, delete.
 */
export function PostPanel(props: {
  store: SocialStore;
  workspaceId: string;
  timeZone: string;
  postId: string;
  onClose: () => void;
}) {
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [edits, setEdits] = createSignal<Edits>({});
  const [busy, setBusy] = createSignal(false);
  let panel: HTMLElement | undefined;
  onMount(() => panel?.scrollIntoView({ block: "nearest" }));
  const post = (): Post | undefined => props.store.state.posts.find((p) => p.id === props.postId);
  const account = (p: Post) => props.store.state.accounts.find((a) => a.id === p.social_media_account_id);
  const mayEdit = (p: Post) =>
    EDITABLE.includes(p.status) &&
    (can("social.posts.update") || (can("social.posts.update_own") && p.created_by === session.user?.id));

  const when = (p: Post) => edits().when ?? toLocalInput(p.scheduled_at, props.timeZone);
  const tags = (p: Post) => edits().tags ?? p.hashtags.join(" ");
  const media = (p: Post) => edits().media ?? p.media_urls.join("\n");

  /** Only what differs from the post: naming an unchanged field would still count as an edit to approve again. */
  const changes = (p: Post): PostChanges => {
    const out: PostChanges = {};
    if (when(p) !== toLocalInput(p.scheduled_at, props.timeZone)) out.scheduled_at = when(p) || null;
    if (!same(splitHashtags(tags(p)), p.hashtags)) out.hashtags = splitHashtags(tags(p));
    if (!same(splitMediaUrls(media(p)), p.media_urls)) out.media_urls = splitMediaUrls(media(p));
    return out;
  };
  const dirty = (p: Post) => Object.keys(changes(p)).length > 0;

  const save = async (p: Post, status?: "draft" | "scheduled") => {
    const input = { ...changes(p), ...(status ? { status } : {}) };
    if (input.scheduled_at && !fromLocalInput(input.scheduled_at, props.timeZone)) {
      return setError(`That time does not exist in ${props.timeZone}: the clocks skip it. Choose another.`);
    }
    setError(null);
    setSaved(null);
    setBusy(true);
    try {
      const after = await props.store.update(p.id, input);
      setEdits({});
      setSaved(
        after.status === "pending_approval" && status === "scheduled"
          ? "Sent for approval."
          : after.status === "scheduled" && status === "scheduled"
            ? "Scheduled."
            : status === "draft"
              ? "Moved to drafts."
              : "Saved.",
      );
    } catch (failure) {
      setError(ApiError.from(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={post()}>
      {(p) => (
        <section class="card stack" aria-labelledby="post-title" data-testid="post-panel" ref={panel}>
          <div class="card__head">
            <h2 class="card__title" id="post-title">
              Post · <span class="badge">{p().status}</span>
              <Show when={account(p())}>
                {(a) => <span class="muted"> · {`${a().platform} · @${a().username}`}</span>}
              </Show>
            </h2>
            <button type="button" class="button button--small button--ghost" onClick={props.onClose}>
              Close
            </button>
          </div>
          <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
          <Show when={saved()}>{(message) => <Notice tone="success">{message()}</Notice>}</Show>
          <Show when={p().failure_reason}>{(reason) => <Notice tone="error">{reason()}</Notice>}</Show>
          <Show when={p().review_comment}>
            {(comment) => (
              <Notice tone={p().status === "draft" && p().rejected_at ? "warning" : "info"}>
                <span data-testid="review-comment">
                  {p().status === "draft" && p().rejected_at ? "Sent back by the reviewer" : "Reviewer"}: {comment()}
                </span>
              </Notice>
            )}
          </Show>
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
          <Show
            when={mayEdit(p())}
            fallback={
              <p class="muted">
                {p().scheduled_at ? `Scheduled ${new Date(p().scheduled_at ?? "").toLocaleString()}` : "Not scheduled"}
                {p().external_post_id ? ` · on the network as ${p().external_post_id}` : ""}
              </p>
            }
          >
            <ScheduleField
              id="panel-when"
              timeZone={props.timeZone}
              value={when(p())}
              onInput={(value) => setEdits((e) => ({ ...e, when: value }))}
              disabled={busy()}
            />
            <Field id="panel-tags" label="Hashtags" hint="Separated by spaces.">
              <input
                id="panel-tags"
                class="input"
                value={tags(p())}
                disabled={busy()}
                onInput={(e) => setEdits((x) => ({ ...x, tags: e.currentTarget.value }))}
              />
            </Field>
            <Field id="panel-media" label="Media URLs" hint="Public https:// addresses, one per line.">
              <textarea
                id="panel-media"
                class="input"
                rows={2}
                value={media(p())}
                disabled={busy()}
                onInput={(e) => setEdits((x) => ({ ...x, media: e.currentTarget.value }))}
              />
            </Field>
            <MediaUpload
              id="panel-upload"
              workspaceId={props.workspaceId}
              disabled={busy()}
              onUploaded={(url) => setEdits((x) => ({ ...x, media: `${media(p()).trim()}\n${url}`.trim() }))}
              onError={setError}
            />
            <Show when={account(p())}>
              {(a) => (
                <PlatformPreview
                  platform={a().platform as Platform}
                  username={a().username}
                  content={p().content}
                  hashtags={splitHashtags(tags(p()))}
                  media={splitMediaUrls(media(p()))}
                />
              )}
            </Show>
          </Show>
          <PostEngagement store={props.store} post={p()} />
          <div class="form-actions">
            <Show when={mayEdit(p())}>
              <button
                type="button"
                class="button"
                disabled={busy() || !dirty(p())}
                onClick={() => void save(p())}
                data-testid="panel-save"
              >
                Save changes
              </button>
              <Show
                when={p().status === "draft" || p().status === "failed"}
                fallback={
                  <button
                    type="button"
                    class="button"
                    disabled={busy()}
                    onClick={() => void save(p(), "draft")}
                    data-testid="panel-unschedule"
                  >
                    Move to drafts
                  </button>
                }
              >
                <button
                  type="button"
                  class="button button--primary"
                  disabled={busy() || !when(p())}
                  onClick={() => void save(p(), "scheduled")}
                  data-testid="panel-schedule"
                >
                  {can("social.posts.publish") ? "Schedule" : "Send for approval"}
                </button>
              </Show>
            </Show>
            <Show
              when={
                can("social.posts.delete") || (can("social.posts.delete_own") && p().created_by === session.user?.id)
              }
            >
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
            </Show>
          </div>
        </section>
      )}
    </Show>
  );
}
