export type Device = { label: string; mobile: boolean };

const BROWSERS: [RegExp, string][] = [
  [/Edg(A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Version\/[\d.]+.*Safari\//, "Safari"],
  [/^curl\//, "curl"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPod/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

/**
 * "Chrome on macOS" from a User-Agent header: enough for someone to recognise their own
 * devices in a list. It is a hint, not an identity: any client can send any header.
 */
export function describeUserAgent(userAgent: string | null): Device {
  if (!userAgent) return { label: "Unknown device", mobile: false };
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const mobile = /Mobi|iPhone|iPod|Android(?!.*Tablet)/.test(userAgent);
  const label =
    browser && system ? `${browser} on ${system}` : (browser ?? system ?? userAgent.split(/[\s/]/)[0] ?? "Unknown");
  return { label, mobile };
}
