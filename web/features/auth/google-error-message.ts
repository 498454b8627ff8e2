/**
 * What to tell someone sent back from Google sign-in with `?error=`. The codes are the
 * worker's (GoogleSignInError in worker/features/auth/google-routes.ts); an unknown one
 * still gets a sentence rather than nothing.
 */
export function googleErrorMessage(code: string): string {
  switch (code) {
    case "google_state":
      return "That Google sign-in expired or was started in another tab. Please try again.";
    case "google_cancelled":
      return "Google sign-in was cancelled. Choose a way to sign in below.";
    case "google_email_unverified":
      return "Google hasn't verified the email address of that account, so we can't use it to sign you in. Verify it with Google, or sign in with your password.";
    case "google_conflict":
      return "This email address is already linked to a different Google account. Sign in with your password instead.";
    case "account_disabled":
      return "This account is not active. Contact support to restore it.";
    default:
      return "We couldn't sign you in with Google. Please try again, or sign in with your password.";
  }
}
