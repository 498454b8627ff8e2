import { createMemo, createSignal, For, Show } from "solid-js";
import { CHART_COLORS, LineChart } from "../../ui/line-chart";

type Point = { date: string; values: Record<string, number> };

/** The metric a chart opens on: likes where the network counts them, else the first it reports. */
const preferred = (metrics: string[]) => (metrics.includes("likes") ? "likes" : (metrics[0] ?? null));

/**
 * One metric at a time over days (impressions would flatten likes on a shared scale),
 * chosen with a row of toggles; used for an account's days and for a post's.
 */
export function EngagementChart(props: { points: Point[]; metrics: string[]; label: string; testid: string }) {
  const [picked, setPicked] = createSignal<string | null>(null);
  const metric = createMemo(() => {
    const p = picked();
    return p && props.metrics.includes(p) ? p : preferred(props.metrics);
  });
  return (
    <Show when={metric()}>
      {(m) => (
        <div class="stack stack--tight">
          <Show when={props.metrics.length > 1}>
            <div class="segmented" role="radiogroup" aria-label="Metric">
              <For each={props.metrics}>
                {(name) => (
                  <label class="segmented__option">
                    <input
                      type="radio"
                      name={`${props.testid}-metric`}
                      checked={m() === name}
                      onChange={() => setPicked(name)}
                    />
                    <span>{name}</span>
                  </label>
                )}
              </For>
            </div>
          </Show>
          <LineChart
            testid={props.testid}
            label={`${props.label}: ${m()} per day`}
            labels={props.points.map((p) => p.date)}
            lines={[
              {
                name: m(),
                color: CHART_COLORS[Math.max(0, props.metrics.indexOf(m())) % CHART_COLORS.length] ?? "#4f46e5",
                values: props.points.map((p) => p.values[m()] ?? 0),
              },
            ]}
          />
        </div>
      )}
    </Show>
  );
}

/** Totals as a row of figures: the number large, its name small above it. */
export function Figures(props: { values: Record<string, number>; testid: string }) {
  return (
    <dl class="social-figures" data-testid={props.testid}>
      <For each={Object.entries(props.values)}>
        {([name, value]) => (
          <div>
            <dt>{name}</dt>
            <dd data-metric={name}>{value.toLocaleString()}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}
