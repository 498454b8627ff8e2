// When a post goes out: an instant (ISO with offset) as given, or a wall-clock time
// read in the workspace's time zone. A time the zone skips (clocks going forward)
// is refused with a message instead of quietly moving the post, and so is a time
// beyond the schedule's horizon.
import { AppError } from "../../lib/errors";
import { isStorable } from "../../lib/storable-time";
import { localToInstant, parseLocal } from "../../lib/zoned-time";
import { latestSchedule } from "./schedule-horizon";

export function resolveSchedule(value: string, timeZone: string, now = new Date()): Date {
  const at = instantOf(value, timeZone);
  if (at.getTime() > latestSchedule(now).getTime()) {
    throw new AppError("validation_failed", "Choose a time at most two years ahead.", [
      { path: "scheduled_at", message: "More than two years ahead.", code: "custom" },
    ]);
  }
  if (!isStorable(at.getTime())) {
    throw new AppError("validation_failed", "Choose a time between 1970 and 2037.", [
      { path: "scheduled_at", message: "Outside 1970–2037.", code: "custom" },
    ]);
  }
  return at;
}

function instantOf(value: string, timeZone: string): Date {
  const local = parseLocal(value);
  if (local) {
    const instant = localToInstant(local, timeZone);
    if (!instant) {
      throw new AppError(
        "validation_failed",
        `${value} does not exist in ${timeZone}: the clocks skip it. Choose another time.`,
        [
          {
            path: "scheduled_at",
            message: `${value} does not exist in ${timeZone} (daylight saving).`,
            code: "custom",
          },
        ],
      );
    }
    return instant;
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) {
    throw new AppError("validation_failed", "Give scheduled_at as an ISO time with offset, or YYYY-MM-DDTHH:MM.", [
      {
        path: "scheduled_at",
        message: "Use 2026-03-29T09:30 (workspace time) or an ISO time with offset.",
        code: "custom",
      },
    ]);
  }
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** A scheduled time must not be in the past (a minute of grace for the time it took to press the button). */
export function assertFuture(at: Date, now = new Date()) {
  if (at.getTime() < now.getTime() - 60_000) {
    throw new AppError("validation_failed", "Choose a time in the future.", [
      { path: "scheduled_at", message: "This time has passed.", code: "custom" },
    ]);
  }
}
