import { A } from "@solidjs/router";
import { For } from "solid-js";
import { Icon } from "../../ui/icon";
import { SettingsNav } from "./settings-nav";
import { settingsSections } from "./settings-sections";

/** /app/settings — the way into each account page; workspace, team and billing settings join them later. */
export function SettingsPage() {
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
      <p class="muted">Workspace name, team members and billing will be managed here too.</p>
    </div>
  );
}
