import { For, Show } from "solid-js";
import type { PresenceEntry } from "../lib/live/live";
import { Avatar } from "./avatar";

const tabsText = (tabs: number) => (tabs === 1 ? "1 tab" : `${tabs} tabs`);

/**
 * Who else is online, as overlapping avatars: idle people dimmed, and on hover or focus
 * their name, how many tabs they have open and whether they are active.
 */
export function PresenceAvatars(props: { people: PresenceEntry[]; max?: number }) {
  const max = () => props.max ?? 4;
  const shown = () => props.people.slice(0, max());
  const hidden = () => props.people.slice(max());
  return (
    <Show when={props.people.length > 0}>
      <ul class="presence" aria-label="Online now" data-testid="presence">
        <For each={shown()}>
          {(person) => (
            <li
              class="presence__person"
              classList={{ "is-idle": person.status === "idle" }}
              tabindex="0"
              data-testid="presence-person"
              data-user-id={person.user_id}
              data-status={person.status}
            >
              <Avatar name={person.name} src={person.avatar} size={30} />
              <span class="presence__tip" role="tooltip">
                <strong>{person.name}</strong>
                <span class="presence__tip-detail">
                  {person.status === "idle" ? "Idle" : "Active"} · {tabsText(person.tabs)}
                </span>
              </span>
            </li>
          )}
        </For>
        <Show when={hidden().length > 0}>
          <li class="presence__more" tabindex="0">
            +{hidden().length}
            <span class="presence__tip" role="tooltip">
              {hidden()
                .map((p) => p.name)
                .join(", ")}
            </span>
          </li>
        </Show>
      </ul>
    </Show>
  );
}
