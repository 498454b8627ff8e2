import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createSubmission } from "../../lib/create-submission";
import { useSearchParam } from "../../lib/search-param";
import { describedBy, Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { AuthCard } from "./auth-card";
import { GoogleButton } from "./google-button";
import { googleErrorMessage } from "./google-error-message";
import { GuestOnly } from "./guest-only";
import { PasswordInput } from "./password-input";
import { safeRedirect } from "./safe-redirect";
import { signIn } from "./session-store";

/** /app/login — email and password, or Google; back to `?redirect=` afterwards (GuestOnly does that). */
export function LoginPage() {
  const redirect = useSearchParam("redirect");
  const googleError = useSearchParam("error");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const form = createSubmission(["email", "password"]);

  // The same ?redirect= carries over to sign-up, and to Google as a full /app path.
  const keepRedirect = () => (redirect() ? `?redirect=${encodeURIComponent(redirect() ?? "")}` : "");

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!email().trim()) problems.email = "Enter your email address.";
    if (!password()) problems.password = "Enter your password.";
    if (Object.keys(problems).length > 0) return form.reject(problems);
    void form.run(() => signIn(email().trim(), password()));
  };

  return (
    <GuestOnly>
      <AuthCard
        title="Sign in to Mewayz"
        subtitle="Welcome back. Pick up where you left off."
        footer={
          <>
            New to Mewayz? <A href={`/signup${keepRedirect()}`}>Create an account</A>
          </>
        }
      >
        <Show when={googleError()}>{(code) => <Notice tone="error">{googleErrorMessage(code())}</Notice>}</Show>
        <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
        <form class="form" onSubmit={submit} novalidate>
          <Field id="login-email" label="Email" error={form.fieldError("email")}>
            <input
              id="login-email"
              class="input"
              type="email"
              autocomplete="email"
              inputmode="email"
              value={email()}
              onInput={(event) => setEmail(event.currentTarget.value)}
              aria-invalid={Boolean(form.fieldError("email")) || undefined}
              aria-describedby={describedBy("login-email")}
              required
            />
          </Field>
          <Field
            id="login-password"
            label="Password"
            error={form.fieldError("password")}
            aside={
              <A href="/forgot-password" class="link link--small">
                Forgot password?
              </A>
            }
          >
            <PasswordInput
              id="login-password"
              value={password()}
              onInput={setPassword}
              autocomplete="current-password"
              invalid={Boolean(form.fieldError("password"))}
              required
            />
          </Field>
          <button type="submit" class="button button--primary button--block" disabled={form.pending()}>
            {form.pending() ? "Signing in…" : "Sign in"}
          </button>
        </form>
        <GoogleButton redirect={`/app${safeRedirect(redirect())}`} />
      </AuthCard>
    </GuestOnly>
  );
}
