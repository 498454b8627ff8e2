import { describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { changeRowQuietly, createPage, updatePage, visit } from "./bio-helpers";
import { CSS_ATTACKS } from "./css-corpus";
import { STORED_URL_ATTACKS, TEXT_ATTACKS, THEME_ATTACKS } from "./xss-corpus";

type Parsed = { elements: { tag: string; attributes: [string, string][] }[]; styles: string[] };

/** The page as a browser's parser sees it: every element with its attributes, and the stylesheet text. */
async function parse(res: Response): Promise<Parsed> {
  const parsed: Parsed = { elements: [], styles: [] };
  let style = "";
  await new HTMLRewriter()
    .on("*", {
      element(el) {
        parsed.elements.push({ tag: el.tagName, attributes: [...el.attributes] as [string, string][] });
      },
    })
    .on("style", {
      text(chunk) {
        style += chunk.text;
        if (chunk.lastInTextNode) {
          parsed.styles.push(style);
          style = "";
        }
      },
    })
    .transform(res)
    .arrayBuffer();
  return parsed;
}

const ELEMENTS = new Set(
  "html head meta title link style body main header img h1 p nav ul li a span footer".split(" "),
);

function expectNoScript(parsed: Parsed, pageId: string) {
  for (const { tag, attributes } of parsed.elements) {
    expect(ELEMENTS.has(tag), `unexpected <${tag}>`).toBe(true);
    for (const [name, value] of attributes) {
      expect(name.startsWith("on"), `${tag}[${name}]`).toBe(false);
      if (name === "href" && tag === "a") {
        expect(value.startsWith(`/l/${pageId}/`) || value === "https://mewayz.com/", value).toBe(true);
      }
      if (name === "src") expect(value.startsWith(`/bio-media/${pageId}/`), value).toBe(true);
      expect(value.toLowerCase()).not.toMatch(/^\s*(javascript|data|vbscript):/);
    }
    if (tag === "meta") {
      expect(attributes.some(([n]) => n === "http-equiv")).toBe(false);
    }
  }
  expect(parsed.elements.filter((e) => e.tag === "style")).toHaveLength(1);
  expect(parsed.elements.filter((e) => e.tag === "title")).toHaveLength(1);
  for (const css of parsed.styles) {
    expect(css.toLowerCase()).not.toMatch(/expression|javascript|evil\.example|@import|<\/style/);
  }
}

// Dozens of pages are written and rendered per test.
describe("XSS through a page's content", { timeout: 60_000 }, () => {
  it("renders hostile titles, bio, SEO fields, link titles and icons as text", async () => {
    const person = await signUp();
    const workspace = await createWorkspace(person.client);
    for (const [i, attack] of TEXT_ATTACKS.entries()) {
      const page = await createPage(person.client, workspace.id, {
        is_active: true,
        title: attack,
        bio: `${attack}\n${attack}`,
        seo_title: attack,
        seo_description: attack,
        links: [{ title: attack, url: "https://example.com/", icon: attack.slice(0, 16) }],
        custom_css: CSS_ATTACKS[i % CSS_ATTACKS.length],
      });
      const res = await visit(`/${page.slug}`);
      expect(res.status).toBe(200);
      expectNoScript(await parse(res), page.id);
    }
  });

  it("renders custom CSS attacks without letting any through", async () => {
    const person = await signUp();
    const workspace = await createWorkspace(person.client);
    const page = await createPage(person.client, workspace.id, { is_active: true });
    for (const attack of CSS_ATTACKS) {
      await updatePage(person.client, workspace.id, page.id, { custom_css: attack });
      const res = await visit(`/${page.slug}`);
      expectNoScript(await parse(res), page.id);
    }
  });

  it("drops hostile link URLs and theme values stored around the API", async () => {
    const person = await signUp();
    const workspace = await createWorkspace(person.client);
    const page = await createPage(person.client, workspace.id, { is_active: true });
    await changeRowQuietly(page.id, {
      links: [
        ...STORED_URL_ATTACKS.map((url, i) => ({
          id: `bad${i}`,
          title: `bad ${i}`,
          url,
          is_active: true,
          position: i,
        })),
        { id: "good", title: "Good link", url: "https://example.com/", is_active: true, position: 99 },
      ],
    });
    for (const theme of THEME_ATTACKS) {
      await changeRowQuietly(page.id, { theme });
      // A quiet change is not seen by a cached copy: bump the generation through the API.
      await updatePage(person.client, workspace.id, page.id, { seo_title: `t${Math.random()}` });
      const res = await visit(`/${page.slug}`);
      const parsed = await parse(res);
      expectNoScript(parsed, page.id);
      const titles = parsed.elements.filter((e) => e.tag === "a").length;
      expect(titles).toBe(2); // the good link and the footer, never the bad ones
    }
    // The click route refuses the bad ones too: no redirect to a stored javascript: URL.
    for (let i = 0; i < STORED_URL_ATTACKS.length; i++) {
      const res = await visit(`/l/${page.id}/bad${i}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("Location")).toBeNull();
    }
  });
});
