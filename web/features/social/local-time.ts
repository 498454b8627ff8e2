import { localToInstant, parseLocal, wallClock } from "../../../worker/lib/zoned-time";

/**
 * An instant as a `datetime-local` input shows it in the workspace's zone
 * (`YYYY-MM-DDTHH:MM`): the same wall-clock text the composer sends and the server reads there.
 */
export function toLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return "";
  return new Date(wallClock(new Date(iso).getTime(), timeZone)).toISOString().slice(0, 16);
}

/**
 * The instant a `datetime-local` value names in the zone, by the server's own rules: the
 * earlier one when the clocks go back, null when they skip it (or the text is no time).
 */
export function fromLocalInput(text: string, timeZone: string): Date | null {
  const local = parseLocal(text);
  return local ? localToInstant(local, timeZone) : null;
}
