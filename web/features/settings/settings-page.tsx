import { EmptyState } from "../../ui/empty-state";

/** Workspace settings; until they ship the page says what they will hold. */
export function SettingsPage() {
  return (
    <EmptyState
      icon="settings"
      title="Settings are on their way"
      hint="Your workspace name, team members and billing will be managed here."
    />
  );
}
