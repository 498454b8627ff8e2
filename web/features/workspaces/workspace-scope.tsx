import { useNavigate, useParams } from "@solidjs/router";
import { createEffect, Match, on, type ParentProps, Switch } from "solid-js";
import { useViewing } from "../../lib/live/use-viewing";
import { ErrorState } from "../../ui/error-state";
import { Loading } from "../../ui/loading";
import { openWorkspace, workspaces } from "./workspaces-store";

/**
 * Every page under /app/w/:workspaceId: opens that workspace (remembered on this device),
 * shows its pages once my access is known, and goes home when the workspace is gone.
 */
export function WorkspaceScope(props: ParentProps) {
  const params = useParams<{ workspaceId: string }>();
  const navigate = useNavigate();

  // Only the address decides which workspace to open: a failed load is retried by the person, not by a loop.
  createEffect(
    on(
      () => params.workspaceId,
      (id) => void openWorkspace(id),
    ),
  );
  createEffect(() => {
    if (workspaces.current.id === params.workspaceId && workspaces.current.status === "gone") {
      navigate("/", { replace: true });
    }
  });
  // Being anywhere in a workspace shows as being in it; pages narrow it down to what they show.
  useViewing(() =>
    workspaces.current.status === "ready" && workspaces.current.id
      ? { entity_type: "workspace", entity_id: workspaces.current.id }
      : null,
  );

  const ready = () =>
    workspaces.current.id === params.workspaceId &&
    workspaces.current.status === "ready" &&
    workspaces.current.workspace;

  return (
    <Switch fallback={<Loading label="Opening the workspace…" />}>
      <Match when={workspaces.current.id === params.workspaceId && workspaces.current.status === "error"}>
        <ErrorState
          title={
            workspaces.current.error?.status === 404
              ? "We couldn't find this workspace"
              : "We couldn't open this workspace"
          }
          error={workspaces.current.error}
          onRetry={() => void openWorkspace(params.workspaceId)}
        />
      </Match>
      <Match when={ready()}>{props.children}</Match>
    </Switch>
  );
}
