import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from "solid-js";
import { createStore, unwrap } from "solid-js/store";
import type { BioLink } from "../../../worker/features/bio/bio-links";
import {
  BACKGROUNDS,
  BUTTON_SHAPES,
  BUTTON_STYLES,
  FONTS,
  LAYOUTS,
  PRESET_NAMES,
  PRESETS,
  resolveTheme,
} from "../../../worker/features/bio/bio-theme";
import { MAX_BIO_CHARS, renderBioPage } from "../../../worker/features/bio/render-bio-page";
import { ApiError } from "../../lib/api-error";
import { useViewing } from "../../lib/live/use-viewing";
import { CollaborativeText } from "../../ui/collaborative-text";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { Notice } from "../../ui/notice";
import { PresenceBadge } from "../../ui/presence-badge";
import { refresh, session } from "../auth/session-store";
import { can } from "../workspaces/workspaces-store";
import { BioAnalyticsPanel } from "./bio-analytics-panel";
import type { BioPageJson, BioStore } from "./bio-store";
import { CustomDomainPanel } from "./custom-domain-panel";
import { ImageCropper } from "./image-cropper";
import { QrCode } from "./qr-code";

type DraftLink = Omit<BioLink, "position"> & { key: string };
type Draft = {
  title: string;
  slug: string;
  is_active: boolean;
  seo_title: string;
  seo_description: string;
  custom_css: string;
  custom_domain: string;
  theme: Record<string, unknown>;
  links: DraftLink[];
};

let keys = 0;
const toDraft = (page: BioPageJson): Draft => ({
  title: page.title,
  slug: page.slug,
  is_active: page.is_active,
  seo_title: page.seo_title ?? "",
  seo_description: page.seo_description ?? "",
  custom_css: page.custom_css ?? "",
  custom_domain: page.custom_domain ?? "",
  theme: { ...(page.theme ?? {}) },
  links: (page.links as unknown as BioLink[]).map((l) => ({ ...l, key: `k${++keys}` })),
});

/** ISO instant → the value of a datetime-local input (local time), and back. */
const toLocalInput = (iso: string | null | undefined) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

const BACKGROUND_LABELS: Record<(typeof BACKGROUNDS)[number], string> = {
  color: "Colour",
  gradient: "Gradient",
  image: "Image",
};

const PALETTE = [
  ["background_color", "Background"],
  ["text_color", "Text"],
  ["button_color", "Buttons"],
  ["button_text_color", "Button text"],
] as const;

export function BioEditor(props: {
  page: BioPageJson;
  store: BioStore;
  workspaceId: string;
  /** After this page is deleted: the builder closes it. */
  onDeleted?: () => void;
}) {
  const [draft, setDraft] = createStore<Draft>(toDraft(props.page));
  const [etag, setEtag] = createSignal<string | undefined>();
  const [saving, setSaving] = createSignal(false);
  const [message, setMessage] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  const [css, setCss] = createSignal<{ css: string; warnings: { line: number | null; message: string }[] }>({
    css: "",
    warnings: [],
  });
  const [analyticsVersion, setAnalyticsVersion] = createSignal(0);
  const [copied, setCopied] = createSignal(false);
  /** The bio as it is being typed together: the preview shows it before it is written back. */
  const [bioText, setBioText] = createSignal<string | null>(null);
  const page = () => props.store.state.items.find((p) => p.id === props.page.id) ?? props.page;
  const publicUrl = () => `${window.location.origin}/${page().slug}`;
  const mayPublish = () => can("bio.pages.publish");
  const mayEdit = () => can("bio.pages.update") && (mayPublish() || !page().is_active);

  useViewing(() => ({ entity_type: "link_in_bio_page", entity_id: props.page.id }));
  void props.store.etagOf(props.page.id).then(setEtag);

  // The sanitiser's verdict on the CSS being typed, a moment after typing stops.
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      () => draft.custom_css,
      (value) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          props.store
            .sanitize(props.page.id, value)
            .then(setCss)
            .catch(() => undefined);
        }, 300);
      },
    ),
  );
  onCleanup(() => clearTimeout(timer));

  // The same renderer as the public page, on the draft; the sandboxed frame runs no script.
  const preview = createMemo(() => {
    const current = page();
    const { html } = renderBioPage(
      {
        id: current.id,
        title: draft.title,
        bio: bioText() ?? current.bio,
        profile_picture: current.profile_picture,
        background_image: current.background_image,
        theme: draft.theme,
        links: draft.links.map(({ key: _key, ...link }, position) => ({ ...link, position })),
        seo_title: draft.seo_title || null,
        seo_description: draft.seo_description || null,
      },
      { now: new Date(), pageUrl: publicUrl(), css: css().css },
    );
    return html;
  });

  const save = async () => {
    setSaving(true);
    setMessage(null);
    const changes: Record<string, unknown> = {
      title: draft.title,
      seo_title: draft.seo_title,
      seo_description: draft.seo_description,
      custom_css: draft.custom_css,
      theme: unwrap(draft.theme),
      links: draft.links.map(({ key: _key, ...link }) => ({
        ...link,
        starts_at: link.starts_at || null,
        ends_at: link.ends_at || null,
        icon: link.icon || null,
      })),
    };
    if (mayPublish()) {
      changes.slug = draft.slug;
      changes.is_active = draft.is_active;
      changes.custom_domain = draft.custom_domain.trim() || null;
    }
    try {
      const { page: saved, etag: next } = await props.store.update(props.page.id, changes, etag());
      setEtag(next);
      setDraft(toDraft(saved));
      setMessage({ tone: "success", text: "Saved. Visitors see it now." });
    } catch (failure) {
      const error = ApiError.from(failure);
      if (error.status === 412) {
        setMessage({
          tone: "error",
          text: "A teammate saved this page meanwhile. Their version is loaded; make your change again.",
        });
        const fresh = page();
        setDraft(toDraft(fresh));
        setEtag(await props.store.etagOf(props.page.id));
      } else {
        setMessage({ tone: "error", text: error.message });
      }
    } finally {
      setSaving(false);
    }
  };

  const addLink = () =>
    setDraft("links", (links) => [
      ...links,
      {
        key: `k${++keys}`,
        id: crypto.randomUUID(),
        type: "link",
        title: "",
        url: "https://",
        is_active: true,
        featured: false,
        sensitive: false,
      },
    ]);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= draft.links.length || from === to) return;
    setDraft("links", (links) => {
      const next = [...links];
      const [item] = next.splice(from, 1);
      if (item) next.splice(to, 0, item);
      return next;
    });
  };
  let dragging: number | null = null;

  /** The image being framed before upload, and which field it is for. */
  const [cropping, setCropping] = createSignal<{ field: "profile_picture" | "background_image"; file: File } | null>(
    null,
  );
  const choose = (field: "profile_picture" | "background_image", input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (file) setCropping({ field, file });
  };
  const upload = async (field: "profile_picture" | "background_image", blob: Blob) => {
    setCropping(null);
    try {
      await props.store.upload(props.page.id, field, blob);
      // The API makes an uploaded background the page's background; the draft follows, so Save keeps it.
      if (field === "background_image") setDraft("theme", "background_type", "image");
      setEtag(await props.store.etagOf(props.page.id));
    } catch (failure) {
      setMessage({ tone: "error", text: ApiError.from(failure).message });
    }
  };

  const verifyDomain = async () => {
    const { etag: next } = await props.store.verifyDomain(props.page.id);
    setEtag(next ?? (await props.store.etagOf(props.page.id)));
  };

  const [confirmingDelete, setConfirmingDelete] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);
  const remove = async () => {
    setDeleting(true);
    try {
      await props.store.remove(props.page.id);
      setConfirmingDelete(false);
      props.onDeleted?.();
    } catch (failure) {
      setConfirmingDelete(false);
      setMessage({ tone: "error", text: ApiError.from(failure).message });
    } finally {
      setDeleting(false);
    }
  };

  const copy = async () => {
    await navigator.clipboard.writeText(publicUrl());
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <div class="bio-builder" data-testid="bio-editor">
      <div class="stack">
        <section class="card stack">
          <div class="card__head card__head--wrap">
            <h2 class="card__title">{draft.title || "Untitled page"}</h2>
            <PresenceBadge entity={{ entity_type: "link_in_bio_page", entity_id: props.page.id }} />
          </div>
          <Show when={!mayEdit()}>
            <Notice tone="info">
              {page().is_active && can("bio.pages.update")
                ? "This page is published: editors make its changes now."
                : "Your role lets you see this page, not change it."}
            </Notice>
          </Show>
          <label class="field">
            <span class="field__label">Title</span>
            <input
              class="input"
              data-testid="bio-title"
              value={draft.title}
              onInput={(e) => setDraft("title", e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span class="field__label">Address</span>
            <input
              class="input"
              data-testid="bio-slug"
              value={draft.slug}
              disabled={!mayPublish()}
              onInput={(e) => setDraft("slug", e.currentTarget.value)}
            />
          </label>
          <label class="choice">
            <input
              type="checkbox"
              data-testid="bio-published"
              checked={draft.is_active}
              disabled={!mayPublish()}
              onChange={(e) => setDraft("is_active", e.currentTarget.checked)}
            />
            Published
          </label>
          <div class="bio-share">
            <a href={publicUrl()} target="_blank" rel="noopener" data-testid="bio-public-link">
              {publicUrl()}
            </a>
            <button type="button" class="button button--small" data-testid="bio-copy-link" onClick={() => void copy()}>
              {copied() ? "Copied" : "Copy link"}
            </button>
            <QrCode value={publicUrl()} size={120} label={`QR code of ${publicUrl()}`} />
          </div>
        </section>

        <section class="card stack">
          <h3 class="card__title">Bio</h3>
          <Show when={session.user} keyed>
            {(user) => (
              <CollaborativeText
                id="bio-text"
                label="Bio (edited together, saved as you type)"
                workspaceId={props.workspaceId}
                docName={`link_in_bio_pages:${props.page.id}:bio`}
                me={{ id: user.id, name: user.name }}
                readOnly={!mayEdit()}
                rows={4}
                maxLength={MAX_BIO_CHARS}
                onText={setBioText}
                presenceField="bio"
                onSessionEnded={() => void refresh()}
              />
            )}
          </Show>
        </section>

        <section class="card stack" data-testid="bio-links">
          <div class="card__head">
            <h3 class="card__title">Links</h3>
            <button type="button" class="button button--small" data-testid="bio-add-link" onClick={addLink}>
              Add link
            </button>
          </div>
          <ol class="bio-links-editor">
            <For each={draft.links}>
              {(link, i) => (
                <li
                  class="bio-link-row"
                  draggable="true"
                  data-testid="bio-link-row"
                  onDragStart={() => {
                    dragging = i();
                  }}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragging !== null) move(dragging, i());
                    dragging = null;
                  }}
                >
                  <span class="bio-link-row__grip" aria-hidden="true">
                    ⋮⋮
                  </span>
                  <div class="bio-link-row__fields">
                    <input
                      class="input"
                      aria-label="Link title"
                      data-testid="bio-link-title"
                      placeholder="Title"
                      value={link.title}
                      onInput={(e) => setDraft("links", i(), "title", e.currentTarget.value)}
                    />
                    <input
                      class="input input--small"
                      aria-label="Link icon"
                      data-testid="bio-link-icon"
                      placeholder="Icon (an emoji, optional)"
                      maxLength={16}
                      value={link.icon ?? ""}
                      onInput={(e) => setDraft("links", i(), "icon", e.currentTarget.value || null)}
                    />
                    <input
                      class="input"
                      aria-label="Link URL"
                      data-testid="bio-link-url"
                      placeholder="https://…"
                      value={link.url}
                      onInput={(e) => setDraft("links", i(), "url", e.currentTarget.value)}
                    />
                    <div class="bio-link-row__options">
                      <label class="choice">
                        <input
                          type="checkbox"
                          checked={link.is_active}
                          onChange={(e) => setDraft("links", i(), "is_active", e.currentTarget.checked)}
                        />{" "}
                        Shown
                      </label>
                      <label class="choice">
                        <input
                          type="checkbox"
                          checked={link.featured}
                          onChange={(e) => setDraft("links", i(), "featured", e.currentTarget.checked)}
                        />{" "}
                        Featured
                      </label>
                      <label class="choice">
                        <input
                          type="checkbox"
                          checked={link.sensitive}
                          onChange={(e) => setDraft("links", i(), "sensitive", e.currentTarget.checked)}
                        />{" "}
                        18+
                      </label>
                      <label class="choice">
                        From{" "}
                        <input
                          type="datetime-local"
                          class="input input--small"
                          value={toLocalInput(link.starts_at)}
                          onChange={(e) => setDraft("links", i(), "starts_at", fromLocalInput(e.currentTarget.value))}
                        />
                      </label>
                      <label class="choice">
                        Until{" "}
                        <input
                          type="datetime-local"
                          class="input input--small"
                          value={toLocalInput(link.ends_at)}
                          onChange={(e) => setDraft("links", i(), "ends_at", fromLocalInput(e.currentTarget.value))}
                        />
                      </label>
                    </div>
                  </div>
                  <div class="bio-link-row__actions">
                    <button
                      type="button"
                      class="button button--small button--ghost"
                      aria-label="Move up"
                      onClick={() => move(i(), i() - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="button button--small button--ghost"
                      aria-label="Move down"
                      onClick={() => move(i(), i() + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      class="button button--small button--danger"
                      aria-label="Remove link"
                      onClick={() => setDraft("links", (links) => links.filter((_, j) => j !== i()))}
                    >
                      ×
                    </button>
                  </div>
                </li>
              )}
            </For>
          </ol>
        </section>

        <section class="card stack">
          <h3 class="card__title">Look</h3>
          <fieldset class="bio-presets">
            <legend class="field__label">Presets</legend>
            <For each={PRESET_NAMES}>
              {(name) => (
                <button
                  type="button"
                  class="bio-preset"
                  classList={{ "is-selected": resolveTheme(draft.theme).preset === name }}
                  style={{
                    background: PRESETS[name].background_color,
                    color: PRESETS[name].text_color,
                    "border-color": PRESETS[name].button_color,
                  }}
                  onClick={() => setDraft("theme", { preset: name })}
                >
                  {name}
                </button>
              )}
            </For>
          </fieldset>
          <div class="bio-colours">
            <For each={PALETTE}>
              {([key, label]) => (
                <label class="field">
                  <span class="field__label">{label}</span>
                  <input
                    type="color"
                    value={resolveTheme(draft.theme)[key]}
                    onInput={(e) => setDraft("theme", key, e.currentTarget.value)}
                  />
                </label>
              )}
            </For>
          </div>
          <div class="bio-colours">
            <label class="field">
              <span class="field__label">Font</span>
              <select
                class="input"
                value={resolveTheme(draft.theme).font}
                onChange={(e) => setDraft("theme", "font", e.currentTarget.value)}
              >
                <For each={Object.keys(FONTS)}>{(font) => <option value={font}>{font}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span class="field__label">Buttons</span>
              <select
                class="input"
                value={resolveTheme(draft.theme).button_shape}
                onChange={(e) => setDraft("theme", "button_shape", e.currentTarget.value)}
              >
                <For each={BUTTON_SHAPES}>{(v) => <option value={v}>{v}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span class="field__label">Style</span>
              <select
                class="input"
                value={resolveTheme(draft.theme).button_style}
                onChange={(e) => setDraft("theme", "button_style", e.currentTarget.value)}
              >
                <For each={BUTTON_STYLES}>{(v) => <option value={v}>{v}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span class="field__label">Layout</span>
              <select
                class="input"
                value={resolveTheme(draft.theme).layout}
                onChange={(e) => setDraft("theme", "layout", e.currentTarget.value)}
              >
                <For each={LAYOUTS}>{(v) => <option value={v}>{v}</option>}</For>
              </select>
            </label>
          </div>
          <div class="bio-colours" data-testid="bio-background">
            <label class="field">
              <span class="field__label">Background</span>
              <select
                class="input"
                data-testid="bio-background-type"
                value={resolveTheme(draft.theme).background_type}
                onChange={(e) => setDraft("theme", "background_type", e.currentTarget.value)}
              >
                <For each={BACKGROUNDS}>{(v) => <option value={v}>{BACKGROUND_LABELS[v]}</option>}</For>
              </select>
            </label>
            <Show when={resolveTheme(draft.theme).background_type === "gradient"}>
              <label class="field">
                <span class="field__label">Gradient to</span>
                <input
                  type="color"
                  data-testid="bio-gradient-to"
                  value={resolveTheme(draft.theme).gradient_to}
                  onInput={(e) => setDraft("theme", "gradient_to", e.currentTarget.value)}
                />
              </label>
              <label class="field">
                <span class="field__label">Angle ({resolveTheme(draft.theme).gradient_angle}°)</span>
                <input
                  type="range"
                  min="0"
                  max="360"
                  step="1"
                  data-testid="bio-gradient-angle"
                  value={resolveTheme(draft.theme).gradient_angle}
                  onInput={(e) => setDraft("theme", "gradient_angle", Number(e.currentTarget.value))}
                />
              </label>
            </Show>
            <Show when={resolveTheme(draft.theme).background_type === "image" && !page().background_image}>
              <p class="muted">Upload a background image below; until then the background colour shows.</p>
            </Show>
            <label class="choice">
              <input
                type="checkbox"
                data-testid="bio-dark-mode"
                checked={resolveTheme(draft.theme).dark_mode === "auto"}
                onChange={(e) => setDraft("theme", "dark_mode", e.currentTarget.checked ? "auto" : "off")}
              />{" "}
              Dark colours for visitors whose phone is in dark mode
            </label>
          </div>
          <For each={page().theme_warnings}>{(w) => <Notice tone="warning">{w.message}</Notice>}</For>
          <div class="bio-colours">
            <label class="field">
              <span class="field__label">Profile picture</span>
              <input
                type="file"
                accept="image/png,image/jpeg,image/gif,image/webp"
                data-testid="bio-avatar-upload"
                disabled={!mayEdit()}
                onChange={(e) => choose("profile_picture", e.currentTarget)}
              />
            </label>
            <label class="field">
              <span class="field__label">Background image</span>
              <input
                type="file"
                data-testid="bio-background-upload"
                accept="image/png,image/jpeg,image/gif,image/webp"
                disabled={!mayEdit()}
                onChange={(e) => choose("background_image", e.currentTarget)}
              />
            </label>
          </div>
          <Show when={cropping()} keyed>
            {(crop) => (
              <ImageCropper
                file={crop.file}
                shape={crop.field === "profile_picture" ? "square" : "tall"}
                onDone={(blob) => void upload(crop.field, blob)}
                onCancel={() => setCropping(null)}
              />
            )}
          </Show>
          <label class="field">
            <span class="field__label">Custom CSS</span>
            <textarea
              class="input bio-css"
              rows={5}
              spellcheck={false}
              data-testid="bio-css"
              value={draft.custom_css}
              onInput={(e) => setDraft("custom_css", e.currentTarget.value)}
            />
          </label>
          <For each={css().warnings}>
            {(w) => (
              <Notice tone="warning" testId="bio-css-warning">
                {w.line ? `Line ${w.line}: ` : ""}
                {w.message}
              </Notice>
            )}
          </For>
        </section>

        <CustomDomainPanel
          page={page()}
          value={draft.custom_domain}
          onInput={(value) => setDraft("custom_domain", value)}
          mayPublish={mayPublish()}
          verify={verifyDomain}
        />

        <section class="card stack">
          <h3 class="card__title">Search and sharing</h3>
          <label class="field">
            <span class="field__label">SEO title</span>
            <input
              class="input"
              value={draft.seo_title}
              onInput={(e) => setDraft("seo_title", e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span class="field__label">SEO description</span>
            <textarea
              class="input"
              rows={2}
              value={draft.seo_description}
              onInput={(e) => setDraft("seo_description", e.currentTarget.value)}
            />
          </label>
        </section>

        <div class="bio-save">
          <Show when={message()}>
            {(m) => (
              <Notice tone={m().tone} testId="bio-save-message">
                {m().text}
              </Notice>
            )}
          </Show>
          <button
            type="button"
            class="button button--primary"
            data-testid="bio-save"
            disabled={saving() || !mayEdit()}
            onClick={() => void save()}
          >
            {saving() ? "Saving…" : "Save"}
          </button>
          <Show when={can("bio.pages.delete")}>
            <button
              type="button"
              class="button button--danger"
              data-testid="bio-delete"
              onClick={() => setConfirmingDelete(true)}
            >
              Delete page
            </button>
          </Show>
        </div>
        <ConfirmDialog
          open={confirmingDelete()}
          title="Delete this page?"
          body={
            <p>
              {page().title} (/{page().slug}) goes offline at once, with its analytics and images. This cannot be
              undone.
            </p>
          }
          confirmLabel="Delete page"
          danger
          pending={deleting()}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmingDelete(false)}
        />

        <Show when={can("bio.analytics.read")}>
          <BioAnalyticsPanel
            version={analyticsVersion()}
            load={(range) => props.store.analytics(props.page.id, range)}
          />
          <button
            type="button"
            class="button button--small"
            data-testid="bio-analytics-refresh"
            onClick={() => setAnalyticsVersion((v) => v + 1)}
          >
            Update analytics
          </button>
        </Show>
      </div>
      <aside class="bio-preview">
        <iframe
          title="Live preview"
          sandbox=""
          srcdoc={preview()}
          class="bio-preview__frame"
          data-testid="bio-preview"
        />
      </aside>
    </div>
  );
}
