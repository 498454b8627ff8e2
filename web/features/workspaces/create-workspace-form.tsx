import { createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { createSubmission } from "../../lib/create-submission";
import { requestApi } from "../../lib/request-api";
import { describedBy, Field } from "../../ui/field";
import { Icon } from "../../ui/icon";
import { Notice } from "../../ui/notice";
import { createWorkspace, type WorkspaceDetail } from "./workspaces-store";

type SlugCheck = { wanted: string; slug: string; available: boolean };

const SUGGEST_DELAY_MS = 250;

/** The free address the API suggests for a name, or a wanted slug. */
async function suggestSlug(name: string): Promise<{ slug: string; available: boolean }> {
  const { body } = await requestApi<{ slug: string; available: boolean }>("GET", "/v1/workspaces/slug-suggestion", {
    query: { name },
  });
  return body;
}

/** What a 409 on the slug suggests instead. */
const suggestionOf = (details: unknown): string | null => {
  const suggestion = (details as { suggestion?: unknown } | null)?.suggestion;
  return typeof suggestion === "string" ? suggestion : null;
};

/**
 * Name and address of a new workspace. The address follows the name (the API suggests a
 * free one as it is typed) until the person edits it; an edited one is checked as typed,
 * and a taken one offers the free suggestion.
 */
export function CreateWorkspaceForm(props: {
  onCreated: (workspace: WorkspaceDetail) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const [name, setName] = createSignal("");
  const [slug, setSlug] = createSignal("");
  const [slugEdited, setSlugEdited] = createSignal(false);
  const [check, setCheck] = createSignal<SlugCheck | null>(null);
  const [checking, setChecking] = createSignal(false);
  const form = createSubmission(["name", "slug"]);

  // Only the answer to the latest question counts: typing fast must not let an old one win.
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on([name, slug, slugEdited], ([currentName, currentSlug, edited]) => {
      clearTimeout(timer);
      const wanted = (edited ? currentSlug : currentName).trim();
      if (!wanted) {
        setCheck(null);
        if (!edited) setSlug("");
        return;
      }
      if (!edited && check()?.wanted === wanted) return;
      const question = ++asked;
      setChecking(true);
      timer = setTimeout(() => {
        suggestSlug(wanted)
          .then((answer) => {
            if (question !== asked) return;
            setCheck({ wanted, ...answer });
            if (!slugEdited()) setSlug(answer.slug);
          })
          // A failed suggestion is not worth interrupting the person: the API checks again on submit.
          .catch(() => undefined)
          .finally(() => {
            if (question === asked) setChecking(false);
          });
      }, SUGGEST_DELAY_MS);
    }),
  );

  /** For an edited address: taken (with the free one to use instead), or fine. */
  const slugStatus = () => {
    const c = check();
    if (!slugEdited() || !c || c.wanted !== slug().trim() || checking()) return null;
    return c.slug === slug().trim() ? { taken: false as const } : { taken: true as const, suggestion: c.slug };
  };
  const conflictSuggestion = () => (form.error()?.code === "conflict" ? suggestionOf(form.error()?.details) : null);

  const freeSuggestion = () => {
    const status = slugStatus();
    return conflictSuggestion() ?? (status?.taken ? status.suggestion : null);
  };
  const slugHint = () => {
    const suggestion = freeSuggestion();
    if (suggestion) {
      return (
        <span class="slug-status" data-testid="slug-suggestion">
          {conflictSuggestion() ? "" : "Taken. "}
          <strong>{suggestion}</strong> is free.{" "}
          <button type="button" class="link" onClick={() => useSlug(suggestion)}>
            Use it
          </button>
        </span>
      );
    }
    if (slugStatus()?.taken === false) {
      return (
        <span class="slug-status slug-status--ok">
          <Icon name="check" size={14} /> Available
        </span>
      );
    }
    return "Lowercase letters, digits and dashes; used in your public links.";
  };

  const useSlug = (value: string) => {
    setSlug(value);
    setSlugEdited(true);
    form.clear();
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name().trim()) problems.name = "Enter a name for the workspace.";
    if (Object.keys(problems).length > 0) return form.reject(problems);
    const address = slug().trim().toLowerCase();
    void form.run(async () => {
      const created = await createWorkspace({ name: name().trim(), ...(address ? { slug: address } : {}) });
      props.onCreated(created);
    });
  };

  return (
    <form class="form" onSubmit={submit} novalidate data-testid="create-workspace-form">
      <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <Field id="workspace-name" label="Name" error={form.fieldError("name")} hint="Your brand, studio or team.">
        <input
          id="workspace-name"
          class="input"
          type="text"
          maxlength={255}
          autocomplete="organization"
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
          aria-invalid={Boolean(form.fieldError("name")) || undefined}
          aria-describedby={describedBy("workspace-name")}
        />
      </Field>
      <Field id="workspace-slug" label="Address" error={form.fieldError("slug")} hint={slugHint()}>
        <div class="input-prefix">
          <span class="input-prefix__text" aria-hidden="true">
            /
          </span>
          <input
            id="workspace-slug"
            class="input"
            type="text"
            maxlength={48}
            autocomplete="off"
            spellcheck={false}
            placeholder={checking() && !slugEdited() ? "…" : "your-brand"}
            value={slug()}
            onInput={(event) => {
              setSlugEdited(true);
              setSlug(event.currentTarget.value.toLowerCase());
            }}
            aria-invalid={Boolean(form.fieldError("slug")) || undefined}
            aria-describedby={describedBy("workspace-slug")}
          />
        </div>
      </Field>
      <div class="dialog__actions">
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
        <button type="submit" class="button button--primary" disabled={form.pending()}>
          {form.pending() ? "Creating…" : (props.submitLabel ?? "Create workspace")}
        </button>
      </div>
    </form>
  );
}
