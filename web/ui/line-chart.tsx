import { For, Show } from "solid-js";

export type ChartLine = { name: string; color: string; values: number[] };

const W = 560;
const H = 160;
const PAD = { top: 8, right: 8, bottom: 22, left: 40 };

/**
 * Numbers over days as lines on one scale, in plain SVG: each point carries a tooltip
 * with its day and value, the first and last day label the x axis, the top of the
 * scale labels the y axis. Reads well from one point (a dot) to a year of days.
 */
export function LineChart(props: { labels: string[]; lines: ChartLine[]; label: string; testid?: string }) {
  const max = () => Math.max(1, ...props.lines.flatMap((l) => l.values));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + (props.labels.length <= 1 ? innerW / 2 : (i / (props.labels.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (v / max()) * innerH;
  const points = (values: number[]) => values.map((v, i) => `${x(i)},${y(v)}`).join(" ");
  const dots = () => props.labels.length <= 62;
  return (
    <figure class="line-chart" data-testid={props.testid}>
      <svg viewBox={`0 0 ${W} ${H}`} class="line-chart__svg" role="img" aria-label={props.label}>
        <line x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} class="line-chart__axis" />
        <line x1={PAD.left} y1={PAD.top} x2={W - PAD.right} y2={PAD.top} class="line-chart__grid" />
        <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end" class="line-chart__tick">
          {max().toLocaleString()}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerH} text-anchor="end" class="line-chart__tick">
          0
        </text>
        <Show when={props.labels.length > 0}>
          <text x={x(0)} y={H - 6} text-anchor={props.labels.length <= 1 ? "middle" : "start"} class="line-chart__tick">
            {props.labels[0]}
          </text>
        </Show>
        <Show when={props.labels.length > 1}>
          <text x={x(props.labels.length - 1)} y={H - 6} text-anchor="end" class="line-chart__tick">
            {props.labels[props.labels.length - 1]}
          </text>
        </Show>
        <For each={props.lines}>
          {(line) => (
            <g data-line={line.name}>
              <Show when={line.values.length > 1}>
                <polyline points={points(line.values)} fill="none" stroke={line.color} stroke-width="2" />
              </Show>
              <Show when={dots() || line.values.length === 1}>
                <For each={line.values}>
                  {(v, i) => (
                    <circle cx={x(i())} cy={y(v)} r="3" fill={line.color} data-testid="chart-point">
                      <title>{`${props.labels[i()] ?? ""}: ${v.toLocaleString()} ${line.name}`}</title>
                    </circle>
                  )}
                </For>
              </Show>
            </g>
          )}
        </For>
      </svg>
      <Show when={props.lines.length > 1}>
        <figcaption class="line-chart__legend">
          <For each={props.lines}>
            {(line) => (
              <span class="line-chart__key">
                <span class="line-chart__swatch" style={{ background: line.color }} />
                {line.name}
              </span>
            )}
          </For>
        </figcaption>
      </Show>
    </figure>
  );
}

/** Colours for up to eight lines, distinguishable side by side. */
export const CHART_COLORS = ["#4f46e5", "#059669", "#d97706", "#db2777", "#0891b2", "#7c3aed", "#65a30d", "#dc2626"];
