import { type JSX, type ParentProps, Show } from "solid-js";

/** The ids a field's control points at with aria-describedby: its hint and its error, when shown. */
export const describedBy = (id: string) => `${id}-hint ${id}-error`;

/**
 * A labelled input with its hint and its error underneath. The control is the caller's
 * own element (input, select, textarea), given `id` and `aria-describedby={describedBy(id)}`.
 */
export function Field(
  props: ParentProps<{
    id: string;
    label: string;
    error?: string | undefined;
    hint?: JSX.Element;
    aside?: JSX.Element;
  }>,
) {
  return (
    <div class="field" classList={{ "field--invalid": Boolean(props.error) }}>
      <div class="field__label-row">
        <label class="field__label" for={props.id}>
          {props.label}
        </label>
        {props.aside}
      </div>
      {props.children}
      <Show when={props.hint}>
        <div class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** A field for an https:// address (a logo, an avatar): the same input wherever a picture is linked. */
export function UrlField(props: {
  id: string;
  label: string;
  hint: string;
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint={props.hint}>
      <input
        id={props.id}
        class="input"
        type="url"
        inputmode="url"
        placeholder="https://"
        maxlength={255}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={Boolean(props.error) || undefined}
        aria-describedby={describedBy(props.id)}
      />
    </Field>
  );
}
