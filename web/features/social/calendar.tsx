import { createEffect, createMemo, createSignal, For, Show } from "solid-js";
import { localToInstant, wallClock, zonedDay } from "../../../worker/lib/zoned-time";
import { ApiError } from "../../lib/api-error";
import { Notice } from "../../ui/notice";
import type { Post, SocialStore } from "./social-store";

type Day = { year: number; month: number; day: number };
const key = (d: Day) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
const addDays = (d: Day, n: number): Day => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
const weekday = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
const MOVABLE = ["draft", "pending_approval", "scheduled", "failed"];

/**
 * Month and week views of the posts, days and times in the workspace's time zone.
 * Dragging a post to another day keeps its local time of day (so a 09:00 post stays at
 * 09:00 across a daylight-saving change) and saves at once, undone if refused.
 */
export function Calendar(props: { store: SocialStore; timeZone: string; onOpen: (post: Post) => void }) {
  const today = zonedDay(new Date(), props.timeZone);
  const [view, setView] = createSignal<"month" | "week">("month");
  const [anchor, setAnchor] = createSignal<Day>({ year: today.year, month: today.month, day: today.day });
  const [error, setError] = createSignal<string | null>(null);

  const days = createMemo<Day[]>(() => {
    const a = anchor();
    const first = view() === "month" ? { ...a, day: 1 } : a;
    const start = addDays(first, -((weekday(first) + 6) % 7)); // weeks start on Monday
    return Array.from({ length: view() === "month" ? 42 : 7 }, (_, i) => addDays(start, i));
  });

  createEffect(() => {
    const list = days();
    const from = localToInstant({ ...(list[0] as Day), hour: 0, minute: 0 }, props.timeZone) ?? new Date();
    const last = addDays(list[list.length - 1] as Day, 1);
    const to = localToInstant({ ...last, hour: 0, minute: 0 }, props.timeZone) ?? new Date();
    props.store.setRange(from, to);
  });

  const postsByDay = createMemo(() => {
    const map = new Map<string, Post[]>();
    for (const post of props.store.state.posts) {
      if (!post.scheduled_at) continue;
      const k = key(zonedDay(new Date(post.scheduled_at), props.timeZone));
      map.set(k, [...(map.get(k) ?? []), post]);
    }
    for (const list of map.values()) list.sort((a, b) => (a.scheduled_at ?? "").localeCompare(b.scheduled_at ?? ""));
    return map;
  });

  const timeOf = (post: Post) => {
    const wall = new Date(wallClock(new Date(post.scheduled_at ?? 0).getTime(), props.timeZone));
    return `${String(wall.getUTCHours()).padStart(2, "0")}:${String(wall.getUTCMinutes()).padStart(2, "0")}`;
  };

  const drop = (postId: string, day: Day) => {
    const post = props.store.state.posts.find((p) => p.id === postId);
    if (!post?.scheduled_at) return;
    const wall = new Date(wallClock(new Date(post.scheduled_at).getTime(), props.timeZone));
    const at = localToInstant({ ...day, hour: wall.getUTCHours(), minute: wall.getUTCMinutes() }, props.timeZone);
    if (!at) return setError("That time does not exist on that day (the clocks skip it).");
    setError(null);
    props.store.reschedule(postId, at).catch((failure) => setError(ApiError.from(failure).message));
  };

  const step = (n: number) =>
    setAnchor((a) =>
      view() === "month"
        ? {
            year: a.month + n > 12 ? a.year + 1 : a.month + n < 1 ? a.year - 1 : a.year,
            month: ((a.month + n + 11) % 12) + 1,
            day: 1,
          }
        : addDays(a, 7 * n),
    );
  const title = () => {
    const a = anchor();
    return new Date(Date.UTC(a.year, a.month - 1, a.day)).toLocaleDateString(undefined, {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
  };

  return (
    <section class="card stack" aria-labelledby="calendar-title" data-testid="calendar">
      <div class="card__head card__head--wrap">
        <h2 class="card__title" id="calendar-title">
          {title()} <span class="muted">· {props.timeZone}</span>
        </h2>
        <div class="inline-actions">
          <button type="button" class="button button--small" onClick={() => step(-1)} aria-label="Previous">
            ‹
          </button>
          <button
            type="button"
            class="button button--small"
            onClick={() => setAnchor({ year: today.year, month: today.month, day: today.day })}
          >
            Today
          </button>
          <button type="button" class="button button--small" onClick={() => step(1)} aria-label="Next">
            ›
          </button>
          <div class="segmented" role="radiogroup" aria-label="View">
            <For each={["month", "week"] as const}>
              {(v) => (
                <label class="segmented__option">
                  <input type="radio" name="calendar-view" checked={view() === v} onChange={() => setView(v)} />
                  <span>{v === "month" ? "Month" : "Week"}</span>
                </label>
              )}
            </For>
          </div>
        </div>
      </div>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <div class="social-calendar" classList={{ "social-calendar--week": view() === "week" }}>
        <For each={days()}>
          {(day) => (
            <fieldset
              aria-label={key(day)}
              class="social-calendar__day"
              classList={{ "social-calendar__day--other": view() === "month" && day.month !== anchor().month }}
              data-day={key(day)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const id = e.dataTransfer?.getData("text/plain");
                if (id) drop(id, day);
              }}
            >
              <span class="social-calendar__date">{day.day}</span>
              <For each={postsByDay().get(key(day)) ?? []}>
                {(post) => (
                  <button
                    type="button"
                    class={`social-chip social-chip--${post.status}`}
                    draggable={MOVABLE.includes(post.status)}
                    onDragStart={(e) => e.dataTransfer?.setData("text/plain", post.id)}
                    onClick={() => props.onOpen(post)}
                    data-testid="calendar-post"
                    data-status={post.status}
                    title={post.failure_reason ?? post.content}
                  >
                    {timeOf(post)} {post.content.slice(0, 24)}
                  </button>
                )}
              </For>
            </fieldset>
          )}
        </For>
      </div>
    </section>
  );
}
