import { A } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { api } from "../../lib/api-client";
import { callApi } from "../../lib/call-api";
import { createSubmission } from "../../lib/create-submission";
import { useSearchParam } from "../../lib/search-param";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { AuthCard } from "./auth-card";
import { PasswordHint } from "./password-hint";
import { PasswordInput } from "./password-input";
import { passwordStrength } from "./password-strength";
import { forgetUser } from "./session-store";

/** /app/reset-password?token= — choose a new password from a mailed link; every session ends, so sign in again. */
export function ResetPasswordPage() {
  const token = useSearchParam("token");
  const [password, setPassword] = createSignal("");
  const [done, setDone] = createSignal(false);
  const form = createSubmission(["password"]);
  // A bad or used link is not fixed by retyping the password: offer a new link instead.
  const linkFailed = () => {
    const error = form.error();
    return error?.code === "bad_request" || Boolean(form.fieldError("token"));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const strength = passwordStrength(password());
    if (strength.problem) return form.reject({ password: strength.problem });
    void form.run(async () => {
      await callApi(() => api.v1.auth.password.reset.$post({ json: { token: token() ?? "", password: password() } }));
      forgetUser();
      setDone(true);
    });
  };

  return (
    <AuthCard title={done() ? "Password changed" : "Choose a new password"}>
      <Switch>
        <Match when={done()}>
          <div class="stack stack--tight">
            <Notice tone="success">Your password is changed, and every device was signed out.</Notice>
            <A href="/login" class="button button--primary button--block">
              Sign in with your new password
            </A>
          </div>
        </Match>
        <Match when={!token()}>
          <Notice tone="error">
            This link is missing its code. Open the link from the email again, or{" "}
            <A href="/forgot-password">ask for a new one</A>.
          </Notice>
        </Match>
        <Match when={token()}>
          <Show when={form.formError()}>
            {(message) => (
              <Notice tone="error">
                {linkFailed() ? "This reset link is invalid, expired or already used." : message()}{" "}
                <Show when={linkFailed()}>
                  <A href="/forgot-password">Ask for a new link</A>.
                </Show>
              </Notice>
            )}
          </Show>
          <form class="form" onSubmit={submit} novalidate>
            <Field
              id="reset-password"
              label="New password"
              error={form.fieldError("password")}
              hint={<PasswordHint password={password()} />}
            >
              <PasswordInput
                id="reset-password"
                value={password()}
                onInput={setPassword}
                autocomplete="new-password"
                invalid={Boolean(form.fieldError("password"))}
                required
              />
            </Field>
            <button type="submit" class="button button--primary button--block" disabled={form.pending()}>
              {form.pending() ? "Saving…" : "Set new password"}
            </button>
          </form>
        </Match>
      </Switch>
    </AuthCard>
  );
}
