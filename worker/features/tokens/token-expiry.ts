// When a new token stops working: a chosen lifetime, a chosen date, or 30 days.

export const EXPIRES_IN = ["7d", "30d", "60d", "90d", "never"] as const;
export type ExpiresIn = (typeof EXPIRES_IN)[number];
export const DEFAULT_EXPIRES_IN: ExpiresIn = "30d";

const DAY_MS = 24 * 60 * 60 * 1000;
const LIFETIME_DAYS = { "7d": 7, "30d": 30, "60d": 60, "90d": 90 } as const;

/** The latest expiry a caller may choose: one calendar year from now. */
export function latestExpiry(now: Date): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return latest;
}

/** The expiry of a validated request; null means the token never expires. */
export function tokenExpiry(input: { expires_in?: ExpiresIn; expires_at?: string }, now: Date): Date | null {
  if (input.expires_at !== undefined) return new Date(input.expires_at);
  const choice = input.expires_in ?? DEFAULT_EXPIRES_IN;
  return choice === "never" ? null : new Date(now.getTime() + LIFETIME_DAYS[choice] * DAY_MS);
}
