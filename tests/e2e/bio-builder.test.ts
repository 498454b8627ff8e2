// Link-in-bio pages in Chromium against the real worker: a page built in the builder,
// opened by a visitor, a link clicked, the click in the builder's chart; two teammates
// in one page's builder, each seeing the other and the bio as the other types it; and a
// page full of XSS vectors that must run no script.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { CSS_ATTACKS } from "../bio/css-corpus";
import { TEXT_ATTACKS } from "../bio/xss-corpus";
import { launchBrowser } from "./browser";
import { signUpByApi } from "./sign-up-by-api";
import { confirmEmailByApi, createWorkspaceByApi, joinByInviteLink, newVisitor } from "./workspace-by-api";

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

  it("shows two teammates in one builder to each other, and the bio one types in the other's tab", async () => {
    const ada = await open();
    await signUpByApi(appUrl, { context: ada.context, name: "Ada Lovelace" });
    const grace = await open();
    const { email } = await signUpByApi(appUrl, { context: grace.context, name: "Grace Hopper" });
    await confirmEmailByApi(appUrl, grace.context, email);
    const workspace = await createWorkspaceByApi(appUrl, ada.context, `Engines ${suffix()}`);
    await joinByInviteLink(appUrl, ada.context, grace.context, workspace.id, "editor");
    const created = await ada.context.request.post(`${appUrl}/api/v1/workspaces/${workspace.id}/bio-pages`, {
      data: { title: "Analytical Engines", slug: `engines-${suffix()}`, bio: "Poetical science." },
    });
    expect(created.status()).toBe(201);
    const { id: pageId } = (await created.json()) as { id: string };

    for (const p of [ada, grace]) {
      await p.page.goto(`${appUrl}/app/w/${workspace.id}/bio?page=${pageId}`);
      await p.page.getByTestId("bio-editor").waitFor();
      await p.page.getByTestId("collab-status").filter({ hasText: "Saved as you type." }).waitFor();
    }
    // Each sees that the other has this page open.
    const badge = (p: { page: Page }) => p.page.getByTestId("bio-editor").getByTestId("presence-badge").first();
    await badge(ada).filter({ hasText: "Grace Hopper also here" }).waitFor();
    await badge(grace).filter({ hasText: "Ada Lovelace also here" }).waitFor();

    // Ada types at the end of the bio; Grace's tab has the text, and knows who is typing where.
    const adaBio = ada.page.locator("#bio-text");
    const graceBio = grace.page.locator("#bio-text");
    expect(await graceBio.inputValue()).toBe("Poetical science.");
    await adaBio.click();
    await ada.page.keyboard.press("End");
    await ada.page.keyboard.type(" Engines weave algebra.");
    await expect.poll(() => graceBio.inputValue()).toBe("Poetical science. Engines weave algebra.");
    await badge(grace).filter({ hasText: "Ada Lovelace is editing" }).waitFor();
    // Grace's preview shows the bio as it is typed, before it is written back.
    await expect
      .poll(() => grace.page.frameLocator('[data-testid="bio-preview"]').locator(".bio-text").textContent())
      .toBe("Poetical science. Engines weave algebra.");
    expect(await grace.page.getByTestId("collab-peers").textContent()).toContain("Ada Lovelace is here");
    await expect.poll(() => grace.page.getByTestId("collab-count").textContent()).toBe("40 / 1,000");

    // Grace answers from her tab, at the start; Ada's tab gets it without losing her place.
    await graceBio.click();
    await grace.page.keyboard.press("Control+Home");
    await grace.page.keyboard.type("Notes: ");
    await expect.poll(() => adaBio.inputValue()).toBe("Notes: Poetical science. Engines weave algebra.");
    await ada.page.getByTestId("collab-peers").filter({ hasText: "Grace Hopper is here" }).waitFor();

    // The bio holds 1,000 characters in the builder as in the API: a long paste stops at the limit, in both tabs.
    await grace.page.keyboard.press("Control+End");
    await grace.page.keyboard.insertText("x".repeat(1200));
    await expect.poll(() => graceBio.inputValue().then((v) => v.length)).toBe(1000);
    expect(await grace.page.getByTestId("collab-count").textContent()).toBe("1,000 / 1,000");
    await expect.poll(() => adaBio.inputValue().then((v) => v.length)).toBe(1000);
    await ada.page.keyboard.type("more");
    expect((await adaBio.inputValue()).length).toBe(1000);
    // And what the tabs show is what the page keeps.
    await expect
      .poll(
        async () => {
          const res = await ada.context.request.get(`${appUrl}/api/v1/workspaces/${workspace.id}/bio-pages/${pageId}`);
          return ((await res.json()) as { bio: string | null }).bio;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(await graceBio.inputValue());
    await grace.page.getByTestId("collab-count").scrollIntoViewIfNeeded();
    await grace.page.screenshot({ path: "/tmp/bio-builder-together.png" });
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
