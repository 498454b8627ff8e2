import { createResource, Match, Show, Switch } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { Notice } from "../../ui/notice";
import { EngagementChart, Figures } from "./engagement-chart";
import type { Post, SocialStore } from "./social-store";

/** A published post's latest numbers and their course day by day; reloaded when a sync brings new ones. */
export function PostEngagement(props: { store: SocialStore; post: Post }) {
  const [data] = createResource(
    () => (props.post.status === "published" ? { id: props.post.id, synced: props.post.metrics_synced_at } : false),
    ({ id }) => props.store.postMetrics(id),
  );
  return (
    <section class="stack stack--tight" aria-label="Engagement" data-testid="post-engagement">
      <h3 class="field__label">Engagement</h3>
      <Switch>
        <Match when={props.post.status !== "published"}>
          <p class="muted" data-testid="post-engagement-empty">
            Likes, comments and views show here once the post is published.
          </p>
        </Match>
        <Match when={data.error}>
          <Notice tone="error">{ApiError.from(data.error).message}</Notice>
        </Match>
        <Match when={!data.latest}>
          <p class="muted">Loading…</p>
        </Match>
        <Match when={data.latest}>
          {(m) => (
            <Show
              when={m().metrics.length > 0}
              fallback={
                <p class="muted" data-testid="post-engagement-empty">
                  The first numbers arrive within half an hour of publishing.
                </p>
              }
            >
              <Figures testid="post-figures" values={m().latest} />
              <Show
                when={m().series.length > 1}
                fallback={<p class="muted">A chart follows from the second day on.</p>}
              >
                <EngagementChart testid="post-chart" label="This post" metrics={m().metrics} points={m().series} />
              </Show>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
