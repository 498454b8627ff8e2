// The API's side of the page-weight target: a save that would make the public page
// heavier than MAX_PAGE_BYTES is refused, saying how heavy and what to shorten. Each
// field's own limit (20 KB of CSS, 50 links, 1,000 characters of bio …) allows far more
// together than one fast page can carry, so the page as a whole is what is weighed.
import { AppError } from "../../lib/errors";
import { pageMediaUrls } from "./page-media-urls";
import { MAX_PAGE_BYTES, type RenderablePage, renderBioPage } from "./render-bio-page";
import { sanitizeCss } from "./sanitize-css";

type Weighable = RenderablePage & { custom_css: string | null };

/** The bytes of the page's HTML as it would be served now, nothing left out. */
export function pageWeight(page: Weighable, now = new Date()): number {
  const css = page.custom_css ? sanitizeCss(page.custom_css, pageMediaUrls(page)).css : "";
  // Every link counts, scheduled or not: each one will be on the page at some point.
  const always = Array.isArray(page.links)
    ? page.links.map((link) => (link && typeof link === "object" ? { ...link, starts_at: null, ends_at: null } : link))
    : page.links;
  const { html } = renderBioPage(
    { ...page, links: always },
    { now, pageUrl: "https://mewayz.com/weigh", css, fit: false },
  );
  return new TextEncoder().encode(html).length;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** Refuses a page heavier than MAX_PAGE_BYTES, unless it only got lighter (a page imported heavy can still be trimmed). */
export function assertPageWeight(after: Weighable, before: Weighable | null): void {
  const weight = pageWeight(after);
  if (weight < MAX_PAGE_BYTES) return;
  if (before && weight <= pageWeight(before)) return;
  const path = after.custom_css ? "custom_css" : "links";
  throw new AppError("validation_failed", "Some fields are missing or invalid.", [
    {
      path,
      message: `This page would weigh ${kb(weight)}; pages must stay under ${kb(MAX_PAGE_BYTES)} to open instantly on a phone. Shorten the custom CSS, the texts or the links.`,
      code: "custom",
    },
  ]);
}
