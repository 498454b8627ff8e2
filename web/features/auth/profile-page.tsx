import { Show } from "solid-js";
import { SettingsNav } from "../settings/settings-nav";
import { ChangePasswordForm } from "./change-password-form";
import { ProfileForm } from "./profile-form";
import { session } from "./session-store";

/** /app/settings/profile — who you are, how the app looks and talks to you, and your password. */
export function ProfilePage() {
  return (
    <div class="stack">
      <SettingsNav />
      {/* Not keyed: a save replaces the user, and must not rebuild the form being edited. */}
      <Show when={session.user}>
        {(user) => (
          <>
            <ProfileForm user={user()} />
            <ChangePasswordForm user={user()} />
          </>
        )}
      </Show>
    </div>
  );
}
