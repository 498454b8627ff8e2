/**
 * Whether the runtime knows this IANA time zone. Settings are checked with it on the way
 * in, and again on the way out: a stored zone may predate the check (an imported
 * workspace), and one the runtime does not know makes every date format throw.
 */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
