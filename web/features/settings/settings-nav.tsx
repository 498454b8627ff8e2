import { A } from "@solidjs/router";
import { For } from "solid-js";
import { Icon } from "../../ui/icon";
import { settingsSections } from "./settings-sections";

/** Tabs across the top of each account page, so the others are one click away. */
export function SettingsNav() {
  return (
    <nav class="tabs" aria-label="Settings">
      <A href="/settings" class="tabs__link" end activeClass="is-active" inactiveClass="">
        Overview
      </A>
      <For each={settingsSections}>
        {(section) => (
          <A href={section.path} class="tabs__link" activeClass="is-active" inactiveClass="">
            <Icon name={section.icon} size={16} />
            {section.label}
          </A>
        )}
      </For>
    </nav>
  );
}
