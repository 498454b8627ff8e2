const DAY_MS = 24 * 60 * 60 * 1000;

/** `date` moved by whole days (negative for the past); demo dates are relative to the moment of seeding. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
