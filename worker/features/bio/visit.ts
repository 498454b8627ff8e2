// What the counters keep about one page view or click. The IP address and browser are
// passed along only to be hashed with the day's salt; they are never stored.

export type Visit = {
  ip: string;
  userAgent: string;
  /** The referring site's host, "direct" without one. */
  referrer: string;
  /** ISO country code from Cloudflare, "XX" when unknown. */
  country: string;
  device: "mobile" | "tablet" | "desktop" | "unknown";
};

const BOT = /bot|crawl|spider|slurp|facebookexternalhit|preview|headless|monitor/i;

/** A crawler or link unfurler: not a person, not counted. */
export const isBot = (userAgent: string) => BOT.test(userAgent);

function deviceOf(userAgent: string): Visit["device"] {
  if (!userAgent) return "unknown";
  if (/ipad|tablet|kindle|silk|playbook|(android(?!.*mobile))/i.test(userAgent)) return "tablet";
  if (/mobi|iphone|ipod|android|blackberry|opera mini|iemobile/i.test(userAgent)) return "mobile";
  return "desktop";
}

function referrerOf(header: string | undefined, ownHost: string): string {
  if (!header) return "direct";
  try {
    const host = new URL(header).hostname.toLowerCase().replace(/^www\./, "");
    if (!host || host === ownHost.replace(/^www\./, "")) return "direct";
    return host.slice(0, 255);
  } catch {
    return "direct";
  }
}

export function visitOf(request: Request): Visit {
  const userAgent = (request.headers.get("User-Agent") ?? "").slice(0, 512);
  const cf = (request as Request & { cf?: { country?: unknown } }).cf;
  const country = typeof cf?.country === "string" && /^[A-Z]{2}$/.test(cf.country) ? cf.country : "XX";
  return {
    ip: request.headers.get("CF-Connecting-IP") ?? "",
    userAgent,
    referrer: referrerOf(request.headers.get("Referer") ?? undefined, new URL(request.url).hostname),
    country,
    device: deviceOf(userAgent),
  };
}
