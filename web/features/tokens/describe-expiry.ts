import { relativeTime } from "../../lib/relative-time";

/** "Expires in 30 days", "Expired 2 days ago" or "Never expires". */
export function describeExpiry(expiresAt: string | null, now: Date = new Date()): string {
  if (!expiresAt) return "Never expires";
  const when = relativeTime(expiresAt, now);
  return new Date(expiresAt).getTime() <= now.getTime() ? `Expired ${when}` : `Expires ${when}`;
}
