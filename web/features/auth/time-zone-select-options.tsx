import { For } from "solid-js";
import type { TimeZoneGroup } from "./time-zone-options";

/** The <optgroup>s of a time zone <select>, one per region, with `selected` chosen. */
export function TimeZoneSelectOptions(props: { groups: TimeZoneGroup[]; selected: string }) {
  return (
    <For each={props.groups}>
      {(group) => (
        <optgroup label={group.region}>
          <For each={group.zones}>
            {(option) => (
              <option value={option.zone} selected={option.zone === props.selected}>
                {option.label}
              </option>
            )}
          </For>
        </optgroup>
      )}
    </For>
  );
}
