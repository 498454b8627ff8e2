import type { NewToken } from "./tokens-store";

export type ExpiryPreset = NonNullable<NewToken["expires_in"]>;
export type ExpiryChoice = ExpiryPreset | "custom";

export const EXPIRY_CHOICES: readonly { value: ExpiryChoice; label: string }[] = [
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "60d", label: "60 days" },
  { value: "90d", label: "90 days" },
  { value: "never", label: "No expiry" },
  { value: "custom", label: "Custom date" },
];

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/**
 * The days a custom expiry may fall on: from tomorrow to a day short of a year ahead. The
 * API refuses anything past one year from now, and a chosen day ends at local midnight.
 */
export function customExpiryBounds(now: Date = new Date()): { min: string; max: string } {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  const latest = new Date(now);
  latest.setFullYear(latest.getFullYear() + 1);
  latest.setDate(latest.getDate() - 1);
  return { min: isoDay(tomorrow), max: isoDay(latest) };
}

/** A chosen day ("2026-07-01") as the last second of that day where the person is, in ISO 8601. */
export function endOfDay(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  if (y === undefined || m === undefined || d === undefined) return null;
  return new Date(y, m - 1, d, 23, 59, 59).toISOString();
}
