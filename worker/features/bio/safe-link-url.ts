// The one check every link URL passes, on the way in (API) and on the way out (the
// renderer, for rows written before these rules or imported from elsewhere).
// Pure: the SPA's preview runs it too.

/** The schemes a visitor may be sent to. Everything else — javascript:, data:, vbscript:, file: … — is refused. */
export const LINK_SCHEMES = ["https:", "http:", "mailto:", "tel:"] as const;

/**
 * The URL as the browser would resolve it, or null when it is not an absolute URL of
 * an allowed scheme. The WHATWG parser does what a browser does before it picks the
 * scheme — strips leading/trailing control characters and spaces, drops tabs and
 * newlines anywhere, lower-cases the scheme — so `JaVa\tScRiPt:`, ` javascript:` and
 * `java\nscript:` are judged by the scheme the browser would really use. Entity and
 * percent spellings (`&#106;avascript:`, `javascript%3A`) are not schemes at all: they
 * fail as relative URLs, and relative URLs are refused.
 */
export function safeLinkUrl(raw: string): string | null {
  if (typeof raw !== "string" || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!(LINK_SCHEMES as readonly string[]).includes(url.protocol)) return null;
  if ((url.protocol === "https:" || url.protocol === "http:") && !url.hostname) return null;
  if (url.username || url.password) return null; // https://bank.example@evil.example/ misleads people
  return url.href;
}
