import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Icon } from "../../ui/icon";
import { workspacePath } from "../workspaces/workspace-path";
import { homeWorkspace, workspaces } from "../workspaces/workspaces-store";
import { SettingsNav } from "./settings-nav";
import { settingsSections } from "./settings-sections";

/** /app/settings — the way into each account page, and to the open workspace's own settings. */
export function SettingsPage() {
  const workspace = () => {
    const current = workspaces.current.workspace;
    return current && workspaces.current.status === "ready" ? current : homeWorkspace();
  };
  return (
    <div class="stack">
      <SettingsNav />
      <section aria-labelledby="account-settings-title">
        <h2 class="section-title" id="account-settings-title">
          Your account
        </h2>
        <ul class="module-grid">
          <For each={settingsSections}>
            {(section) => (
              <li>
                <A href={section.path} class="module-card">
                  <span class="module-card__icon">
                    <Icon name={section.icon} size={20} />
                  </span>
                  <span class="module-card__label">{section.label}</span>
                  <span class="module-card__summary">{section.summary}</span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
      <Show when={workspace()}>
        {(open) => (
          <p class="muted">
            The name, branding and team of {open().name} are in its{" "}
            <A href={workspacePath(open().id, "/settings")}>workspace settings</A> and{" "}
            <A href={workspacePath(open().id, "/members")}>members</A>.
          </p>
        )}
      </Show>
    </div>
  );
}
