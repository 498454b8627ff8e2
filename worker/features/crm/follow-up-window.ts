import type { WorkspaceClock } from "../../lib/workspace-clock";
import { addDays, startOfZonedDay, weekdayOf, zonedDay } from "../../lib/zoned-time";

export const FOLLOW_UP_WINDOWS = ["overdue", "today", "due", "this_week"] as const;
export type FollowUpWindow = (typeof FOLLOW_UP_WINDOWS)[number];

/** A half-open range of instants: from (inclusive) before (exclusive); an open end is absent. */
export type InstantRange = { from?: Date; before?: Date };

/**
 * The next_follow_up range a window names, by the workspace's calendar: `overdue` is
 * before today began, `today` is today's whole day, `due` is both, and `this_week`
 * is from today up to the start of the next week (the workspace's first weekday).
 */
export function followUpWindow(window: FollowUpWindow, clock: WorkspaceClock): InstantRange {
  const today = zonedDay(clock.now, clock.timeZone);
  const startOf = (days: number) => startOfZonedDay(addDays(today, days), clock.timeZone);
  switch (window) {
    case "overdue":
      return { before: startOf(0) };
    case "today":
      return { from: startOf(0), before: startOf(1) };
    case "due":
      return { before: startOf(1) };
    case "this_week": {
      const firstWeekday = clock.weekStartsOn === "sunday" ? 0 : 1;
      const untilNextWeek = (firstWeekday - weekdayOf(today) + 7) % 7 || 7;
      return { from: startOf(0), before: startOf(untilNextWeek) };
    }
  }
}
