import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

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

/**
 * One Chromium for the tests of a describe block, and the contexts they open (`keep`),
 * all closed after the block.
 */
export function sharedBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error("the browser starts in beforeAll");
      return browser;
    },
    keep: (...opened: BrowserContext[]) => {
      contexts.push(...opened);
    },
  };
}
