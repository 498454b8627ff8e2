import { Show } from "solid-js";
import { describedBy, Field } from "../../ui/field";
import { fromLocalInput } from "./local-time";

/**
 * When a post goes out, picked as wall-clock time in the workspace's zone. The server
 * reads the same text there (daylight saving included); a time the clocks skip is
 * pointed out here before anything is sent.
 */
export function ScheduleField(props: {
  id: string;
  timeZone: string;
  value: string;
  onInput: (value: string) => void;
  onSuggest?: () => void;
  disabled?: boolean;
}) {
  const skipped = () =>
    props.value && !fromLocalInput(props.value, props.timeZone)
      ? `${props.value.replace("T", " ")} does not exist in ${props.timeZone}: the clocks skip it.`
      : undefined;
  return (
    <Field
      id={props.id}
      label={`When (${props.timeZone})`}
      hint="Your workspace's time zone; daylight saving is taken care of."
      error={skipped()}
    >
      <div class="input-group">
        <input
          id={props.id}
          class="input input--date"
          type="datetime-local"
          value={props.value}
          disabled={props.disabled}
          aria-describedby={describedBy(props.id)}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          data-testid={props.id}
        />
        <Show when={props.onSuggest}>
          {(suggest) => (
            <button
              type="button"
              class="button button--ghost input-group__button"
              disabled={props.disabled}
              onClick={() => suggest()()}
            >
              Next free slot
            </button>
          )}
        </Show>
      </div>
    </Field>
  );
}
