import type { JSX } from "solid-js";
import { Dialog } from "./dialog";

/** "Are you sure?" for something that cannot be undone; the confirm button names the action. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: JSX.Element;
  confirmLabel: string;
  pending?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={props.open} title={props.title} onClose={() => props.onCancel()} testId="confirm-dialog">
      <div class="dialog__body">{props.body}</div>
      <div class="dialog__actions">
        <button type="button" class="button" onClick={() => props.onCancel()} disabled={props.pending}>
          Cancel
        </button>
        <button
          type="button"
          class={`button ${props.danger ? "button--danger-solid" : "button--primary"}`}
          onClick={() => props.onConfirm()}
          disabled={props.pending}
        >
          {props.pending ? "Working…" : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
