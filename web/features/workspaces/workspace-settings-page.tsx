import { Show } from "solid-js";
import { Notice } from "../../ui/notice";
import { BrandingSettingsCard } from "./branding-settings-card";
import { DangerZoneCard } from "./danger-zone-card";
import { GeneralSettingsCard } from "./general-settings-card";
import { PreferencesSettingsCard } from "./preferences-settings-card";
import { can, type WorkspaceDetail, workspaces } from "./workspaces-store";

/**
 * /app/w/:workspaceId/settings — general, branding and preferences, each saved on its own
 * against the version it was opened on; the danger zone for the owner.
 */
export function WorkspaceSettingsPage() {
  return (
    // Not keyed: a save or a live change replaces the workspace, and must not rebuild the forms being edited.
    <Show when={workspaces.current.workspace}>{(workspace) => <SettingsCards workspace={workspace()} />}</Show>
  );
}

function SettingsCards(props: { workspace: WorkspaceDetail }) {
  const canEdit = () => can("workspace.update");
  return (
    <div class="stack" data-testid="workspace-settings">
      <Show when={!canEdit()}>
        <Notice tone="info">You can see these settings. Only the workspace's admins and owner can change them.</Notice>
      </Show>
      <GeneralSettingsCard workspace={props.workspace} canEdit={canEdit()} />
      <BrandingSettingsCard workspace={props.workspace} canEdit={canEdit()} />
      <PreferencesSettingsCard workspace={props.workspace} canEdit={canEdit()} />
      <Show when={can("workspace.transfer") || can("workspace.delete")}>
        <DangerZoneCard
          workspace={props.workspace}
          canTransfer={can("workspace.transfer")}
          canDelete={can("workspace.delete")}
        />
      </Show>
    </div>
  );
}
