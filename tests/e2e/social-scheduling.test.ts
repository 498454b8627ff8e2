// Social scheduling in the app against the real worker: connect a sandbox account,
// compose and schedule a post, fire the minute cron, and watch it publish live.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signUpByApi } from "./sign-up-by-api";
import { createWorkspaceByApi, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");

/** A wall-clock time in UTC (the workspace's zone) as a datetime-local input takes it. */
const localUtc = (at: Date) => at.toISOString().slice(0, 16);

describe("social scheduling in the app", () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("connects a sandbox account, schedules a post, and sees the cron publish it", async () => {
    context = await newVisitor(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signUpByApi(appUrl, { context, name: "Sam Scheduler" });
    const workspace = await createWorkspaceByApi(appUrl, context, `Social ${Date.now().toString(36)}`);

    await page.goto(`${appUrl}/app/w/${workspace.id}/social?tab=accounts`);
    await page.getByTestId("sandbox-twitter").click();
    await page.getByTestId("account-row").filter({ hasText: "sandbox_twitter" }).waitFor();

    await page.getByRole("radio", { name: "Compose" }).check();
    await page.getByTestId("pick-sandbox_twitter").check();
    await page.getByTestId("post-content").fill("Hello from the calendar");
    // The counter follows the text, from the same limits table the server checks.
    await expect.poll(() => page.getByTestId("counter-twitter").textContent()).toBe("23 / 280");
    // wrangler dev fires the cron at the real time (it ignores ?time=), so the post is
    // scheduled for the current minute: the API takes a time up to a minute past.
    while (new Date().getUTCSeconds() > 40) await new Promise((r) => setTimeout(r, 1000));
    await page.getByTestId("post-when").fill(localUtc(new Date()));
    await page.getByTestId("schedule-post").click();
    await page.getByTestId("calendar").waitFor();
    const chip = page.getByTestId("calendar-post").filter({ hasText: "Hello from the calendar" });
    await expect.poll(() => chip.getAttribute("data-status")).toBe("scheduled");

    // The minute cron (wrangler dev --test-scheduled).
    const tick = await fetch(`${appUrl}/__scheduled?cron=*+*+*+*+*`);
    expect(tick.status).toBe(200);
    // Published by the queue consumer and announced on the live feed: no reload.
    await expect.poll(() => chip.getAttribute("data-status"), { timeout: 20_000 }).toBe("published");
    expect(errors).toEqual([]);
  });
});
