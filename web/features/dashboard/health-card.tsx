import type { Health } from "./get-health";

/** One line a person can read at a glance: "API: ok · database sqlite · 3 ms". */
export function HealthCard(props: { health: Health; refreshing: boolean; onRefresh: () => void }) {
  const ok = () => props.health.status === "ok";
  return (
    <section class="card health" aria-labelledby="health-title">
      <div class="card__head">
        <h2 class="card__title" id="health-title">
          System status
        </h2>
        <button
          type="button"
          class="button button--ghost button--small"
          onClick={() => props.onRefresh()}
          disabled={props.refreshing}
        >
          {props.refreshing ? "Checking…" : "Check again"}
        </button>
      </div>
      <p class="health__line" data-testid="api-health" data-status={props.health.status}>
        <span class={`status-dot ${ok() ? "status-dot--ok" : "status-dot--bad"}`} aria-hidden="true" />
        <span>
          API: <strong>{props.health.status}</strong>
        </span>
        <span class="health__sep" aria-hidden="true">
          ·
        </span>
        <span>
          database {props.health.database.dialect}
          {props.health.database.status === "ok" ? "" : ` (${props.health.database.status})`}
        </span>
        <span class="health__sep" aria-hidden="true">
          ·
        </span>
        <span>{props.health.database.latency_ms} ms</span>
      </p>
      <p class="card__meta">Checked at {new Date(props.health.time).toLocaleTimeString()}</p>
    </section>
  );
}
