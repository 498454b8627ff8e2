import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { api } from "../../lib/api-client";
import { callApi } from "../../lib/call-api";
import { createSubmission } from "../../lib/create-submission";
import { describedBy, Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { AuthCard } from "./auth-card";

/**
 * /app/forgot-password — ask for a reset link. The answer is the same whether or not an
 * account uses the address, so the page cannot be used to find out who has one.
 */
export function ForgotPasswordPage() {
  const [email, setEmail] = createSignal("");
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const form = createSubmission(["email"]);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!email().trim()) return form.reject({ email: "Enter your email address." });
    void form.run(async () => {
      await callApi(() => api.v1.auth.password.forgot.$post({ json: { email: email().trim() } }));
      setSentTo(email().trim());
    });
  };

  return (
    <AuthCard
      title="Reset your password"
      subtitle="Enter the email you sign in with and we'll send you a link to choose a new password."
      footer={
        <>
          Remembered it? <A href="/login">Back to sign in</A>
        </>
      }
    >
      <Show
        when={sentTo()}
        fallback={
          <>
            <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
            <form class="form" onSubmit={submit} novalidate>
              <Field id="forgot-email" label="Email" error={form.fieldError("email")}>
                <input
                  id="forgot-email"
                  class="input"
                  type="email"
                  autocomplete="email"
                  inputmode="email"
                  value={email()}
                  onInput={(event) => setEmail(event.currentTarget.value)}
                  aria-invalid={Boolean(form.fieldError("email")) || undefined}
                  aria-describedby={describedBy("forgot-email")}
                  required
                />
              </Field>
              <button type="submit" class="button button--primary button--block" disabled={form.pending()}>
                {form.pending() ? "Sending…" : "Send reset link"}
              </button>
            </form>
          </>
        }
      >
        {(address) => (
          <div class="stack stack--tight" data-testid="forgot-sent">
            <Notice tone="success">
              If an account uses <strong>{address()}</strong>, a reset link is on its way. It works for one hour.
            </Notice>
            <p class="muted">
              No email after a few minutes? Check your spam folder, or{" "}
              <button type="button" class="link" onClick={() => setSentTo(null)}>
                try another address
              </button>
              .
            </p>
          </div>
        )}
      </Show>
    </AuthCard>
  );
}
