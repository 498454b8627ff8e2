import { Show } from "solid-js";
import { latestSchedule } from "../../../worker/features/social/schedule-horizon";
import { describedBy, Field } from "../../ui/field";
import { fromLocalInput, toLocalInput } from "./local-time";

/**
 * When a post goes out, picked as wall-clock time in the workspace's zone. The server
 * reads the same text there (daylight saving included); a time the clocks skip is
 * pointed out here before anything is sent, and so is one beyond the schedule's horizon.
 */
export function ScheduleField(props: {
  id: string;
  timeZone: string;
  value: string;
  onInput: (value: string) => void;
  onSuggest?: () => void;
  disabled?: boolean;
}) {
  const latest = () => toLocalInput(latestSchedule(new Date()).toISOString(), props.timeZone);
  const problem = () => {
    if (!props.value) return undefined;
    if (!fromLocalInput(props.value, props.timeZone)) {
      return `${props.value.replace("T", " ")} does not exist in ${props.timeZone}: the clocks skip it.`;
    }
    // Both are YYYY-MM-DDTHH:MM in the same zone: as text, they sort as times do.
    return props.value > latest() ? "Choose a time at most two years ahead." : undefined;
  };
  return (
    <Field
      id={props.id}
      label={`When (${props.timeZone})`}
      hint="Your workspace's time zone; daylight saving is taken care of."
      error={problem()}
    >
      <div class="input-group">
        <input
          id={props.id}
          class="input input--date"
          type="datetime-local"
          value={props.value}
          max={latest()}
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
