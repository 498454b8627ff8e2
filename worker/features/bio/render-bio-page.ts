// The public bio page as HTML: one function the worker serves and the builder's live
// preview shows, so what an editor sees is what a visitor gets. Pure — no worker
// imports — and safe by construction: every text is escaped, every URL re-checked,
// every theme value comes from an enum or a #rrggbb colour, and the custom CSS it is
// handed has been through the sanitiser. No script, ever.
import { type BioLink, isLinkLive, storedLinks } from "./bio-links";
import { needsScrim, resolveTheme, themeCss } from "./bio-theme";
import { escapeHtml } from "./escape-html";
import { safeLinkUrl } from "./safe-link-url";

export type RenderablePage = {
  id: string;
  title: string;
  bio: string | null;
  profile_picture: string | null;
  background_image: string | null;
  theme: unknown;
  links: unknown;
  seo_title: string | null;
  seo_description: string | null;
};

export type RenderOptions = {
  now: Date;
  /** Absolute address of the page, for the canonical link and Open Graph. */
  pageUrl: string;
  /** Custom CSS that has already been through sanitizeCss. */
  css: string;
  /**
   * Keep the page under MAX_PAGE_BYTES whatever its row holds (default true): the API
   * refuses heavier pages, but a row written around it (an import, a co-edited bio on
   * top of a full page) may not be. Off only to weigh a page as it stands.
   */
  fit?: boolean;
};

export type RenderedPage = { html: string; style: string };

/** Where the page's own uploads are served; the only images a page (or its CSS) may show. */
export const MEDIA_PATH = /^\/bio-media\/[0-9a-f-]{36}\/[0-9a-f]{32}\.(?:png|jpg|gif|webp)$/;

export const ownMediaUrl = (url: string | null, pageId: string) =>
  url && MEDIA_PATH.test(url) && url.startsWith(`/bio-media/${pageId}/`) ? url : null;

/** How long the bio may be on the page: the whole page must stay small. */
export const MAX_BIO_CHARS = 1000;

/** The most a public page weighs, in bytes of HTML (its CSS inline): it must open at once on a phone. */
export const MAX_PAGE_BYTES = 30_000;

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text).length;

const BASE_CSS =
  "*,*::before,*::after{box-sizing:border-box}html{-webkit-text-size-adjust:100%}body{margin:0}" +
  ".bio-root{min-height:100vh;background:var(--bio-background);color:var(--bio-text);font-family:var(--bio-font);line-height:1.5;display:flex;flex-direction:column;align-items:center;padding:48px 16px 32px}" +
  ".bio-main{width:100%;max-width:560px}.bio-header{text-align:center;margin-bottom:28px}" +
  ".bio-avatar{width:96px;height:96px;border-radius:50%;object-fit:cover;display:block;margin:0 auto 16px}" +
  ".bio-title{font-size:1.5rem;line-height:1.25;margin:0 0 8px}.bio-text{margin:0;color:var(--bio-muted);white-space:pre-line;overflow-wrap:anywhere}" +
  ".bio-links{list-style:none;margin:0;padding:0;display:grid;gap:12px}.bio-layout-grid .bio-links{grid-template-columns:1fr 1fr}.bio-layout-grid .bio-featured{grid-column:1/-1}" +
  ".bio-link{display:flex;align-items:center;justify-content:center;gap:8px;min-height:56px;padding:14px 20px;border-radius:var(--bio-radius);text-decoration:none;font-weight:600;text-align:center;overflow-wrap:anywhere;background:var(--bio-button);color:var(--bio-button-text);border:2px solid var(--bio-button);transition:transform .15s}" +
  ".bio-style-outline .bio-link{background:transparent;color:var(--bio-outline-text)}.bio-style-soft .bio-link{background:var(--bio-soft);color:var(--bio-soft-text);border-color:transparent}" +
  ".bio-style-shadow .bio-link{box-shadow:0 4px 0 rgba(0,0,0,.25)}.bio-featured .bio-link{min-height:72px;font-size:1.1rem}" +
  ".bio-link:hover{transform:translateY(-2px)}.bio-link:focus-visible,.bio-footer a:focus-visible{outline:3px solid var(--bio-focus);outline-offset:3px}" +
  ".bio-badge{font-size:.75rem;border:1px solid currentColor;border-radius:999px;padding:0 6px}.bio-icon{font-size:1.1em}" +
  ".bio-scrim .bio-header,.bio-scrim .bio-empty,.bio-scrim .bio-footer{background:var(--bio-scrim);border-radius:16px;padding:16px}.bio-scrim.bio-style-outline .bio-link{background:var(--bio-scrim)}" +
  ".bio-empty{text-align:center;color:var(--bio-muted)}.bio-footer{margin-top:32px;font-size:.8rem;color:var(--bio-muted)}.bio-footer a{color:inherit}" +
  "@media (prefers-reduced-motion:reduce){.bio-link{transition:none}.bio-link:hover{transform:none}}";

const text = (value: string | null | undefined) => escapeHtml(value ?? "");

function linkItem(pageId: string, link: BioLink): string {
  // Every link goes through the click counter, which sends the visitor on to the stored URL.
  const href = `/l/${encodeURIComponent(pageId)}/${encodeURIComponent(link.id)}`;
  const icon = link.icon ? `<span class="bio-icon" aria-hidden="true">${text(link.icon)}</span>` : "";
  const badge = link.sensitive ? '<span class="bio-badge">18+</span>' : "";
  const rel = link.sensitive ? "nofollow" : "noopener";
  return `<li${link.featured ? ' class="bio-featured"' : ""}><a class="bio-link" href="${text(href)}" rel="${rel}">${icon}<span>${text(link.title)}</span>${badge}</a></li>`;
}

/** The page's HTML and, separately, its one stylesheet (whose hash the Content-Security-Policy allows). */
export function renderBioPage(page: RenderablePage, options: RenderOptions): RenderedPage {
  const links = storedLinks(page.links).filter((link) => isLinkLive(link, options.now) && safeLinkUrl(link.url));
  const rendered = build(page, options, options.css, links);
  if (options.fit === false) return rendered;
  let overweight = bytesOf(rendered.html) - MAX_PAGE_BYTES;
  if (overweight < 0) return rendered;
  // Too heavy: the page goes without its custom CSS first — it still works and reads well …
  const plain = build(page, options, "", links);
  overweight = bytesOf(plain.html) - MAX_PAGE_BYTES;
  if (overweight < 0) return plain;
  // … then without its last links, as few as it takes. Titles, bio and SEO fields alone fit by their limits.
  let kept = links.length;
  while (kept > 0 && overweight >= 0) {
    kept -= 1;
    overweight -= bytesOf(linkItem(page.id, links[kept] as BioLink));
  }
  return build(page, options, "", links.slice(0, kept));
}

function build(page: RenderablePage, options: RenderOptions, css: string, links: BioLink[]): RenderedPage {
  const theme = resolveTheme(page.theme);
  const avatar = ownMediaUrl(page.profile_picture, page.id);
  const background = ownMediaUrl(page.background_image, page.id);
  // The sanitiser emits no "<"; escaping it anyway means no stylesheet can ever close its <style> element.
  const style = `${BASE_CSS}${themeCss(theme, background)}${css}`.replace(/</g, "\\3c ");
  const title = page.seo_title || page.title;
  const description = page.seo_description || (page.bio ?? "").slice(0, 200);
  const origin = new URL(options.pageUrl).origin;
  const image = avatar ? `${origin}${avatar}` : null;
  const bio = (page.bio ?? "").slice(0, MAX_BIO_CHARS);
  const meta = [
    `<title>${text(title)}</title>`,
    description ? `<meta name="description" content="${text(description)}">` : "",
    `<link rel="canonical" href="${text(options.pageUrl)}">`,
    `<meta property="og:type" content="profile">`,
    `<meta property="og:title" content="${text(title)}">`,
    description ? `<meta property="og:description" content="${text(description)}">` : "",
    `<meta property="og:url" content="${text(options.pageUrl)}">`,
    image ? `<meta property="og:image" content="${text(image)}">` : "",
    `<meta name="twitter:card" content="${image ? "summary" : "summary"}">`,
    `<meta name="twitter:title" content="${text(title)}">`,
    description ? `<meta name="twitter:description" content="${text(description)}">` : "",
    image ? `<meta name="twitter:image" content="${text(image)}">` : "",
  ].join("");
  const body = [
    // Over an image (or a gradient no colour reads on end to end) the text gets a panel behind it.
    `<body class="bio-root bio-style-${theme.button_style} bio-layout-${theme.layout}${needsScrim(theme, background !== null) ? " bio-scrim" : ""}">`,
    '<main class="bio-main">',
    '<header class="bio-header">',
    avatar ? `<img class="bio-avatar" src="${text(avatar)}" alt="" width="96" height="96">` : "",
    `<h1 class="bio-title">${text(page.title)}</h1>`,
    bio ? `<p class="bio-text">${text(bio)}</p>` : "",
    "</header>",
    links.length
      ? `<nav aria-label="Links"><ul class="bio-links">${links.map((l) => linkItem(page.id, l)).join("")}</ul></nav>`
      : '<p class="bio-empty">No links yet.</p>',
    "</main>",
    '<footer class="bio-footer"><a href="https://mewayz.com/" rel="noopener">Made with Mewayz</a></footer>',
    "</body>",
  ].join("");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="${theme.dark_mode === "auto" ? "light dark" : "only light"}">${meta}<style>${style}</style></head>${body}</html>`;
  return { html, style };
}
