// Link-in-bio pages in Chromium against the real worker: a page built in the builder,
// opened by a visitor, a link clicked, the click in the builder's chart; and a page
// full of XSS vectors that must run no script.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { CSS_ATTACKS } from "../bio/css-corpus";
import { TEXT_ATTACKS } from "../bio/xss-corpus";
import { launchBrowser } from "./browser";
import { signUpByApi } from "./sign-up-by-api";
import { createWorkspaceByApi, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");
/** A real 2×2 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

describe("link-in-bio pages in the browser", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(pageErrors).toEqual([]);
    pageErrors = [];
  });

  const open = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await newVisitor(browser, { width: 1400, height: 1000 });
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    return { context, page };
  };

  it("builds a page, a visitor opens it and clicks a link, and the click shows in the chart", async () => {
    const { context, page } = await open();
    await signUpByApi(appUrl, { context, name: "Maya Chen" });
    const workspace = await createWorkspaceByApi(appUrl, context, `Studio ${suffix()}`);
    const slug = `maya-${suffix()}`;

    await page.goto(`${appUrl}/app/w/${workspace.id}/bio`);
    await page.getByLabel("Page title").fill("Maya Chen");
    await page.getByLabel("Page address").fill(slug);
    await page.getByRole("button", { name: "New page" }).click();
    await page.getByTestId("bio-editor").waitFor();

    await page.getByTestId("bio-add-link").click();
    await page.getByTestId("bio-link-title").fill("My print shop");
    await page.getByTestId("bio-link-url").fill("https://shop.example/prints");
    // A second link, dragged above the first.
    await page.getByTestId("bio-add-link").click();
    await page.getByTestId("bio-link-title").nth(1).fill("Newsletter");
    await page.getByTestId("bio-link-url").nth(1).fill("https://news.example/");
    await page.getByTestId("bio-link-row").nth(1).dragTo(page.getByTestId("bio-link-row").nth(0));
    await expect.poll(() => page.getByTestId("bio-link-title").nth(0).inputValue()).toBe("Newsletter");
    await page.getByTestId("bio-published").check();
    // The preview is the public renderer, on the draft, before anything is saved.
    const preview = page.frameLocator('[data-testid="bio-preview"]');
    await preview.getByRole("link", { name: "My print shop" }).waitFor();
    expect(await preview.locator(".bio-link").allTextContents()).toEqual(["Newsletter", "My print shop"]);
    await page.getByTestId("bio-save").click();
    await expect.poll(() => page.getByTestId("bio-save-message").textContent()).toContain("Saved");

    // A profile picture, framed in the cropper, drawn to a canvas and uploaded as WebP.
    await page.getByTestId("bio-avatar-upload").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
    await page.getByTestId("bio-crop-done").click();
    await preview.locator("img.bio-avatar").waitFor({ state: "attached" });
    expect(await preview.locator("img.bio-avatar").getAttribute("src")).toMatch(/^\/bio-media\/.+\.webp$/);

    // A phone's browser: headless Chromium names itself HeadlessChrome, which the counters leave out as a bot.
    const visitorContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram",
      extraHTTPHeaders: { "CF-Connecting-IP": "203.0.113.50" },
    });
    contexts.push(visitorContext);
    const visitor = { context: visitorContext, page: await visitorContext.newPage() };
    visitor.page.on("pageerror", (error) => pageErrors.push(error.message));
    // The link leads off-site; the visitor's browser is answered locally instead of by the internet.
    await visitor.page.route("https://shop.example/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>Shop</title>arrived" }),
    );
    await visitor.page.goto(`${appUrl}/${slug}`);
    await visitor.page.getByRole("heading", { name: "Maya Chen" }).waitFor();
    // The uploaded picture loads from the worker, under the page's CSP.
    await expect
      .poll(() => visitor.page.locator("img.bio-avatar").evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(512);
    await visitor.page.getByRole("link", { name: "My print shop" }).click();
    await visitor.page.waitForURL("https://shop.example/prints");

    // Reading the analytics writes the pending counts first: the click is there.
    await expect
      .poll(
        async () => {
          await page.getByTestId("bio-analytics-refresh").click();
          return page.getByTestId("bio-total-clicks").textContent();
        },
        { timeout: 15_000 },
      )
      .toBe("1");
    expect(await page.getByTestId("bio-total-views").textContent()).toBe("1");
    await expect
      .poll(() => page.getByTestId("bio-link-bars").getByTestId("bio-bar-value").first().textContent())
      .toBe("1");
  });

  it("runs no script on a page made of XSS vectors", async () => {
    const { context, page } = await open();
    await signUpByApi(appUrl, { context, name: "Mallory" });
    const workspace = await createWorkspaceByApi(appUrl, context, `Evil ${suffix()}`);
    const slug = `xss-${suffix()}`;
    const response = await context.request.post(`${appUrl}/api/v1/workspaces/${workspace.id}/bio-pages`, {
      data: {
        title: TEXT_ATTACKS.join(" ").slice(0, 255),
        slug,
        is_active: true,
        bio: TEXT_ATTACKS.join("\n").slice(0, 1000),
        seo_title: TEXT_ATTACKS[0],
        seo_description: TEXT_ATTACKS[3],
        links: TEXT_ATTACKS.map((title) => ({
          title: title.slice(0, 120),
          url: "https://example.com/",
          icon: title.slice(0, 16),
        })),
        custom_css: CSS_ATTACKS.join("\n").slice(0, 20_000),
      },
    });
    expect(response.status()).toBe(201);

    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(appUrl)) outside.push(request.url());
    });
    await page.goto(`${appUrl}/${slug}`);
    await page.getByRole("navigation", { name: "Links" }).waitFor();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll("iframe, object, embed, svg, math, base").length)).toBe(
      0,
    );
    // Every hostile title is on the page as text.
    expect(await page.locator(".bio-link").count()).toBe(TEXT_ATTACKS.length);
  });
});
