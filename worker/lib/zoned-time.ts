// Days and wall-clock times in a workspace's time zone, with nothing but Intl: which day
// an instant falls on there, the instant a day starts, and the instant a local time
// happens. A local time like 2026-03-29T02:30 in Europe/Paris does not exist (clocks jump
// from 02:00 to 03:00) and 2026-11-01T01:30 in America/New_York happens twice; both are
// handled explicitly instead of silently shifting by an hour.

export type CalendarDay = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in the zone at an instant, read as if it were UTC (milliseconds). */
export function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The calendar day an instant falls on in the zone. */
export function zonedDay(instant: Date, timeZone: string): CalendarDay {
  const wall = new Date(wallClock(instant.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** A day some days after another (negative: before), across month and year ends. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: CalendarDay) => new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();

/**
 * The instant a day starts in the zone. The zone's offset is read at a first guess and
 * again at the result, which settles days whose offset changes overnight (DST).
 */
export function startOfZonedDay(day: CalendarDay, timeZone: string): Date {
  const midnight = Date.UTC(day.year, day.month - 1, day.day);
  const first = midnight - (wallClock(midnight, timeZone) - midnight);
  const second = midnight - (wallClock(first, timeZone) - first);
  return new Date(second);
}

export type LocalTime = { year: number; month: number; day: number; hour: number; minute: number; second?: number };

/**
 * The instant a wall-clock time happens in the zone: the earlier one when it happens
 * twice (clocks going back), null when it never happens (clocks going forward).
 */
export function localToInstant(local: LocalTime, timeZone: string): Date | null {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  // The zone's offsets a day either side cover both sides of any transition.
  const offsets = new Set([-86_400_000, 0, 86_400_000].map((d) => wallClock(wall + d, timeZone) - (wall + d)));
  const matches = [...offsets].map((offset) => wall - offset).filter((t) => wallClock(t, timeZone) === wall);
  return matches.length ? new Date(Math.min(...matches)) : null;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Parses `YYYY-MM-DDTHH:MM[:SS]` (no offset), the way the composer sends a time picked in the workspace's zone. */
export function parseLocal(text: string): LocalTime | null {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return { year: y, month: mo, day: d, hour: h, minute: mi, second: Number.isNaN(s) ? 0 : s };
}
