import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signUpByApi } from "./sign-up-by-api";
import { createWorkspaceByApi } from "./workspace-by-api";

const appUrl = inject("appUrl");

describe("the app shell", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** The modules live below the workspace's own address, /app/w/{id}/… */
  let home: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Every page of the shell is for someone signed in: this context carries their session.
    await signUpByApi(appUrl, { context, name: "Shell Tester" });
    const workspace = await createWorkspaceByApi(appUrl, context, "Shell Studio");
    home = `${appUrl}/app/w/${workspace.id}`;
  });

  beforeEach(async () => {
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("opens on the dashboard with the navigation and a healthy API on sqlite", async () => {
    await page.goto(`${appUrl}/app/`);

    const nav = page.getByRole("navigation", { name: "Modules" });
    for (const label of ["Dashboard", "Link in bio", "Social", "Email", "CRM", "Courses", "Store", "Settings"]) {
      await nav.getByRole("link", { name: label, exact: true }).waitFor();
    }
    expect(await nav.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).toBe("page");

    const health = page.getByTestId("api-health");
    await health.waitFor();
    const text = await health.textContent();
    expect(text).toContain("API: ok");
    expect(text).toContain("database sqlite");
    expect(text).toMatch(/\d+ ms/);
    expect(await page.title()).toBe("Dashboard · Mewayz");
  });

  it("moves to a module from the sidebar without reloading, and serves the same page on a reload", async () => {
    await page.goto(`${appUrl}/app/`);
    await page.getByTestId("api-health").waitFor();
    // A client-side route changes the URL without loading a document.
    let loads = 0;
    page.on("load", () => {
      loads += 1;
    });

    await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "CRM" }).click();
    await page.waitForURL(`${home}/crm`);
    await page.getByText("Bring in your contacts").waitFor();
    expect(loads).toBe(0);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("CRM");

    const reloaded = await page.reload();
    expect(reloaded?.status()).toBe(200);
    await page.getByText("Bring in your contacts").waitFor();
    expect(loads).toBe(1);
    const crmLink = page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "CRM" });
    expect(await crmLink.getAttribute("aria-current")).toBe("page");
  });

  it("lets the contact table and the calendar use a large screen, and keeps forms at a readable width", async () => {
    await page.setViewportSize({ width: 1920, height: 900 });
    const contentWidth = async (path: string) => {
      await page.goto(`${home}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      return (await page.locator("#content").boundingBox())?.width ?? 0;
    };
    const settings = await contentWidth("/settings");
    const crm = await contentWidth("/crm");
    const social = await contentWidth("/social");
    expect(settings).toBeLessThanOrEqual(1040);
    expect(crm).toBeGreaterThan(1400);
    expect(social).toBe(crm);
  });

  it("serves hashed assets with a year-long immutable cache", async () => {
    const shell = await fetch(`${appUrl}/app/`);
    expect(shell.status).toBe(200);
    const html = await shell.text();
    const asset = html.match(/\/app\/assets\/[\w.-]+\.js/)?.[0];
    expect(asset, "index.html links a hashed script").toBeDefined();

    const response = await fetch(`${appUrl}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(response.headers.get("cache-control")).toContain("max-age=31536000");
  });

  it("shows its own not-found page for an unknown client route", async () => {
    const response = await page.goto(`${appUrl}/app/does-not-exist`);
    expect(response?.status()).toBe(200);
    await page.getByTestId("not-found").waitFor();
    expect(await page.getByText("We couldn't find that page").isVisible()).toBe(true);
    // The way back works.
    await page.getByRole("link", { name: "Go to the dashboard" }).click();
    await page.waitForURL(home);
    await page.getByTestId("api-health").waitFor();
  });

  it("shows the API's message when the health check fails, and recovers on retry", async () => {
    const message = "Something went wrong on our side. Please try again.";
    await page.route("**/api/health", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "internal_error", message, details: null } }),
      }),
    );
    await page.goto(`${appUrl}/app/`);
    const alert = page.getByRole("alert");
    await alert.getByText(message).waitFor();
    await page.screenshot({ path: "/tmp/app-shell-error.png" });

    await page.unroute("**/api/health");
    await alert.getByRole("button", { name: "Try again" }).click();
    expect(await page.getByTestId("api-health").textContent()).toContain("API: ok");
  });

  it("runs without errors in the page, and leaves a screenshot to look at", async () => {
    await page.goto(`${appUrl}/app/`);
    await page.getByTestId("api-health").waitFor();
    await page.screenshot({ path: "/tmp/app-shell.png", fullPage: true });

    // The narrow layout, where the sidebar becomes a top bar.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${home}/crm`);
    await page.getByText("Bring in your contacts").waitFor();
    await page.screenshot({ path: "/tmp/app-shell-narrow.png", fullPage: true });

    expect(pageErrors).toEqual([]);
  });
});
