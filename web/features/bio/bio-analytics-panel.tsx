import { createResource, For, Show } from "solid-js";
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

export function BioAnalyticsPanel(props: { load: () => Promise<Analytics>; version: number }) {
  const [data, { refetch }] = createResource(
    () => props.version,
    () => props.load(),
  );
  return (
    <section class="card stack" data-testid="bio-analytics">
      <div class="card__head">
        <h3 class="card__title">Analytics · last 30 days</h3>
        <button type="button" class="button button--small" onClick={() => void refetch()}>
          Refresh
        </button>
      </div>
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
