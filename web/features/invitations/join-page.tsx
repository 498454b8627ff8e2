import { useNavigate, useParams } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { api } from "../../lib/api-client";
import { callApi } from "../../lib/call-api";
import { createSubmission } from "../../lib/create-submission";
import { flash } from "../../lib/flash";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { AuthCard } from "../auth/auth-card";
import { ResendVerificationButton } from "../auth/resend-verification-button";
import { session } from "../auth/session-store";
import { roleLabel } from "../members/role-labels";
import { workspacePath } from "../workspaces/workspace-path";
import { joined } from "../workspaces/workspaces-store";
import { SignInFirst } from "./sign-in-first";

/**
 * /app/join/:token — a workspace's reusable invite link. Joining waits for a click (a link
 * preview or a prefetch must not make anyone a member); signed out, sign in or up first.
 */
export function JoinPage() {
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  const form = createSubmission([]);

  const join = () =>
    void form.run(async () => {
      const response = await callApi(() =>
        api.v1["invite-links"][":token"].join.$post({ param: { token: params.token } }),
      );
      const { workspace, member } = await response.json();
      await joined();
      flash.show(
        response.status === 201
          ? `Welcome to ${workspace.name}. You joined as ${roleLabel(member.role)}.`
          : `You are already a member of ${workspace.name}.`,
        "success",
      );
      navigate(workspacePath(workspace.id), { replace: true });
    });

  return (
    <AuthCard title="Join a workspace" subtitle="Someone shared a link to their Mewayz workspace with you.">
      <Switch fallback={<Loading />}>
        <Match when={session.status === "ready" && !session.user}>
          <SignInFirst what="join the workspace" />
        </Match>
        <Match when={session.user && !session.user.email_verified_at}>
          <div class="stack stack--tight">
            <Notice tone="warning">
              Confirm your email address ({session.user?.email}) with the link we sent you, then open this invite link
              again.
            </Notice>
            <ResendVerificationButton label="Send the link again" class="button button--block" />
          </div>
        </Match>
        <Match when={session.user}>
          <div class="stack stack--tight" data-testid="join">
            <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
            <p class="muted">
              You join as {session.user?.name} ({session.user?.email}).
            </p>
            <button type="button" class="button button--primary button--block" onClick={join} disabled={form.pending()}>
              {form.pending() ? "Joining…" : "Join workspace"}
            </button>
          </div>
        </Match>
      </Switch>
    </AuthCard>
  );
}
