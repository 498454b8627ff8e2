import { describe, expect, it } from "vitest";
import { MAX_LINKS } from "../../worker/features/bio/bio-links";
import { MAX_BIO_CHARS, MAX_PAGE_BYTES, renderBioPage } from "../../worker/features/bio/render-bio-page";
import { MAX_CUSTOM_CSS, sanitizeCss } from "../../worker/features/bio/sanitize-css";
import { signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { changeRowQuietly, createPage, pagesPath, visit } from "./bio-helpers";

const bytes = (text: string) => new TextEncoder().encode(text).length;
const RULE = ".bio-link:hover{color:#123456;background-color:#abcdef;border-radius:12px}\n";
/** As much custom CSS as a page may hold. */
const FULL_CSS = RULE.repeat(Math.floor(MAX_CUSTOM_CSS / RULE.length));

/** Every field at its limit, in the characters that cost most once escaped or encoded. */
function heaviestContent(char: string) {
  return {
    title: char.repeat(255),
    bio: char.repeat(MAX_BIO_CHARS),
    seo_title: char.repeat(255),
    seo_description: char.repeat(500),
    links: Array.from({ length: MAX_LINKS }, (_, i) => ({
      id: `${"k".repeat(60)}${String(i).padStart(4, "0")}`,
      title: char.repeat(120),
      url: "https://example.com/",
      icon: char.repeat(16),
      is_active: true,
      featured: false,
      sensitive: false,
      position: i,
    })),
  };
}

describe("page weight", () => {
  it("refuses content that fits each field's limit but makes the page too heavy, saying how heavy", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const res = await client.fetch(pagesPath(workspace.id), {
      method: "POST",
      json: {
        title: "Heavy",
        slug: `heavy-${Date.now().toString(36)}`,
        custom_css: FULL_CSS,
        links: Array.from({ length: MAX_LINKS }, (_, i) => ({
          title: `${"Link ".repeat(23)}${i}`,
          url: "https://example.com/",
        })),
      },
    });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { details: { path: string; message: string }[] } };
    expect(error.details[0]?.path).toBe("custom_css");
    expect(error.details[0]?.message).toMatch(/would weigh \d+\.\d KB; pages must stay under 30\.0 KB/);

    // A page that is already saved cannot grow past the limit either.
    const page = await createPage(client, workspace.id, { custom_css: FULL_CSS });
    const grow = await client.fetch(pagesPath(workspace.id, `/${page.id}`), {
      method: "PATCH",
      json: {
        links: Array.from({ length: MAX_LINKS }, (_, i) => ({
          title: `Link number ${i} ${"x".repeat(100)}`,
          url: "https://example.com/",
        })),
      },
    });
    expect(grow.status).toBe(422);
  });

  it("takes a full, real page — 50 links, a full bio, SEO texts, some CSS — and serves it under 30 KB", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const page = await createPage(client, workspace.id, {
      is_active: true,
      bio: "Photographer, teacher and traveller. ".repeat(27).slice(0, MAX_BIO_CHARS),
      seo_title: "Maya Chen — photography, presets and courses",
      seo_description: "Presets, courses and prints by Maya Chen. ".repeat(11).slice(0, 500),
      custom_css: RULE.repeat(40),
      links: Array.from({ length: MAX_LINKS }, (_, i) => ({
        title: `My print shop, chapter ${i} of the series`,
        url: `https://shop.example/prints/${i}`,
        icon: "📷",
      })),
    });
    const html = await (await visit(`/${page.slug}`)).text();
    expect(bytes(html)).toBeLessThan(MAX_PAGE_BYTES);
    expect(html.split('class="bio-link"').length - 1).toBe(MAX_LINKS);
    expect(html).toContain("#abcdef");
  });

  it("keeps any row under 30 KB, even one written around the API: custom CSS goes first, then the last links", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const page = await createPage(client, workspace.id, { is_active: true });
    // Never visited yet: the first visit renders exactly this row.
    await changeRowQuietly(page.id, { ...heaviestContent('"'), custom_css: `${"a,".repeat(6000)}a{color:red}` });
    const html = await (await visit(`/${page.slug}`)).text();
    expect(bytes(html)).toBeLessThan(MAX_PAGE_BYTES);
    expect(html).not.toContain("color:red");
    expect(html).toContain('<h1 class="bio-title">&quot;&quot;');
  });

  it("weighs under 30 KB at the worst of every limit, whatever the characters", () => {
    const pageId = "0190a0b0-0000-7000-8000-000000000001";
    const expanding = sanitizeCss(`${"a,".repeat(6000)}a{color:red}`, []).css;
    // The sanitiser scopes each selector under the page root: 20 KB in can be far more out.
    expect(bytes(expanding)).toBeGreaterThan(MAX_PAGE_BYTES);
    for (const char of ["x", '"', "<", "é", "😀"]) {
      for (const css of [sanitizeCss(FULL_CSS, []).css, expanding]) {
        const { html, style } = renderBioPage(
          {
            id: pageId,
            profile_picture: null,
            background_image: null,
            theme: { background_type: "gradient" },
            ...heaviestContent(char),
          },
          { now: new Date(), pageUrl: "https://mewayz.com/heaviest", css },
        );
        expect(bytes(html), char).toBeLessThan(MAX_PAGE_BYTES);
        expect(html).toContain(`<style>${style}</style>`);
      }
    }
  });
});
