/** How far ahead a post can be planned: the composer and the API hold it to the same limit. */
export const SCHEDULE_HORIZON_DAYS = 730;

/** The latest time a post can be scheduled for, seen from `now`. */
export const latestSchedule = (now: Date) => new Date(now.getTime() + SCHEDULE_HORIZON_DAYS * 86_400_000);
