// Link-in-bio pages in Chromium against the real worker: a page built in the builder,
// opened by a visitor, a link clicked, the click in the builder's chart; two teammates
// in one page's builder, each seeing the other and the bio as the other types it; and a
// page full of XSS vectors that must run no script.
import type { Browser, BrowserContext, Page } from "playwright-core";
import qrcode from "qrcode-generator";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { CSS_ATTACKS } from "../bio/css-corpus";
import { TEXT_ATTACKS } from "../bio/xss-corpus";
import { publishTxtRecord } from "../fakes/fake-dns-client";
import { launchBrowser } from "./browser";
import { signUpByApi } from "./sign-up-by-api";
import { confirmEmailByApi, createWorkspaceByApi, joinByInviteLink, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");
/** A real 2×2 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);
const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram";
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

  /** A signed-in owner with a workspace and a published page made through the API, its builder open. */
  const builderFor = async (fields: Record<string, unknown> = {}) => {
    const { context, page } = await open();
    await signUpByApi(appUrl, { context, name: "Maya Chen" });
    const workspace = await createWorkspaceByApi(appUrl, context, `Studio ${suffix()}`);
    const slug = `maya-${suffix()}`;
    const api = `${appUrl}/api/v1/workspaces/${workspace.id}/bio-pages`;
    const created = await context.request.post(api, {
      data: {
        title: "Maya Chen",
        slug,
        is_active: true,
        links: [{ title: "Shop", url: "https://shop.example/" }],
        ...fields,
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`${appUrl}/app/w/${workspace.id}/bio?page=${id}`);
    await page.getByTestId("bio-editor").waitFor();
    return { context, page, workspace, slug, id, api: `${api}/${id}` };
  };
  const saveAndWait = async (page: Page) => {
    await page.getByTestId("bio-save").click();
    await expect.poll(() => page.getByTestId("bio-save-message").textContent()).toContain("Saved");
  };

  it("shares the page: a QR code of its public address, a copy button, and the CSS sanitiser's warnings", async () => {
    const { context, page, slug } = await builderFor();
    const publicUrl = `${appUrl}/${slug}`;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: appUrl });

    // The address next to the QR code, and the QR code's modules are exactly those of that address.
    expect(await page.getByTestId("bio-public-link").textContent()).toBe(publicUrl);
    const qr = page.getByTestId("bio-qr");
    expect(await qr.getAttribute("aria-label")).toBe(`QR code of ${publicUrl}`);
    const drawn = await qr
      .locator("rect")
      .evaluateAll((rects) =>
        rects.map((r) => `${r.getAttribute("x")},${r.getAttribute("y")}`).filter((xy) => !xy.startsWith("-")),
      );
    const expected = qrcode(0, "M");
    expected.addData(publicUrl);
    expected.make();
    const dark: string[] = [];
    for (let y = 0; y < expected.getModuleCount(); y++) {
      for (let x = 0; x < expected.getModuleCount(); x++) if (expected.isDark(y, x)) dark.push(`${x},${y}`);
    }
    expect(drawn.length).toBeGreaterThan(100);
    expect(new Set(drawn)).toEqual(new Set(dark));

    await page.getByTestId("bio-copy-link").click();
    await expect.poll(() => page.getByTestId("bio-copy-link").textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(publicUrl);

    // Custom CSS: what the sanitiser drops is named, with its line; the preview keeps only the rest.
    await page
      .getByTestId("bio-css")
      .fill(
        '.bio-link { color: #ff0000 }\n@import url("https://evil.example/x.css");\n.bio-link { background: url(https://evil.example/a.png) }',
      );
    await expect.poll(() => page.getByTestId("bio-css-warning").count()).toBeGreaterThanOrEqual(2);
    const warnings = await page.getByTestId("bio-css-warning").allTextContents();
    expect(warnings.some((w) => w.includes("Line 2") && w.includes("@import is not allowed"))).toBe(true);
    expect(warnings.some((w) => w.includes("Line 3") && w.includes("left out"))).toBe(true);
    const previewStyle = () =>
      page
        .frameLocator('[data-testid="bio-preview"]')
        .locator("style")
        .evaluate((style) => style.textContent ?? "");
    await expect.poll(previewStyle).toContain("#ff0000");
    expect(await previewStyle()).not.toContain("evil.example");
  });

  it("proves a custom domain from the builder: the TXT record to create, Verify says why not, then verified", async () => {
    const { page, context, api } = await builderFor();
    const domain = `links-${suffix()}.example.net`;
    await page.getByTestId("bio-domain-input").fill(domain.toUpperCase());
    await saveAndWait(page);
    const { custom_domain_token: token } = (await (await context.request.get(api)).json()) as {
      custom_domain_token: string;
    };
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(await page.getByTestId("bio-domain-input").inputValue()).toBe(domain);
    expect(await page.getByTestId("bio-domain-status").textContent()).toBe("Not verified");
    expect(await page.getByTestId("bio-domain-record-name").textContent()).toBe(`_mewayz.${domain}`);
    expect(await page.getByTestId("bio-domain-record-value").textContent()).toBe(`mewayz-verify=${token}`);

    await page.getByTestId("bio-domain-verify").click();
    await page.getByTestId("bio-domain-outcome").waitFor();
    const notYet = (await page.getByTestId("bio-domain-outcome").textContent()) ?? "";
    expect(notYet).toContain("Not verified yet");
    expect(notYet).toContain(`_mewayz.${domain}`);
    expect(notYet).toContain(`mewayz-verify=${token}`);

    await publishTxtRecord(inject("fakeDnsUrl"), `_mewayz.${domain}`, `mewayz-verify=${token}`);
    await page.getByTestId("bio-domain-verify").click();
    await expect.poll(() => page.getByTestId("bio-domain-outcome").textContent()).toContain("Verified");
    expect(await page.getByTestId("bio-domain-status").textContent()).toBe("Verified");
    expect(
      ((await (await context.request.get(api)).json()) as { custom_domain_verified: boolean }).custom_domain_verified,
    ).toBe(true);
    // A save after verifying keeps the domain verified (the etag followed the verification).
    await page.getByTestId("bio-title").fill("Maya Chen · prints");
    await saveAndWait(page);
    expect(await page.getByTestId("bio-domain-status").textContent()).toBe("Verified");
  });

  it("chooses the analytics range, up to 90 days", async () => {
    const { page, slug } = await builderFor();
    const phone = await browser.newContext({
      userAgent: PHONE,
      extraHTTPHeaders: { "CF-Connecting-IP": "203.0.113.61" },
    });
    contexts.push(phone);
    expect((await phone.request.get(`${appUrl}/${slug}`)).status()).toBe(200);
    const views = () => page.getByTestId("bio-total-views").textContent();
    await expect
      .poll(
        async () => {
          await page.getByTestId("bio-analytics-refresh").click();
          return views();
        },
        { timeout: 15_000 },
      )
      .toBe("1");

    await page.getByTestId("bio-analytics-from").fill("2020-01-01");
    await page.getByTestId("bio-analytics-range-problem").filter({ hasText: "at most 90 days" }).waitFor();
    await page.getByTestId("bio-analytics-to").fill("2020-01-31");
    await expect
      .poll(() => page.getByTestId("bio-analytics-title").textContent())
      .toBe("Analytics · 2020-01-01 to 2020-01-31");
    await expect.poll(views).toBe("0");
    expect(await page.getByTestId("bio-daily-chart").locator("circle").count()).toBe(31);
    await page.getByTestId("bio-analytics-from").fill("2020-02-01");
    await page.getByTestId("bio-analytics-range-problem").filter({ hasText: "before the last" }).waitFor();

    await page.getByRole("button", { name: "90 days" }).click();
    await expect.poll(() => page.getByTestId("bio-daily-chart").locator("circle").count()).toBe(90);
    expect(await views()).toBe("1");
    await page.getByRole("button", { name: "7 days" }).click();
    await expect.poll(() => page.getByTestId("bio-daily-chart").locator("circle").count()).toBe(7);
    expect(await views()).toBe("1");
  });

  it("sets the background, dark mode and link icons; an uploaded background shows; a page is deleted after confirming", async () => {
    const { page, context, slug, api } = await builderFor();
    const preview = page.frameLocator('[data-testid="bio-preview"]');
    const previewStyle = () => preview.locator("style").evaluate((style) => style.textContent ?? "");

    await page.getByTestId("bio-background-type").selectOption("gradient");
    await page.getByTestId("bio-gradient-to").fill("#ff0000");
    await page.getByTestId("bio-gradient-angle").fill("45");
    await expect.poll(previewStyle).toContain("linear-gradient(45deg,var(--bio-bg),#ff0000)");
    await page.getByTestId("bio-dark-mode").uncheck();
    await expect.poll(() => preview.locator('meta[name="color-scheme"]').getAttribute("content")).toBe("only light");
    expect(await previewStyle()).not.toContain("prefers-color-scheme:dark");
    await page.getByTestId("bio-link-icon").fill("🛍");
    await expect.poll(() => preview.locator(".bio-icon").textContent()).toBe("🛍");
    await saveAndWait(page);
    const live = await (await context.request.get(`${appUrl}/${slug}`)).text();
    expect(live).toContain("linear-gradient(45deg,var(--bio-bg),#ff0000)");
    expect(live).toContain('<span class="bio-icon" aria-hidden="true">🛍</span>');
    expect(live).toContain('content="only light"');

    // A background image: the background becomes that image, in the builder and on the page.
    await page
      .getByTestId("bio-background-upload")
      .setInputFiles({ name: "bg.png", mimeType: "image/png", buffer: PNG });
    await page.getByTestId("bio-crop-done").click();
    await expect.poll(() => page.getByTestId("bio-background-type").inputValue()).toBe("image");
    await expect.poll(previewStyle).toMatch(/url\("\/bio-media\/[^"]+\.webp"\) center\/cover/);
    await expect
      .poll(async () => (await (await context.request.get(`${appUrl}/${slug}`)).text()).includes("center/cover"))
      .toBe(true);
    // Saving afterwards keeps it: the draft followed the upload.
    await saveAndWait(page);
    expect(
      ((await (await context.request.get(api)).json()) as { theme: { background_type: string } }).theme.background_type,
    ).toBe("image");

    // Deleting asks first; Cancel keeps the page.
    await page.getByTestId("bio-delete").click();
    const dialog = page.getByTestId("confirm-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect((await context.request.get(api)).status()).toBe(200);
    await page.getByTestId("bio-delete").click();
    await dialog.getByRole("button", { name: "Delete page" }).click();
    await page.getByTestId("bio-editor").waitFor({ state: "detached" });
    expect((await context.request.get(api)).status()).toBe(404);
    expect((await context.request.get(`${appUrl}/${slug}`)).status()).toBe(404);
    expect(await page.getByTestId("bio-page").textContent()).not.toContain(`/${slug}`);
  });

  it("crops only a loaded image, and zooming and moving change what is uploaded", async () => {
    const { page } = await builderFor();
    const uploads: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/media?")) uploads.push(request.url());
    });
    // A file that is not an image never loads: nothing can be uploaded from it.
    await page
      .getByTestId("bio-avatar-upload")
      .setInputFiles({ name: "broken.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") });
    await page.getByTestId("bio-crop-error").waitFor();
    expect(await page.getByTestId("bio-crop-done").isDisabled()).toBe(true);
    await page.getByTestId("bio-crop-done").click({ force: true });
    await page.waitForTimeout(300);
    expect(uploads).toEqual([]);
    await page.getByTestId("bio-cropper").getByRole("button", { name: "Cancel" }).click();

    // Four coloured quarters: red, green / blue, yellow.
    const quarters = await page.evaluate(() => {
      const canvas = document.createElement("canvas");
      canvas.width = 200;
      canvas.height = 200;
      const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
      const fills: [string, number, number][] = [
        ["#ff0000", 0, 0],
        ["#00ff00", 100, 0],
        ["#0000ff", 0, 100],
        ["#ffff00", 100, 100],
      ];
      for (const [colour, x, y] of fills) {
        ctx.fillStyle = colour;
        ctx.fillRect(x, y, 100, 100);
      }
      return canvas.toDataURL("image/png").split(",")[1] ?? "";
    });
    const preview = page.frameLocator('[data-testid="bio-preview"]');
    const avatarSrc = () => preview.locator("img.bio-avatar").getAttribute("src");
    /** The uploaded image's colours at its corners and centre, as the browser decodes it. */
    const coloursOf = (src: string) =>
      page.evaluate(async (url) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
        ctx.drawImage(img, 0, 0);
        const named: [string, number, number, number][] = [
          ["red", 255, 0, 0],
          ["green", 0, 255, 0],
          ["blue", 0, 0, 255],
          ["yellow", 255, 255, 0],
        ];
        const at = (x: number, y: number) => {
          const [r = 0, g = 0, b = 0] = ctx.getImageData(x, y, 1, 1).data;
          // The nearest of the four colours: WebP is lossy.
          const distance = ([, nr, ng, nb]: [string, number, number, number]) =>
            Math.abs(nr - r) + Math.abs(ng - g) + Math.abs(nb - b);
          return [...named].sort((p, q) => distance(p) - distance(q))[0]?.[0];
        };
        const w = img.naturalWidth;
        const h = img.naturalHeight;
        return {
          size: [w, h],
          corners: [at(10, 10), at(w - 10, 10), at(10, h - 10), at(w - 10, h - 10)],
          centre: at(w / 2 - 20, h / 2 - 20),
        };
      }, src);

    const upload = async (frame: () => Promise<void>) => {
      const before = (await preview.locator("img.bio-avatar").count()) > 0 ? await avatarSrc() : null;
      await page
        .getByTestId("bio-avatar-upload")
        .setInputFiles({ name: "quarters.png", mimeType: "image/png", buffer: Buffer.from(quarters, "base64") });
      await expect.poll(() => page.getByTestId("bio-crop-done").isEnabled()).toBe(true);
      await frame();
      await page.getByTestId("bio-crop-done").click();
      await expect.poll(avatarSrc).not.toBe(before);
      return coloursOf((await avatarSrc()) ?? "");
    };

    const whole = await upload(async () => {});
    expect(whole.size).toEqual([512, 512]);
    expect(whole.corners).toEqual(["red", "green", "blue", "yellow"]);

    // Zoomed in twice and moved to the top left: only the red quarter is left.
    const topLeft = await upload(async () => {
      await page.getByLabel("Zoom").fill("2");
      await page.getByLabel("Left — right").fill("0");
      await page.getByLabel("Top — bottom").fill("0");
    });
    expect(topLeft.corners).toEqual(["red", "red", "red", "red"]);
    expect(topLeft.centre).toBe("red");

    // Moved to the bottom right instead: yellow.
    const bottomRight = await upload(async () => {
      await page.getByLabel("Zoom").fill("2");
      await page.getByLabel("Left — right").fill("1");
      await page.getByLabel("Top — bottom").fill("1");
    });
    expect(bottomRight.corners).toEqual(["yellow", "yellow", "yellow", "yellow"]);
    expect(uploads.length).toBe(3);
  });
});
