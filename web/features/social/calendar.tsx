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
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const two = (n: number) => String(n).padStart(2, "0");

/**
 * Month and week views of the posts, days and times in the workspace's time zone.
 * Dragging a post to another day keeps its local time of day (so a 09:00 post stays at
 * 09:00 across a daylight-saving change); in the week's hour grid it takes the hour of
 * the row it lands on, minutes kept. Saved at once, undone if refused.
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

  const wallOf = (post: Post) => new Date(wallClock(new Date(post.scheduled_at ?? 0).getTime(), props.timeZone));

  /** Posts by local day ("YYYY-MM-DD") and by local day and hour ("YYYY-MM-DD HH"), in time order. */
  const grouped = createMemo(() => {
    const byDay = new Map<string, Post[]>();
    const byHour = new Map<string, Post[]>();
    const posts = props.store.state.posts
      .filter((p) => p.scheduled_at)
      .sort((a, b) => (a.scheduled_at ?? "").localeCompare(b.scheduled_at ?? ""));
    for (const post of posts) {
      const wall = wallOf(post);
      const k = wall.toISOString().slice(0, 10);
      byDay.set(k, [...(byDay.get(k) ?? []), post]);
      const h = `${k} ${two(wall.getUTCHours())}`;
      byHour.set(h, [...(byHour.get(h) ?? []), post]);
    }
    return { byDay, byHour };
  });

  const timeOf = (post: Post) => {
    const wall = wallOf(post);
    return `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
  };

  /** Moves a post to a day, and to an hour when dropped in the week's grid; its minutes stay. */
  const drop = (postId: string, day: Day, hour?: number) => {
    const post = props.store.state.posts.find((p) => p.id === postId);
    if (!post?.scheduled_at) return;
    const wall = wallOf(post);
    const at = localToInstant(
      { ...day, hour: hour ?? wall.getUTCHours(), minute: wall.getUTCMinutes() },
      props.timeZone,
    );
    if (!at) return setError("That time does not exist on that day (the clocks skip it).");
    setError(null);
    props.store.reschedule(postId, at).catch((failure) => setError(ApiError.from(failure).message));
  };

  const dropHandlers = (day: Day, hour?: number) => ({
    onDragOver: (e: DragEvent) => e.preventDefault(),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const id = e.dataTransfer?.getData("text/plain");
      if (id) drop(id, day, hour);
    },
  });

  const chip = (post: Post) => (
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
  );

  // The week opens on the working day (07:00) rather than at midnight.
  let grid: HTMLDivElement | undefined;
  createEffect(() => {
    if (view() !== "week" || !grid) return;
    const row = grid.querySelector<HTMLElement>('[data-hour="07"]');
    if (row)
      grid.scrollTop = row.offsetTop - (grid.querySelector<HTMLElement>(".social-week__head")?.offsetHeight ?? 0);
  });

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
      <Show
        when={view() === "week"}
        fallback={
          <div class="social-calendar">
            <For each={days()}>
              {(day) => (
                <fieldset
                  aria-label={key(day)}
                  class="social-calendar__day"
                  classList={{ "social-calendar__day--other": day.month !== anchor().month }}
                  data-day={key(day)}
                  {...dropHandlers(day)}
                >
                  <span class="social-calendar__date">{day.day}</span>
                  <For each={grouped().byDay.get(key(day)) ?? []}>{chip}</For>
                </fieldset>
              )}
            </For>
          </div>
        }
      >
        <div class="social-week" ref={grid} data-testid="week-grid">
          <div class="social-week__head" />
          <For each={days()}>
            {(day) => (
              <div class="social-week__head" data-day={key(day)}>
                {new Date(Date.UTC(day.year, day.month - 1, day.day)).toLocaleDateString(undefined, {
                  weekday: "short",
                  day: "numeric",
                  timeZone: "UTC",
                })}
              </div>
            )}
          </For>
          <For each={HOURS}>
            {(hour) => (
              <>
                <div class="social-week__hour" data-hour={two(hour)}>
                  {two(hour)}:00
                </div>
                <For each={days()}>
                  {(day) => (
                    <fieldset
                      class="social-week__cell"
                      aria-label={`${key(day)} ${two(hour)}:00`}
                      data-day={key(day)}
                      data-hour={two(hour)}
                      {...dropHandlers(day, hour)}
                    >
                      <For each={grouped().byHour.get(`${key(day)} ${two(hour)}`) ?? []}>{chip}</For>
                    </fieldset>
                  )}
                </For>
              </>
            )}
          </For>
        </div>
      </Show>
    </section>
  );
}
