// What can go wrong talking to a network, sorted by what the publisher may do next.
// The sorting is the heart of exactly-once: only `retryable` errors are retried by
// themselves, and only where nothing can have been published.

export type PlatformErrorKind =
  /** Nothing was published (refused connection, 429 before acceptance, a reversible step failed): try again later. */
  | "retryable"
  /** The access token expired or was refused: refresh it, then try once more. */
  | "refresh_needed"
  /** The person revoked access or the refresh token is dead: the account must be reconnected. */
  | "disconnected"
  /** The platform refused the post itself (too long, duplicate, bad media): fail with its reason. */
  | "rejected"
  /** The platform itself reports that a post it had received never went out (TikTok's FAILED status): fail with its reason, even after an irreversible step. */
  | "not_published"
  /** The irreversible call may or may not have published (timeout, dropped connection, 5xx after sending). */
  | "unknown_outcome";

export class PlatformError extends Error {
  readonly kind: PlatformErrorKind;
  /** When the platform says it will take requests again (its reset headers), in ms since the epoch. */
  readonly retryAt: number | null;
  constructor(kind: PlatformErrorKind, message: string, retryAt: number | null = null) {
    super(message);
    this.kind = kind;
    this.retryAt = retryAt;
  }
}

/** The moment a 429 says to come back: X's x-rate-limit-reset (epoch seconds), Retry-After (seconds or a date). */
export function resetTimeOf(headers: Headers, now = Date.now()): number | null {
  const epoch = Number(headers.get("x-rate-limit-reset") ?? headers.get("x-ratelimit-reset"));
  if (Number.isFinite(epoch) && epoch > 1_000_000_000) return epoch * 1000;
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return now + seconds * 1000;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return date;
  }
  return null;
}
