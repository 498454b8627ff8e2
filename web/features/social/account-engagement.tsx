import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { addDays, type CalendarDay, zonedDay } from "../../../worker/lib/zoned-time";
import { ApiError } from "../../lib/api-error";
import { Notice } from "../../ui/notice";
import { EngagementChart, Figures } from "./engagement-chart";
import type { Account, SocialStore } from "./social-store";

const RANGES = [7, 30, 90] as const;
const dayKey = (d: CalendarDay) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** An account's engagement per day over the last 7, 30 or 90 days of the workspace's calendar. */
export function AccountEngagement(props: { store: SocialStore; account: Account; timeZone: string }) {
  const [days, setDays] = createSignal<(typeof RANGES)[number]>(30);
  const [data] = createResource(
    () => ({ id: props.account.id, days: days() }),
    ({ id, days }) => {
      const today = zonedDay(new Date(), props.timeZone);
      return props.store.accountMetrics(id, { from: dayKey(addDays(today, 1 - days)), to: dayKey(today) });
    },
  );
  return (
    <div class="stack stack--tight" data-testid="account-engagement">
      <div class="segmented" role="radiogroup" aria-label="Days">
        <For each={RANGES}>
          {(n) => (
            <label class="segmented__option">
              <input
                type="radio"
                name={`days-${props.account.id}`}
                checked={days() === n}
                onChange={() => setDays(n)}
              />
              <span>{n} days</span>
            </label>
          )}
        </For>
      </div>
      <Switch>
        <Match when={data.error}>
          <Notice tone="error">{ApiError.from(data.error).message}</Notice>
        </Match>
        <Match when={!data.latest}>
          <p class="muted">Loading…</p>
        </Match>
        <Match when={data.latest}>
          {(m) => (
            <Show
              when={m().totals.posts > 0}
              fallback={
                <p class="muted" data-testid="account-engagement-empty">
                  Nothing published from @{props.account.username} in these {days()} days: the chart fills in as posts
                  go out.
                </p>
              }
            >
              <Figures testid="account-figures" values={{ posts: m().totals.posts, ...m().totals.values }} />
              <Show
                when={m().metrics.length > 0}
                fallback={<p class="muted">The first numbers arrive within half an hour of publishing.</p>}
              >
                <EngagementChart
                  testid="account-chart"
                  label={`@${props.account.username}`}
                  metrics={m().metrics}
                  points={m().series}
                />
              </Show>
            </Show>
          )}
        </Match>
      </Switch>
    </div>
  );
}
