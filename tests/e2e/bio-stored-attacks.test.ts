// Bio pages whose rows were written around the API — hostile theme values, link URLs
// with javascript:/data: in every spelling, image addresses that try to break out of
// their attribute — opened in Chromium. The Content-Security-Policy is switched off in
// one visitor's browser, so what is proven here is the page itself: no script runs, no
// attacker-controlled address is requested, no link leads to a forbidden scheme. A
// visitor with the CSP on must see no violation either (nothing was left for it to stop).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { STORED_MEDIA_ATTACKS, STORED_URL_ATTACKS, THEME_ATTACKS } from "../bio/xss-corpus";
import { sharedBrowser } from "./browser";
import { d1WhileStopped } from "./d1-while-stopped";
import { signUpByApi } from "./sign-up-by-api";
import { createWorkspaceByApi, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");
const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram";
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** Where the good link and the footer lead: answered locally, never by the internet. */
const OFF_SITE = /^https:\/\/(example\.com|mewayz\.com)\//;

type Visitor = {
  context: BrowserContext;
  page: Page;
  dialogs: string[];
  outside: string[];
  navigations: string[];
  console: string[];
};

async function visitorBrowser(browser: Browser, options: { bypassCSP: boolean }): Promise<Visitor> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    userAgent: PHONE,
    bypassCSP: options.bypassCSP,
  });
  // The marker a payload would set; alert() and friends set it too, whatever a dialog handler does.
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__pwned = false;
    const caught = () => {
      w.__pwned = true;
    };
    window.alert = caught;
    window.confirm = () => {
      caught();
      return false;
    };
    window.prompt = () => {
      caught();
      return null;
    };
  });
  await context.route(OFF_SITE, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Elsewhere</title>arrived" }),
  );
  const visitor: Visitor = {
    context,
    page: await context.newPage(),
    dialogs: [],
    outside: [],
    navigations: [],
    console: [],
  };
  visitor.page.on("dialog", (dialog) => {
    visitor.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  visitor.page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(appUrl) && !OFF_SITE.test(url)) visitor.outside.push(url);
  });
  visitor.page.on("framenavigated", (frame) => visitor.navigations.push(frame.url()));
  visitor.page.on("console", (message) => visitor.console.push(message.text()));
  return visitor;
}

/** What the parsed document holds that could run or lead somewhere it must not. */
async function dangerousParts(page: Page, pageId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      const tag = el.tagName.toLowerCase();
      if (["script", "iframe", "object", "embed", "base", "form", "svg", "math"].includes(tag)) found.push(`<${tag}>`);
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.toLowerCase().startsWith("on")) found.push(`${tag}[${attr.name}]`);
        if (["href", "src", "srcset", "action", "formaction", "poster", "data"].includes(attr.name.toLowerCase())) {
          const protocol = new URL(attr.value, location.href).protocol;
          if (protocol !== "http:" && protocol !== "https:") found.push(`${tag}[${attr.name}=${attr.value}]`);
        }
      }
      if (tag === "a") {
        const href = el.getAttribute("href") ?? "";
        if (href !== `/l/${id}/good` && href !== "https://mewayz.com/") found.push(`a[href=${href}]`);
      }
      if (tag === "img") {
        const src = el.getAttribute("src") ?? "";
        if (!src.startsWith(`/bio-media/${id}/`)) found.push(`img[src=${src}]`);
      }
      if (tag === "meta" && el.hasAttribute("http-equiv")) found.push("meta[http-equiv]");
    }
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (/javascript|expression|evil\.example|@import|behavior|binding/i.test(rule.cssText)) {
          found.push(`css: ${rule.cssText.slice(0, 120)}`);
        }
      }
    }
    return found;
  }, pageId);
}

describe("bio pages stored around the API, in the browser", () => {
  const shared = sharedBrowser();

  it("runs no script and leads nowhere forbidden, with hostile theme values, link URLs and image addresses", async () => {
    const owner = await newVisitor(shared.browser);
    shared.keep(owner);
    await signUpByApi(appUrl, { context: owner, name: "Mallory" });
    const workspace = await createWorkspaceByApi(appUrl, owner, `Stored ${suffix()}`);
    const links = [
      ...STORED_URL_ATTACKS.map((url, i) => ({ id: `bad${i}`, title: `Bad ${i}`, url, is_active: true, position: i })),
      { id: "good", title: "Good link", url: "https://example.com/", is_active: true, position: 99 },
    ];
    const pages: { id: string; slug: string }[] = [];
    const writes: string[] = [];
    for (const [i, theme] of THEME_ATTACKS.entries()) {
      const slug = `stored-${i}-${suffix()}`;
      const created = await owner.request.post(`${appUrl}/api/v1/workspaces/${workspace.id}/bio-pages`, {
        data: { title: `Theme attack ${i}`, slug, is_active: true },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      pages.push({ id, slug });
      const media = STORED_MEDIA_ATTACKS[i % STORED_MEDIA_ATTACKS.length] ?? "";
      writes.push(
        `UPDATE link_in_bio_pages SET theme = ${sqlText(JSON.stringify(theme))}, links = ${sqlText(JSON.stringify(links))}, background_image = ${sqlText(media)}, profile_picture = ${sqlText(media)} WHERE id = '${id}'`,
      );
    }
    // Written before anyone visits, so the first visit renders exactly these rows; and the
    // rows really hold the attacks: the API did not clean them up on the way.
    const stored = await d1WhileStopped<{ links: string; theme: string }>(
      [...writes, `SELECT links, theme FROM link_in_bio_pages WHERE id = '${pages[0]?.id}'`].join(";\n"),
    );
    expect(stored[0]?.links).toContain("javascript:alert(1)");
    expect(stored[0]?.theme).toContain("</style>");

    const bare = await visitorBrowser(shared.browser, { bypassCSP: true });
    const guarded = await visitorBrowser(shared.browser, { bypassCSP: false });
    shared.keep(bare.context, guarded.context);

    for (const { id, slug } of pages) {
      const url = `${appUrl}/${slug}`;
      // The HTML as served: no script, no forbidden scheme, no attacker's host anywhere in it.
      const html = await (await bare.context.request.get(url)).text();
      expect(html, slug).not.toMatch(/<script|javascript:|vbscript:|data:text|evil\.example|__pwned|expression\(/i);

      for (const visitor of [bare, guarded]) {
        await visitor.page.goto(url);
        await visitor.page.getByRole("link", { name: "Good link" }).waitFor();
        expect(await dangerousParts(visitor.page, id), slug).toEqual([]);
        // Hovering and focusing every link gives an injected handler its chance.
        const anchors = visitor.page.locator("a");
        expect(await anchors.count(), slug).toBe(2); // the good link and the footer, never a bad one
        for (let n = 0; n < 2; n++) {
          await anchors.nth(n).hover();
          await anchors.nth(n).focus();
        }
        await visitor.page.waitForTimeout(100);
        expect(await visitor.page.evaluate(() => (window as unknown as { __pwned: boolean }).__pwned), slug).toBe(
          false,
        );
      }
    }

    // Clicking every link on a page leaves for an http(s) address: the good link's and the footer's.
    const { slug } = pages[0] ?? { slug: "" };
    for (const [n, expected] of ["https://example.com/", "https://mewayz.com/"].entries()) {
      await bare.page.goto(`${appUrl}/${slug}`);
      await bare.page.locator("a").nth(n).click();
      await bare.page.waitForURL(expected);
    }

    for (const visitor of [bare, guarded]) {
      expect(visitor.dialogs).toEqual([]);
      expect(visitor.outside).toEqual([]);
      expect(visitor.navigations.filter((u) => /^\s*(javascript|data|vbscript|blob):/i.test(u))).toEqual([]);
      // Nothing was left for the CSP to refuse: the page itself carries no attack.
      expect(visitor.console.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
    }
  });
});
