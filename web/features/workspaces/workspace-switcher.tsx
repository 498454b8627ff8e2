import { A, useNavigate } from "@solidjs/router";
import { createSignal, createUniqueId, For, Show } from "solid-js";
import { createMenu } from "../../ui/create-menu";
import { Dialog } from "../../ui/dialog";
import { Icon } from "../../ui/icon";
import { roleLabel } from "../members/role-labels";
import { CreateWorkspaceForm } from "./create-workspace-form";
import { WorkspaceMark } from "./workspace-mark";
import { workspacePath } from "./workspace-path";
import { listed, type Workspace, workspaces } from "./workspaces-store";

/**
 * The sidebar's head: the workspace in use (logo or initial, and name), opening the list
 * of my workspaces with my role in each, and "Create workspace".
 */
export function WorkspaceSwitcher(props: { workspaceId: string | null }) {
  const menu = createMenu();
  const menuId = createUniqueId();
  const navigate = useNavigate();
  const [creating, setCreating] = createSignal(false);

  /** The open workspace's detail once loaded (live renames land there first), else its list entry. */
  const shown = (): Pick<Workspace, "id" | "name" | "logo" | "branding" | "my_role"> | undefined => {
    const current = workspaces.current.workspace;
    if (current && current.id === props.workspaceId) return current;
    return listed(props.workspaceId);
  };

  const startCreating = () => {
    menu.hide();
    setCreating(true);
  };

  return (
    <div class="switcher" ref={menu.rootRef}>
      <button
        ref={menu.buttonRef}
        type="button"
        class="switcher__button"
        aria-haspopup="menu"
        aria-expanded={menu.open()}
        aria-controls={menu.open() ? menuId : undefined}
        onClick={() => menu.toggle()}
        onKeyDown={(event) => menu.onButtonKey(event)}
        data-testid="workspace-switcher"
      >
        <Show
          when={shown()}
          fallback={
            <>
              <span class="brand__mark" aria-hidden="true">
                M
              </span>
              <span class="switcher__name">Mewayz</span>
            </>
          }
        >
          {(workspace) => (
            <>
              <WorkspaceMark
                name={workspace().name}
                logo={workspace().logo}
                color={workspace().branding.primary_color}
              />
              <span class="switcher__text">
                <span class="switcher__name" data-testid="workspace-name">
                  {workspace().name}
                </span>
                <span class="switcher__role">{roleLabel(workspace().my_role)}</span>
              </span>
            </>
          )}
        </Show>
        <span class="switcher__chevron">
          <Icon name="chevronsUpDown" size={16} />
        </span>
      </button>
      <Show when={menu.open()}>
        <div
          class="switcher__panel"
          role="menu"
          id={menuId}
          aria-label="Workspaces"
          onKeyDown={(event) => menu.onMenuKey(event)}
        >
          <p class="switcher__heading">Your workspaces</p>
          <For each={workspaces.list.items} fallback={<p class="switcher__empty">You are not in any workspace yet.</p>}>
            {(workspace) => (
              <A
                role="menuitem"
                class="switcher__item"
                href={workspacePath(workspace.id)}
                onClick={() => menu.hide()}
                aria-current={workspace.id === props.workspaceId ? "true" : undefined}
              >
                <WorkspaceMark
                  name={workspace.name}
                  logo={workspace.logo}
                  color={workspace.branding.primary_color}
                  size={24}
                />
                <span class="switcher__item-name">{workspace.name}</span>
                <span class="badge badge--muted">{roleLabel(workspace.my_role)}</span>
                <Show when={workspace.id === props.workspaceId}>
                  <span class="switcher__check">
                    <Icon name="check" size={16} />
                  </span>
                </Show>
              </A>
            )}
          </For>
          <hr class="user-menu__separator" />
          <button type="button" role="menuitem" class="switcher__item" onClick={startCreating}>
            <span class="switcher__plus" aria-hidden="true">
              <Icon name="plus" size={14} />
            </span>
            Create workspace
          </button>
        </div>
      </Show>
      <Dialog
        open={creating()}
        title="Create a workspace"
        description="A workspace holds your pages, posts, contacts, courses and store, shared with your team."
        onClose={() => setCreating(false)}
        testId="create-workspace-dialog"
      >
        <Show when={creating()}>
          <CreateWorkspaceForm
            onCancel={() => setCreating(false)}
            onCreated={(workspace) => {
              setCreating(false);
              navigate(workspacePath(workspace.id));
            }}
          />
        </Show>
      </Dialog>
    </div>
  );
}
