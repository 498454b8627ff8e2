import { createSignal, type JSX, Show } from "solid-js";

/**
 * A table cell that turns into an input: a double click, Enter or F2 opens it; Enter or
 * leaving the field saves, Escape puts the value back. Focus returns to the cell, so a
 * keyboard user carries on from where they were.
 */
export function EditableCell(props: {
  /** "Email of Ada Lovelace": what the cell's button and input are called. */
  label: string;
  /** The value as the input starts it. */
  value: string;
  display: JSX.Element;
  type?: "text" | "email" | "number" | "date";
  readOnly?: boolean;
  onSave: (value: string) => void;
}) {
  const [editing, setEditing] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  let done = false;

  const finish = (input: HTMLInputElement, save: boolean) => {
    if (done) return;
    done = true;
    const value = input.value;
    setEditing(false);
    queueMicrotask(() => button?.focus());
    if (save && value.trim() !== props.value.trim()) props.onSave(value);
  };

  return (
    <Show
      when={editing()}
      fallback={
        <button
          ref={button}
          type="button"
          class="crm-cell__button"
          aria-label={`${props.label}: ${props.value || "empty"}. Press Enter to edit.`}
          disabled={props.readOnly}
          onDblClick={() => setEditing(true)}
          onKeyDown={(event) => {
            if (event.key === "Enter" || event.key === "F2") {
              event.preventDefault();
              setEditing(true);
            }
          }}
        >
          {props.display}
        </button>
      }
    >
      <input
        ref={(input) => {
          done = false;
          queueMicrotask(() => {
            input.focus();
            if (props.type !== "date" && props.type !== "number") input.select();
          });
        }}
        class="input input--compact crm-cell__input"
        aria-label={props.label}
        type={props.type ?? "text"}
        min={props.type === "number" ? "0" : undefined}
        max={props.type === "number" ? "100" : undefined}
        value={props.value}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            finish(event.currentTarget, true);
          } else if (event.key === "Escape") {
            event.preventDefault();
            finish(event.currentTarget, false);
          }
        }}
        onBlur={(event) => finish(event.currentTarget, true)}
      />
    </Show>
  );
}
