import { createResource, createSignal, For, Show } from "solid-js";
import { Notice } from "../../ui/notice";
import type { Analytics } from "./bio-store";

const W = 560;
const H = 160;

/** Views and clicks per day as two polylines over a shared scale, in plain SVG. */
function DailyChart(props: { series: Analytics["series"] }) {
  const max = () => Math.max(1, ...props.series.map((p) => Math.max(p.views, p.clicks)));
  const x = (i: number) => (props.series.length <= 1 ? 0 : (i / (props.series.length - 1)) * W);
  const y = (v: number) => H - (v / max()) * (H - 10);
  const line = (key: "views" | "clicks") => props.series.map((p, i) => `${x(i)},${y(p[key])}`).join(" ");
  return (
    <svg
      viewBox={`-4 -4 ${W + 8} ${H + 8}`}
      class="bio-chart"
      role="img"
      aria-label="Views and clicks per day"
      data-testid="bio-daily-chart"
    >
      <polyline points={line("views")} fill="none" stroke="#4f46e5" stroke-width="2" />
      <polyline points={line("clicks")} fill="none" stroke="#059669" stroke-width="2" />
      <For each={props.series}>
        {(p, i) => (
          <g>
            <title>{`${p.date}: ${p.views} views, ${p.clicks} clicks`}</title>
            <circle cx={x(i())} cy={y(p.clicks)} r="2.5" fill="#059669" />
          </g>
        )}
      </For>
    </svg>
  );
}

function Bars(props: { title: string; rows: { label: string; value: number }[]; testid: string }) {
  const max = () => Math.max(1, ...props.rows.map((r) => r.value));
  return (
    <div class="stack stack--tight" data-testid={props.testid}>
      <h4 class="bio-analytics__heading">{props.title}</h4>
      <Show when={props.rows.length > 0} fallback={<p class="muted">Nothing yet.</p>}>
        <For each={props.rows}>
          {(row) => (
            <div class="bio-bar">
              <span class="bio-bar__label">{row.label}</span>
              <svg class="bio-bar__track" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                <rect width={(row.value / max()) * 100} height="8" rx="2" fill="#4f46e5" />
              </svg>
              <span class="bio-bar__value" data-testid="bio-bar-value">
                {row.value}
              </span>
            </div>
          )}
        </For>
      </Show>
    </div>
  );
}

/** How far back the API goes in one answer. */
export const MAX_RANGE_DAYS = 90;
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Days from..to, both included (UTC, like the API's figures). */
const daysIn = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

export type AnalyticsRange = { from: string; to: string };

export function BioAnalyticsPanel(props: { load: (range: AnalyticsRange) => Promise<Analytics>; version: number }) {
  const today = isoDay(Date.now());
  const [from, setFrom] = createSignal(isoDay(Date.now() - 29 * DAY_MS));
  const [to, setTo] = createSignal(today);
  const problem = () => {
    if (!from() || !to()) return "Choose both days.";
    if (from() > to()) return "The first day must come before the last.";
    if (daysIn(from(), to()) > MAX_RANGE_DAYS) return `Choose at most ${MAX_RANGE_DAYS} days.`;
    return null;
  };
  const lastDays = (n: number) => {
    setTo(today);
    setFrom(isoDay(Date.parse(today) - (n - 1) * DAY_MS));
  };
  // Only a valid range is asked for: the previous figures stay while a date is being typed.
  const [data, { refetch }] = createResource(
    () => (problem() ? false : { version: props.version, from: from(), to: to() }),
    (range) => props.load({ from: range.from, to: range.to }),
  );
  return (
    <section class="card stack" data-testid="bio-analytics">
      <div class="card__head card__head--wrap">
        <h3 class="card__title" data-testid="bio-analytics-title">
          Analytics · {data()?.from ?? from()} to {data()?.to ?? to()}
        </h3>
        <button type="button" class="button button--small" onClick={() => void refetch()}>
          Refresh
        </button>
      </div>
      <div class="bio-colours" data-testid="bio-analytics-range">
        <label class="field">
          <span class="field__label">From</span>
          <input
            type="date"
            class="input"
            data-testid="bio-analytics-from"
            value={from()}
            max={today}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">To</span>
          <input
            type="date"
            class="input"
            data-testid="bio-analytics-to"
            value={to()}
            max={today}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </label>
        <div class="field">
          <span class="field__label">Last</span>
          <div>
            <For each={[7, 30, 90]}>
              {(n) => (
                <button type="button" class="button button--small button--ghost" onClick={() => lastDays(n)}>
                  {n} days
                </button>
              )}
            </For>
          </div>
        </div>
      </div>
      <Show when={problem()}>
        {(p) => (
          <Notice tone="warning" testId="bio-analytics-range-problem">
            {p()}
          </Notice>
        )}
      </Show>
      <Show when={data()} fallback={<p class="muted">Loading…</p>}>
        {(a) => (
          <>
            <dl class="bio-totals">
              <div>
                <dt>Views</dt>
                <dd data-testid="bio-total-views">{a().totals.views}</dd>
              </div>
              <div>
                <dt>Unique views</dt>
                <dd>{a().totals.unique_views}</dd>
              </div>
              <div>
                <dt>Clicks</dt>
                <dd data-testid="bio-total-clicks">{a().totals.clicks}</dd>
              </div>
              <div>
                <dt>Unique clicks</dt>
                <dd>{a().totals.unique_clicks}</dd>
              </div>
              <div>
                <dt>CTR</dt>
                <dd>{(a().totals.ctr * 100).toFixed(1)}%</dd>
              </div>
            </dl>
            <DailyChart series={a().series} />
            <Bars
              title="Clicks per link"
              testid="bio-link-bars"
              rows={a().links.map((l) => ({ label: l.title, value: l.clicks }))}
            />
            <div class="bio-analytics__grid">
              <Bars
                title="Top referrers"
                testid="bio-referrers"
                rows={a().referrers.map((r) => ({ label: r.value, value: r.views }))}
              />
              <Bars
                title="Countries"
                testid="bio-countries"
                rows={a().countries.map((r) => ({ label: r.value, value: r.views }))}
              />
              <Bars
                title="Devices"
                testid="bio-devices"
                rows={a().devices.map((r) => ({ label: r.value, value: r.views }))}
              />
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
