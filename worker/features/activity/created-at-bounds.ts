import { z } from "@hono/zod-openapi";

const DAY_MS = 86_400_000;
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const isDateOnly = (value: string) => isoDate.safeParse(value).success;

/** A `from` or `to` query value: a plain date, or a date-time with its zone. */
export const instantField = z
  .string()
  .trim()
  .max(64)
  .refine(
    (value) => isDateOnly(value) || isoDateTime.safeParse(value).success,
    "Use an ISO 8601 date such as 2025-01-31 or 2025-01-31T09:00:00Z.",
  );

/**
 * The instants a `from`/`to` pair names. A plain date starts at midnight UTC, and a
 * plain `to` date covers its whole day, so `before` (exclusive) is the next midnight.
 */
export function createdAtBounds(filter: { from?: string | undefined; to?: string | undefined }) {
  const from = filter.from ? new Date(filter.from) : undefined;
  const to = filter.to ? new Date(filter.to) : undefined;
  let before: Date | undefined;
  if (filter.to && to) {
    // Stored times have whole seconds, so "up to and including 09:00:00.500" is "before 09:00:01".
    before = isDateOnly(filter.to)
      ? new Date(to.getTime() + DAY_MS)
      : new Date(Math.floor(to.getTime() / 1000) * 1000 + 1000);
  }
  return { from, to, before };
}
