import { A } from "@solidjs/router";
import { createResource, Match, Show, Switch } from "solid-js";
import { api } from "../../lib/api-client";
import { ApiError } from "../../lib/api-error";
import { callApi } from "../../lib/call-api";
import { useSearchParam } from "../../lib/search-param";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { AuthCard } from "./auth-card";
import { ResendVerificationButton } from "./resend-verification-button";
import { session, setUser } from "./session-store";

/** POST /api/v1/auth/email/verify; the confirmed user replaces the signed-in one when it is the same person. */
async function verifyEmail(token: string) {
  const response = await callApi(() => api.v1.auth.email.verify.$post({ json: { token } }));
  const { user } = await response.json();
  setUser(user);
  return user;
}

/**
 * /app/verify-email?token= — the link in the confirmation email. It works signed in or
 * not (the link may be opened on another device); a dead link offers a new one when it can.
 */
export function VerifyEmailPage() {
  const token = useSearchParam("token");
  const [verified] = createResource(token, verifyEmail);
  const continueHref = () => (session.user ? "/" : "/login");
  const continueLabel = () => (session.user ? "Continue to Mewayz" : "Sign in to continue");

  return (
    <AuthCard title="Confirm your email">
      <Switch fallback={<Loading label="Confirming your email…" />}>
        <Match when={!token()}>
          <Notice tone="error">This link is missing its code. Open the link from the email again.</Notice>
        </Match>
        <Match when={verified.state === "errored"}>
          <div class="stack stack--tight">
            <Show
              when={session.user?.email_verified_at}
              fallback={<Notice tone="error">{ApiError.from(verified.error).message}</Notice>}
            >
              <Notice tone="success">Your email address is already confirmed.</Notice>
            </Show>
            <Switch>
              <Match when={session.user && !session.user.email_verified_at}>
                <div class="inline-actions">
                  <ResendVerificationButton label="Send a new link" class="button button--primary" />
                </div>
              </Match>
              <Match when={!session.user}>
                <p class="muted">
                  <A href="/login">Sign in</A> and we'll send you a new link.
                </p>
              </Match>
              <Match when={session.user?.email_verified_at}>
                <A href="/" class="button button--primary button--block">
                  Continue to Mewayz
                </A>
              </Match>
            </Switch>
          </div>
        </Match>
        <Match when={verified.state === "ready" && verified()}>
          {(user) => (
            <div class="stack stack--tight" data-testid="email-confirmed">
              <Notice tone="success">
                Your email <strong>{user().email}</strong> is confirmed. Thanks!
              </Notice>
              <A href={continueHref()} class="button button--primary button--block">
                {continueLabel()}
              </A>
            </div>
          )}
        </Match>
      </Switch>
    </AuthCard>
  );
}
