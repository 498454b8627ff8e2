import { createSignal, Show } from "solid-js";
import { createSubmission } from "../../lib/create-submission";
import { resendVerification } from "./resend-verification";

/** "Resend" with what came of it next to the button: where the link went, or why it was not sent (429). */
export function ResendVerificationButton(props: { label: string; class?: string }) {
  const [sent, setSent] = createSignal<string | null>(null);
  const form = createSubmission([]);
  const resend = () =>
    void form.run(async () => {
      setSent(null);
      setSent(await resendVerification());
    });
  return (
    <>
      <button type="button" class={props.class ?? "button"} onClick={resend} disabled={form.pending()}>
        {form.pending() ? "Sending…" : props.label}
      </button>
      <Show when={sent()}>
        {(message) => (
          <span class="resend-result resend-result--ok" role="status">
            {message()}
          </span>
        )}
      </Show>
      <Show when={form.formError()}>
        {(message) => (
          <span class="resend-result resend-result--error" role="alert">
            {message()}
          </span>
        )}
      </Show>
    </>
  );
}
