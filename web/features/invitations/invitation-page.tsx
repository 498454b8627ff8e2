import { A, useNavigate, useParams } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { api } from "../../lib/api-client";
import { ApiError } from "../../lib/api-error";
import { callApi } from "../../lib/call-api";
import { createSubmission } from "../../lib/create-submission";
import { flash } from "../../lib/flash";
import { fullTime, relativeTime } from "../../lib/relative-time";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { AuthCard } from "../auth/auth-card";
import { ResendVerificationButton } from "../auth/resend-verification-button";
import { session, signOut } from "../auth/session-store";
import { ROLE_LABELS, roleLabel } from "../members/role-labels";
import { WorkspaceMark } from "../workspaces/workspace-mark";
import { workspacePath } from "../workspaces/workspace-path";
import { joined } from "../workspaces/workspaces-store";
import { SignInFirst } from "./sign-in-first";

const byToken = api.v1.invitations[":token"];
type Preview = InferResponseType<typeof byToken.$get, 200>;

async function previewInvitation(token: string): Promise<Preview> {
  return await (await callApi(() => byToken.$get({ param: { token } }))).json();
}

/**
 * /app/invitations/:token — the link in an invitation email: what it invites to, then
 * accept or decline. Signed out, the person signs in or up first and comes back; signed in
 * with another address, the page says which one was invited.
 */
export function InvitationPage() {
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  // Only asked once someone is signed in: the preview is for the invited person's eyes.
  const [preview, { mutate }] = createResource(
    () => (session.user ? params.token : null),
    (token) => previewInvitation(token),
  );
  const [declined, setDeclined] = createSignal(false);
  const form = createSubmission([]);

  const wrongAccount = () => {
    const invited = preview.state === "ready" ? preview()?.email : undefined;
    return invited && session.user && invited.toLowerCase() !== session.user.email.toLowerCase() ? invited : null;
  };

  const accept = () =>
    void form.run(async () => {
      try {
        const response = await callApi(() => byToken.accept.$post({ param: { token: params.token } }));
        const { workspace } = await response.json();
        await joined();
        flash.show(`Welcome to ${workspace.name}.`, "success");
        navigate(workspacePath(workspace.id), { replace: true });
      } catch (failure) {
        // Already in (joined another way meanwhile): go there rather than show an error.
        const error = ApiError.from(failure);
        const id = (error.details as { workspace_id?: unknown } | null)?.workspace_id;
        if (error.code === "conflict" && typeof id === "string") {
          await joined();
          navigate(workspacePath(id), { replace: true });
          return;
        }
        throw failure;
      }
    });

  const decline = () =>
    void form.run(async () => {
      await callApi(() => byToken.decline.$post({ param: { token: params.token } }));
      setDeclined(true);
      const current = preview.state === "ready" ? preview() : undefined;
      if (current) mutate({ ...current, status: "declined" });
    });

  const switchAccount = () =>
    void form.run(async () => {
      await signOut();
      navigate(`/login?redirect=${encodeURIComponent(`/app/invitations/${params.token}`)}`, { replace: true });
    });

  return (
    <AuthCard title="You're invited">
      <Switch fallback={<Loading label="Opening the invitation…" />}>
        <Match when={session.status === "ready" && !session.user}>
          <SignInFirst what="see and accept this invitation" />
        </Match>
        <Match when={preview.state === "errored"}>
          <div class="stack stack--tight">
            <Notice tone="error">{ApiError.from(preview.error).message}</Notice>
            <A href="/" class="button button--block">
              Go to Mewayz
            </A>
          </div>
        </Match>
        <Match when={preview.state === "ready" && preview()}>
          {(invitation) => (
            <div class="stack stack--tight" data-testid="invitation">
              <div class="invitation__head">
                <WorkspaceMark name={invitation().workspace.name} logo={invitation().workspace.logo} size={48} />
                <div>
                  <p class="invitation__workspace">{invitation().workspace.name}</p>
                  <p class="muted">
                    {invitation().inviter.name} invited you to join as <strong>{roleLabel(invitation().role)}</strong>.
                  </p>
                </div>
              </div>
              <Show when={invitation().message}>
                {(message) => <blockquote class="invitation__message">{message()}</blockquote>}
              </Show>
              <p class="field__hint">
                {ROLE_LABELS[invitation().role].hint} Sent to {invitation().email}; expires{" "}
                <span title={fullTime(invitation().expires_at)}>{relativeTime(invitation().expires_at)}</span>.
              </p>
              <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
              <Switch>
                <Match when={invitation().status === "accepted"}>
                  <Notice tone="success">This invitation was already accepted.</Notice>
                  <A href="/" class="button button--primary button--block">
                    Go to Mewayz
                  </A>
                </Match>
                <Match when={invitation().status === "declined" || declined()}>
                  <Notice tone="info" testId="invitation-declined">
                    You declined this invitation. {invitation().inviter.name} can invite you again.
                  </Notice>
                </Match>
                <Match when={wrongAccount()}>
                  {(invited) => (
                    <>
                      <Notice tone="warning" testId="invitation-wrong-account">
                        This invitation was sent to <strong>{invited()}</strong>, but you are signed in as{" "}
                        <strong>{session.user?.email}</strong>. Sign in with {invited()} to answer it.
                      </Notice>
                      <button
                        type="button"
                        class="button button--primary button--block"
                        onClick={switchAccount}
                        disabled={form.pending()}
                      >
                        Sign in as {invited()}
                      </button>
                    </>
                  )}
                </Match>
                <Match when={!session.user?.email_verified_at}>
                  <Notice tone="warning">
                    Confirm your email address ({session.user?.email}) with the link we sent you, then accept the
                    invitation here.
                  </Notice>
                  <ResendVerificationButton label="Send the link again" class="button button--block" />
                </Match>
                <Match when={true}>
                  <div class="invitation__actions">
                    <button type="button" class="button button--block" onClick={decline} disabled={form.pending()}>
                      Decline
                    </button>
                    <button
                      type="button"
                      class="button button--primary button--block"
                      onClick={accept}
                      disabled={form.pending()}
                    >
                      {form.pending() ? "Joining…" : `Join ${invitation().workspace.name}`}
                    </button>
                  </div>
                </Match>
              </Switch>
            </div>
          )}
        </Match>
      </Switch>
    </AuthCard>
  );
}
