import { useParams, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { EmptyState } from "../../ui/empty-state";
import { Notice } from "../../ui/notice";
import { can } from "../workspaces/workspaces-store";
import { BioEditor } from "./bio-editor";
import { createBioStore } from "./bio-store";

/** /app/w/:workspaceId/bio — the workspace's link-in-bio pages, and the builder for the one chosen (?page=). */
export function BioPage() {
  const params = useParams<{ workspaceId: string }>();
  const [search, setSearch] = useSearchParams<{ page?: string }>();
  const store = createBioStore(() => params.workspaceId);
  const [title, setTitle] = createSignal("");
  const [slug, setSlug] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const selected = () => store.state.items.find((p) => p.id === search.page);

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const page = await store.create({ title: title(), slug: slug() });
      setTitle("");
      setSlug("");
      setSearch({ page: page.id });
    } catch (failure) {
      setError(ApiError.from(failure).message);
    }
  };

  return (
    <div class="stack" data-testid="bio-page">
      <Show when={store.state.error}>{(e) => <Notice tone="error">{e().message}</Notice>}</Show>
      <section class="card stack stack--tight">
        <div class="card__head card__head--wrap">
          <h2 class="card__title">Bio pages</h2>
        </div>
        <Show
          when={store.state.items.length > 0}
          fallback={
            <EmptyState
              icon="bio"
              title="Your bio page is waiting for its first link"
              hint="Create a page, add your links and share one address everywhere."
            />
          }
        >
          <ul class="bio-page-list" data-testid="bio-page-list">
            <For each={store.state.items}>
              {(page) => (
                <li>
                  <button
                    type="button"
                    class="button button--ghost"
                    classList={{ "is-selected": page.id === search.page }}
                    onClick={() => setSearch({ page: page.id })}
                  >
                    {page.title} <span class="muted">/{page.slug}</span>
                    <span class="badge badge--muted">{page.is_active ? "Published" : "Draft"}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={can("bio.pages.create")}>
          <form class="bio-new" onSubmit={(e) => void create(e)} data-testid="bio-new">
            <input
              class="input bio-new__input"
              placeholder="Page title"
              aria-label="Page title"
              value={title()}
              onInput={(e) => setTitle(e.currentTarget.value)}
              required
            />
            <input
              class="input bio-new__input"
              placeholder="address (3–40 of a-z, 0-9, -)"
              aria-label="Page address"
              value={slug()}
              onInput={(e) => setSlug(e.currentTarget.value)}
              required
            />
            <button type="submit" class="button button--primary">
              New page
            </button>
          </form>
          <Show when={error()}>{(e) => <Notice tone="error">{e()}</Notice>}</Show>
        </Show>
      </section>
      {/* Keyed on the id, not the row: a teammate's save updates the row without resetting this editor. */}
      <Show when={selected()?.id} keyed>
        {(id) => (
          <Show when={store.state.items.find((p) => p.id === id)}>
            {(page) => (
              <BioEditor
                page={page()}
                store={store}
                workspaceId={params.workspaceId}
                onDeleted={() => setSearch({ page: undefined })}
              />
            )}
          </Show>
        )}
      </Show>
    </div>
  );
}
