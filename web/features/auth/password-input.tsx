import { createSignal } from "solid-js";
import { describedBy } from "../../ui/field";
import { Icon } from "../../ui/icon";

/** A password input with a button to show what was typed, which saves retyping a long passphrase. */
export function PasswordInput(props: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  autocomplete: "current-password" | "new-password";
  invalid?: boolean;
  required?: boolean;
}) {
  const [visible, setVisible] = createSignal(false);
  return (
    <div class="input-group">
      <input
        id={props.id}
        class="input"
        type={visible() ? "text" : "password"}
        autocomplete={props.autocomplete}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={props.invalid || undefined}
        aria-describedby={describedBy(props.id)}
        required={props.required}
        spellcheck={false}
        autocapitalize="off"
      />
      <button
        type="button"
        class="input-group__button"
        aria-label={visible() ? "Hide password" : "Show password"}
        aria-pressed={visible()}
        onClick={() => setVisible(!visible())}
      >
        <Icon name={visible() ? "eyeOff" : "eye"} size={16} />
      </button>
    </div>
  );
}
