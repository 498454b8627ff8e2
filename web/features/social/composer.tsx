import { createMemo, createSignal, For, Show } from "solid-js";
import type { Platform } from "../../../worker/features/social/platforms/platform-limits";
import { ApiError } from "../../lib/api-error";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { can } from "../workspaces/workspaces-store";
import { MediaUpload } from "./media-upload";
import { PlatformPreview } from "./platform-preview";
import { splitHashtags, splitMediaUrls } from "./post-fields";
import { ScheduleField } from "./schedule-field";
import type { SocialStore } from "./social-store";

/**
 * Compose once for several accounts: one text, hashtags and media, a preview and a live
 * counter per network from the same limits table the server checks, and a time picked
 * in the workspace's time zone (the server reads it there, daylight saving included).
 */
export function Composer(props: { store: SocialStore; workspaceId: string; timeZone: string; onDone?: () => void }) {
  const [selected, setSelected] = createSignal<string[]>([]);
  const [content, setContent] = createSignal("");
  const [tags, setTags] = createSignal("");
  const [media, setMedia] = createSignal("");
  const [when, setWhen] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const active = () => props.store.state.accounts.filter((a) => a.status === "active");
  const chosen = createMemo(() => active().filter((a) => selected().includes(a.id)));
  const hashtags = () => splitHashtags(tags());
  const mediaUrls = () => splitMediaUrls(media());
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const submit = async (status: "draft" | "scheduled") => {
    setError(null);
    setSaved(null);
    setBusy(true);
    try {
      const posts = await props.store.compose({
        account_ids: selected(),
        content: content(),
        hashtags: hashtags(),
        media_urls: mediaUrls(),
        status,
        ...(when() ? { scheduled_at: when() } : {}),
      });
      const state = posts[0]?.status ?? status;
      setSaved(
        state === "pending_approval"
          ? "Sent for approval."
          : state === "scheduled"
            ? `Scheduled for ${posts.length} account${posts.length === 1 ? "" : "s"}.`
            : "Saved as a draft.",
      );
      setContent("");
      setTags("");
      setMedia("");
      props.onDone?.();
    } catch (failure) {
      setError(ApiError.from(failure).message);
    } finally {
      setBusy(false);
    }
  };

  const suggest = async () => {
    const slot = await props.store.nextSlot(selected()[0]);
    if (slot.local) setWhen(slot.local);
    else setError("No posting slots are set for this workspace yet.");
  };

  return (
    <section class="card stack" aria-labelledby="composer-title" data-testid="composer">
      <h2 class="card__title" id="composer-title">
        New post
      </h2>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <Show when={saved()}>{(message) => <Notice tone="success">{message()}</Notice>}</Show>
      <fieldset class="fieldset">
        <legend class="field__label">Accounts</legend>
        <Show when={active().length} fallback={<p class="muted">Connect an account first (Accounts tab).</p>}>
          <div class="chips">
            <For each={active()}>
              {(account) => (
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={selected().includes(account.id)}
                    onChange={() => toggle(account.id)}
                    data-testid={`pick-${account.username}`}
                  />
                  <span>
                    {account.platform} · @{account.username}
                    {account.sandbox ? " (sandbox)" : ""}
                  </span>
                </label>
              )}
            </For>
          </div>
        </Show>
      </fieldset>
      <Field id="post-content" label="Text">
        <textarea
          id="post-content"
          class="input"
          rows={5}
          value={content()}
          onInput={(e) => setContent(e.currentTarget.value)}
          data-testid="post-content"
        />
      </Field>
      <Field id="post-tags" label="Hashtags" hint="Separated by spaces; added at the end unless already in the text.">
        <input id="post-tags" class="input" value={tags()} onInput={(e) => setTags(e.currentTarget.value)} />
      </Field>
      <Field
        id="post-media"
        label="Media URLs"
        hint="Public https:// addresses, one per line: the networks fetch them."
      >
        <textarea
          id="post-media"
          class="input"
          rows={2}
          value={media()}
          onInput={(e) => setMedia(e.currentTarget.value)}
        />
      </Field>
      <MediaUpload
        id="post-upload"
        workspaceId={props.workspaceId}
        onUploaded={(url) => setMedia((m) => `${m.trim()}\n${url}`.trim())}
        onError={setError}
      />
      <ScheduleField
        id="post-when"
        timeZone={props.timeZone}
        value={when()}
        onInput={setWhen}
        onSuggest={() => void suggest()}
      />
      <div class="stack">
        <For each={chosen()}>
          {(account) => (
            <PlatformPreview
              platform={account.platform as Platform}
              username={account.username}
              content={content()}
              hashtags={hashtags()}
              media={mediaUrls()}
            />
          )}
        </For>
      </div>
      <div class="form-actions">
        <button
          type="button"
          class="button"
          disabled={busy() || !selected().length}
          onClick={() => void submit("draft")}
        >
          Save draft
        </button>
        <button
          type="button"
          class="button button--primary"
          disabled={busy() || !selected().length || !when()}
          onClick={() => void submit("scheduled")}
          data-testid="schedule-post"
        >
          {can("social.posts.publish") ? "Schedule" : "Send for approval"}
        </button>
      </div>
    </section>
  );
}
