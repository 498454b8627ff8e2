// When a platform's token ends, from the `expires_in` (seconds) it answered with. The
// figure is the platform's, not ours to trust: one that is not a positive number means
// the platform's documented lifetime (null: none documented, the expiry is unknown), and
// one past what a timestamp column holds is cut to the last storable instant — written,
// it would fail the statement on MySQL; large enough, it is not even a Date.
import { LATEST_STORABLE } from "../../../lib/storable-time";

export function tokenExpiresAt(expiresIn: unknown, documentedSeconds: number | null, now = Date.now()): string | null {
  const seconds = typeof expiresIn === "number" && expiresIn > 0 ? expiresIn : documentedSeconds;
  if (seconds === null) return null;
  return new Date(Math.min(now + seconds * 1000, LATEST_STORABLE)).toISOString();
}
