import { Show } from "solid-js";
import { Notice } from "../../ui/notice";

/**
 * Someone saved the workspace while these edits were open: say what they changed, and
 * let the person keep their edits (saved over it) or take the other version.
 */
export function ConflictNotice(props: {
  fields: string[];
  labels: Record<string, string>;
  pending: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const changed = () => props.fields.map((field) => props.labels[field] ?? field).join(", ");
  return (
    <Notice tone="warning" testId="conflict-notice">
      <div class="conflict">
        <p>
          <strong>Someone else saved changes while you were editing.</strong>{" "}
          <Show when={props.fields.length > 0} fallback="Their changes are elsewhere in the workspace.">
            They changed: {changed()}.
          </Show>{" "}
          Keep yours to save your edits over theirs, or take theirs to drop your edits.
        </p>
        <div class="inline-actions">
          <button
            type="button"
            class="button button--small button--primary"
            onClick={() => props.onKeepMine()}
            disabled={props.pending}
          >
            Keep mine
          </button>
          <button
            type="button"
            class="button button--small"
            onClick={() => props.onTakeTheirs()}
            disabled={props.pending}
          >
            Take theirs
          </button>
        </div>
      </div>
    </Notice>
  );
}
