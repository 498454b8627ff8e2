import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { api } from "../../lib/api-client";
import { callApi } from "../../lib/call-api";
import { createSubmission } from "../../lib/create-submission";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { PasswordHint } from "./password-hint";
import { PasswordInput } from "./password-input";
import { passwordStrength } from "./password-strength";
import type { User } from "./session-store";

/** POST /api/v1/auth/password — a new password; this browser stays signed in, every other one is signed out. */
export function ChangePasswordForm(props: { user: User }) {
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [changed, setChanged] = createSignal(false);
  const form = createSubmission(["current_password", "new_password"]);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!current()) problems.current_password = "Enter your current password.";
    const strength = passwordStrength(next());
    if (strength.problem) problems.new_password = strength.problem;
    if (Object.keys(problems).length > 0) return form.reject(problems);
    setChanged(false);
    void form.run(async () => {
      await callApi(() => api.v1.auth.password.$post({ json: { current_password: current(), new_password: next() } }));
      // Only a saved password clears the inputs; a refused one stays to be corrected.
      setCurrent("");
      setNext("");
      setChanged(true);
    });
  };

  return (
    <section class="card" aria-labelledby="password-card-title">
      <div class="card__head">
        <h2 class="card__title" id="password-card-title">
          Password
        </h2>
      </div>
      <Show
        when={props.user.has_password}
        fallback={
          <p class="muted">
            You sign in with Google, so your account has no password. To add one,{" "}
            <A href="/forgot-password">get a link by email</A>.
          </p>
        }
      >
        <form class="form form--narrow" onSubmit={submit} novalidate>
          <Show when={changed()}>
            <Notice tone="success">Your password is changed. Every other device was signed out.</Notice>
          </Show>
          <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
          <Field id="current-password" label="Current password" error={form.fieldError("current_password")}>
            <PasswordInput
              id="current-password"
              value={current()}
              onInput={setCurrent}
              autocomplete="current-password"
              invalid={Boolean(form.fieldError("current_password"))}
            />
          </Field>
          <Field
            id="new-password"
            label="New password"
            error={form.fieldError("new_password")}
            hint={<PasswordHint password={next()} />}
          >
            <PasswordInput
              id="new-password"
              value={next()}
              onInput={setNext}
              autocomplete="new-password"
              invalid={Boolean(form.fieldError("new_password"))}
            />
          </Field>
          <div class="form-actions">
            <button type="submit" class="button" disabled={form.pending()}>
              {form.pending() ? "Changing…" : "Change password"}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
