import type { AuthUser } from "../../lib/auth";
import { AppError } from "../../lib/errors";

/** Only the confirmed owner of the invited address may answer an invitation. */
export function assertInvitee(user: AuthUser, invitedEmail: string): void {
  if (user.email.toLowerCase() !== invitedEmail.toLowerCase()) {
    throw new AppError(
      "forbidden",
      `This invitation was sent to ${invitedEmail}. Sign in with that email address to answer it.`,
      { invited_email: invitedEmail },
    );
  }
  assertVerified(user);
}

/** Joining a workspace needs a confirmed email: it is how the workspace knows who is joining. */
export function assertVerified(user: AuthUser): void {
  if (!user.email_verified_at) {
    throw new AppError(
      "forbidden",
      `Confirm your email address (${user.email}) first, with the link we sent you, then try again.`,
      { email: user.email, email_verified: false },
    );
  }
}
