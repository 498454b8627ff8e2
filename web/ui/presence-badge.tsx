import { For, Show } from "solid-js";
import { type LiveEntity, live, type PresenceEntry } from "../lib/live/live";
import { Avatar } from "./avatar";

/** "Ada", "Ada and Grace", "Ada and 2 others". */
export function namesOf(people: readonly { name: string }[]): string {
  const [first, second] = people;
  if (!first) return "";
  if (people.length === 1) return first.name;
  if (people.length === 2 && second) return `${first.name} and ${second.name}`;
  return `${first.name} and ${people.length - 1} others`;
}

const isOn = (entity: LiveEntity) => (view: PresenceEntry["viewing"][number]) =>
  view.entity_type === entity.entity_type && view.entity_id === entity.entity_id;

/**
 * Who else has this entity open, for any page to put next to what they share: with
 * `field`, only "Ada is editing" for the people in that field; without, the avatars of
 * everyone looking at it and who is editing.
 */
export function PresenceBadge(props: { entity: LiveEntity; field?: string }) {
  const here = () => live.others().filter((p) => p.viewing.some(isOn(props.entity)));
  const editing = () =>
    here().filter((p) =>
      p.viewing.some((v) => isOn(props.entity)(v) && v.editing !== null && (!props.field || v.editing === props.field)),
    );
  return (
    <Show when={props.field ? editing().length > 0 : here().length > 0}>
      <span class="presence-badge" data-testid="presence-badge" role="status">
        <span class="presence-badge__faces" aria-hidden="true">
          <For each={(props.field ? editing() : here()).slice(0, 3)}>
            {(person) => <Avatar name={person.name} src={person.avatar} size={20} />}
          </For>
        </span>
        <Show when={editing().length > 0} fallback={<span>{namesOf(here())} also here</span>}>
          <span>
            {namesOf(editing())} {editing().length === 1 ? "is" : "are"} editing
          </span>
        </Show>
      </span>
    </Show>
  );
}
