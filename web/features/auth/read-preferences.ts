import type { ProfileChanges } from "./session-store";

type Stored = NonNullable<ProfileChanges["preferences"]>;
export type Notifications = Required<NonNullable<Stored["email_notifications"]>>;
export type Preferences = Required<Omit<Stored, "email_notifications">> & { email_notifications: Notifications };
export type Theme = Preferences["theme"];

export const THEMES: readonly Theme[] = ["light", "dark", "system"];
export const DATE_FORMATS: readonly Preferences["date_format"][] = ["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY"];
export const WEEK_STARTS: readonly Preferences["week_starts_on"][] = ["monday", "sunday"];
export const NOTIFICATIONS: readonly (keyof Notifications)[] = ["mentions", "weekly_digest", "product_updates"];

/** The zone this browser runs in, which is the best guess for someone who has not chosen one. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** The browser's language in the shape the API accepts (en, en-GB); "zh-Hans-CN" falls back to "zh". */
export function browserLocale(): string {
  const language = navigator.language || "en";
  if (/^[a-z]{2,3}(-[A-Z]{2})?$/.test(language)) return language;
  const primary = language.split("-")[0]?.toLowerCase() ?? "en";
  return /^[a-z]{2,3}$/.test(primary) ? primary : "en";
}

const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.find((a) => a === value) ?? fallback;

const text = (value: unknown, fallback: string) => (typeof value === "string" && value ? value : fallback);

/**
 * A user's stored preferences with a default for anything never chosen. The API keeps
 * preferences as free JSON (older rows may hold anything), so each value is checked here.
 */
export function readPreferences(stored: Record<string, unknown>): Preferences {
  const mail =
    typeof stored.email_notifications === "object" && stored.email_notifications !== null
      ? (stored.email_notifications as Record<string, unknown>)
      : {};
  const flag = (key: keyof Notifications) => (typeof mail[key] === "boolean" ? mail[key] : true);
  return {
    theme: pick(stored.theme, THEMES, "system"),
    locale: text(stored.locale, browserLocale()),
    timezone: text(stored.timezone, browserTimeZone()),
    date_format: pick(stored.date_format, DATE_FORMATS, "YYYY-MM-DD"),
    week_starts_on: pick(stored.week_starts_on, WEEK_STARTS, "monday"),
    email_notifications: {
      mentions: flag("mentions"),
      weekly_digest: flag("weekly_digest"),
      product_updates: flag("product_updates"),
    },
  };
}
