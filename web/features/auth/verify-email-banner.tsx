import { Show } from "solid-js";
import { Icon } from "../../ui/icon";
import { ResendVerificationButton } from "./resend-verification-button";
import { session } from "./session-store";

/** Across the top of every app page until the person confirms their email address. */
export function VerifyEmailBanner() {
  return (
    <Show when={session.user && !session.user.email_verified_at ? session.user : null}>
      {(user) => (
        <section class="banner" aria-label="Email confirmation" data-testid="verify-email-banner">
          <Icon name="mail" size={16} />
          <p class="banner__text">
            Confirm your email — we sent a link to <strong>{user().email}</strong>.
          </p>
          <div class="banner__actions">
            <ResendVerificationButton label="Resend" class="button button--small" />
          </div>
        </section>
      )}
    </Show>
  );
}
