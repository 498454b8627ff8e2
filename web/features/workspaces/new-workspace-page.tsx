import { useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { Icon } from "../../ui/icon";
import { CreateWorkspaceForm } from "./create-workspace-form";
import { workspacePath } from "./workspace-path";
import { workspaces } from "./workspaces-store";

/** /app/workspaces/new — where someone without a workspace starts, and anyone can make another. */
export function NewWorkspacePage() {
  const navigate = useNavigate();
  const first = () => workspaces.list.status === "ready" && workspaces.list.items.length === 0;
  return (
    <div class="narrow-page">
      <section class="card" aria-labelledby="new-workspace-title" data-testid="new-workspace">
        <div class="card__intro">
          <span class="state__icon">
            <Icon name="dashboard" size={22} />
          </span>
          <h2 class="card__title card__title--large" id="new-workspace-title">
            {first() ? "Create your first workspace" : "Create a workspace"}
          </h2>
          <p class="card__subtitle">
            Your link in bio, posts, emails, contacts, courses and store live in a workspace. Invite your team to it
            once it exists.
          </p>
        </div>
        <CreateWorkspaceForm onCreated={(workspace) => navigate(workspacePath(workspace.id), { replace: true })} />
      </section>
      <Show when={first()}>
        <p class="muted center">
          Invited to someone else's workspace? Open the link in the invitation email to join it.
        </p>
      </Show>
    </div>
  );
}
