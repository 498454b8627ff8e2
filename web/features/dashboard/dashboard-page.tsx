import { A, useParams } from "@solidjs/router";
import { createResource, For, Match, Switch } from "solid-js";
import { appModules } from "../../layout/app-modules";
import { ErrorState } from "../../ui/error-state";
import { Icon } from "../../ui/icon";
import { Loading } from "../../ui/loading";
import { workspacePath } from "../workspaces/workspace-path";
import { can } from "../workspaces/workspaces-store";
import { getHealth } from "./get-health";
import { HealthCard } from "./health-card";

/** The workspace at a glance: whether the API answers, and the way into each module. */
export function DashboardPage() {
  const params = useParams<{ workspaceId: string }>();
  const [health, { refetch }] = createResource(getHealth);
  const retry = () => void refetch();

  return (
    <div class="stack">
      {/* Reads state rather than health() first: reading an errored resource throws. */}
      <Switch fallback={<Loading label="Checking the API…" />}>
        <Match when={health.state === "errored"}>
          <ErrorState title="We couldn't check the API" error={health.error} onRetry={retry} />
        </Match>
        <Match when={(health.state === "ready" || health.state === "refreshing") && health()}>
          {(value) => <HealthCard health={value()} refreshing={health.loading} onRefresh={retry} />}
        </Match>
      </Switch>

      <section aria-labelledby="modules-title">
        <h2 class="section-title" id="modules-title">
          Your workspace
        </h2>
        <ul class="module-grid">
          <For each={appModules.filter((m) => m.path !== "" && (!m.permission || can(m.permission)))}>
            {(module) => (
              <li>
                <A href={workspacePath(params.workspaceId, module.path)} class="module-card">
                  <span class="module-card__icon">
                    <Icon name={module.icon} size={20} />
                  </span>
                  <span class="module-card__label">{module.label}</span>
                  <span class="module-card__summary">{module.summary}</span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </div>
  );
}
