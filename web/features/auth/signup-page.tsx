import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createSubmission } from "../../lib/create-submission";
import { useSearchParam } from "../../lib/search-param";
import { describedBy, Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { AuthCard } from "./auth-card";
import { GoogleButton } from "./google-button";
import { GuestOnly } from "./guest-only";
import { PasswordHint } from "./password-hint";
import { PasswordInput } from "./password-input";
import { passwordStrength } from "./password-strength";
import { safeRedirect } from "./safe-redirect";
import { signUp } from "./session-store";

/** /app/signup — name, email and a new password; signed in straight away, the email confirmed later. */
export function SignupPage() {
  const redirect = useSearchParam("redirect");
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const form = createSubmission(["name", "email", "password"]);

  const keepRedirect = () => (redirect() ? `?redirect=${encodeURIComponent(redirect() ?? "")}` : "");

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name().trim()) problems.name = "Enter your name.";
    if (!email().trim()) problems.email = "Enter your email address.";
    const strength = passwordStrength(password());
    if (strength.problem) problems.password = strength.problem;
    if (Object.keys(problems).length > 0) return form.reject(problems);
    void form.run(() => signUp({ name: name().trim(), email: email().trim(), password: password() }));
  };

  return (
    <GuestOnly>
      <AuthCard
        title="Create your Mewayz account"
        subtitle="Your link in bio, social, email, CRM, courses and store in one place."
        footer={
          <>
            Already have an account? <A href={`/login${keepRedirect()}`}>Sign in</A>
          </>
        }
      >
        <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
        <form class="form" onSubmit={submit} novalidate>
          <Field id="signup-name" label="Name" error={form.fieldError("name")}>
            <input
              id="signup-name"
              class="input"
              type="text"
              autocomplete="name"
              maxlength={255}
              value={name()}
              onInput={(event) => setName(event.currentTarget.value)}
              aria-invalid={Boolean(form.fieldError("name")) || undefined}
              aria-describedby={describedBy("signup-name")}
              required
            />
          </Field>
          <Field id="signup-email" label="Email" error={form.fieldError("email")}>
            <input
              id="signup-email"
              class="input"
              type="email"
              autocomplete="email"
              inputmode="email"
              maxlength={255}
              value={email()}
              onInput={(event) => setEmail(event.currentTarget.value)}
              aria-invalid={Boolean(form.fieldError("email")) || undefined}
              aria-describedby={describedBy("signup-email")}
              required
            />
          </Field>
          <Field
            id="signup-password"
            label="Password"
            error={form.fieldError("password")}
            hint={<PasswordHint password={password()} />}
          >
            <PasswordInput
              id="signup-password"
              value={password()}
              onInput={setPassword}
              autocomplete="new-password"
              invalid={Boolean(form.fieldError("password"))}
              required
            />
          </Field>
          <button type="submit" class="button button--primary button--block" disabled={form.pending()}>
            {form.pending() ? "Creating your account…" : "Create account"}
          </button>
        </form>
        <GoogleButton redirect={`/app${safeRedirect(redirect())}`} />
      </AuthCard>
    </GuestOnly>
  );
}
