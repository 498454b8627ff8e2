// The headers every public bio response carries: a Content-Security-Policy that allows
// no script at all and only the page's own stylesheet (by hash), no framing, no sniffing.

/** Stylesheets' hashes, remembered: most edits change a page's text, not its look, so the next render reuses it. */
const hashes = new Map<string, string>();
const HASHES_MAX = 100;

async function styleHash(style: string): Promise<string> {
  const known = hashes.get(style);
  if (known) return known;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style));
  const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
  if (hashes.size >= HASHES_MAX) hashes.delete(hashes.keys().next().value as string);
  hashes.set(style, hash);
  return hash;
}

export async function publicPageHeaders(style: string): Promise<Record<string, string>> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": `default-src 'none'; style-src 'sha256-${await styleHash(style)}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/** What browsers are told: keep a copy, but ask every time (a 304 is cheap), so edits show at once. */
export const VISITOR_CACHE_CONTROL = "public, max-age=0, must-revalidate";
