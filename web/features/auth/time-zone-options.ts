export type TimeZoneOption = { zone: string; label: string };
export type TimeZoneGroup = { region: string; zones: TimeZoneOption[] };

/** "GMT+5:30" for a zone right now; empty when the browser cannot say. */
function offsetOf(zone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(at);
    return parts.find((part) => part.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

const labelOf = (zone: string, at: Date) => {
  const offset = offsetOf(zone, at);
  const name = zone.replaceAll("_", " ");
  return offset ? `${name} (${offset})` : name;
};

let cached: TimeZoneGroup[] | null = null;

/**
 * Every IANA zone the browser knows, grouped by region for a long <select>. `extra` adds
 * zones the list may lack (a saved zone older browsers do not list, or UTC).
 */
export function timeZoneGroups(extra: string[]): TimeZoneGroup[] {
  const now = new Date();
  if (!cached) {
    const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    const byRegion = new Map<string, TimeZoneOption[]>();
    for (const zone of zones) {
      const region = zone.includes("/") ? (zone.split("/")[0] ?? "Other") : "Other";
      const list = byRegion.get(region) ?? [];
      list.push({ zone, label: labelOf(zone, now) });
      byRegion.set(region, list);
    }
    cached = [...byRegion].map(([region, list]) => ({ region, zones: list }));
  }
  const known = new Set(cached.flatMap((group) => group.zones.map((option) => option.zone)));
  const missing = [...new Set(["UTC", ...extra])].filter((zone) => zone && !known.has(zone));
  if (missing.length === 0) return cached;
  return [{ region: "Other", zones: missing.map((zone) => ({ zone, label: labelOf(zone, now) })) }, ...cached];
}
