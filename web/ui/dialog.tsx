import { createEffect, createUniqueId, type JSX, type ParentProps } from "solid-js";
import { Icon } from "./icon";

/**
 * A modal on the browser's own <dialog>: it traps focus, closes on Escape and returns
 * focus to whatever opened it, so none of that is reimplemented here. `open` is the
 * caller's state; closing from inside (Escape, the close button) calls onClose.
 */
export function Dialog(
  props: ParentProps<{ open: boolean; title: string; onClose: () => void; description?: JSX.Element; testId?: string }>,
) {
  const titleId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;

  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    else if (!props.open && dialog.open) dialog.close();
  });

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      data-testid={props.testId}
      onClose={() => {
        if (props.open) props.onClose();
      }}
    >
      <div class="dialog__head">
        <h2 class="dialog__title" id={titleId}>
          {props.title}
        </h2>
        <button
          type="button"
          class="button button--ghost button--icon"
          aria-label="Close"
          onClick={() => props.onClose()}
        >
          <Icon name="close" size={16} />
        </button>
      </div>
      {props.description && <div class="dialog__description">{props.description}</div>}
      {props.children}
    </dialog>
  );
}
