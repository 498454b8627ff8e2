import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium, headless. The flags keep it from reaching the network on its own
 * (updates, sync, field trials), so a test run only talks to the local worker.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}
