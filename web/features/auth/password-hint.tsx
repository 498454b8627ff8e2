import { For } from "solid-js";
import { passwordStrength } from "./password-strength";

/** The strength meter and the length rule under a new-password input. */
export function PasswordHint(props: { password: string }) {
  const strength = () => passwordStrength(props.password);
  return (
    <div class="strength" data-score={strength().score}>
      <div class="strength__bars" aria-hidden="true">
        <For each={[1, 2, 3, 4]}>
          {(step) => <span class="strength__bar" classList={{ "is-on": strength().score >= step }} />}
        </For>
      </div>
      <span aria-live="polite">{strength().label}</span>
    </div>
  );
}
