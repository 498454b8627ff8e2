import { useLocation, useNavigate } from "@solidjs/router";
import { createEffect, Match, type ParentProps, Switch } from "solid-js";
import { ErrorState } from "../../ui/error-state";
import { Loading } from "../../ui/loading";
import { loginPathFor } from "./safe-redirect";
import { refresh, session } from "./session-store";

/**
 * Shows its pages only to someone signed in. Anyone else is sent to the sign-in page,
 * which brings them back here afterwards, unless they just signed out on purpose.
 */
export function RequireUser(props: ParentProps) {
  const navigate = useNavigate();
  const location = useLocation();

  createEffect(() => {
    if (session.status !== "ready" || session.user) return;
    const back = `${location.pathname}${location.search}`;
    navigate(session.signedOutOnPurpose ? "/login" : loginPathFor(back), { replace: true });
  });

  return (
    <Switch
      fallback={
        <div class="page-state">
          <Loading label="Opening your workspace…" />
        </div>
      }
    >
      <Match when={session.status === "error"}>
        <div class="page-state">
          <ErrorState title="We couldn't open your workspace" error={session.error} onRetry={() => void refresh()} />
        </div>
      </Match>
      <Match when={session.user}>{props.children}</Match>
    </Switch>
  );
}
