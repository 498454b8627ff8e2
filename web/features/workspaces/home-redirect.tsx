import { useNavigate } from "@solidjs/router";
import { createEffect, Match, Switch } from "solid-js";
import { ErrorState } from "../../ui/error-state";
import { Loading } from "../../ui/loading";
import { workspacePath } from "./workspace-path";
import { homeWorkspace, loadWorkspaces, workspaces } from "./workspaces-store";

/**
 * /app/ — opens the workspace this device used last, or the first one; someone with no
 * workspace yet is asked to create one.
 */
export function HomeRedirect() {
  const navigate = useNavigate();
  createEffect(() => {
    if (workspaces.list.status !== "ready") return;
    const home = homeWorkspace();
    navigate(home ? workspacePath(home.id) : "/workspaces/new", { replace: true });
  });
  return (
    <Switch fallback={<Loading label="Opening your workspace…" />}>
      <Match when={workspaces.list.status === "error"}>
        <ErrorState
          title="We couldn't load your workspaces"
          error={workspaces.list.error}
          onRetry={() => void loadWorkspaces()}
        />
      </Match>
    </Switch>
  );
}
