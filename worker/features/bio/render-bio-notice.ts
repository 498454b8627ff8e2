// The small pages around a bio page: "not found" and the 18+ confirmation before a
// sensitive link. Pure and script-free, like the page itself.
import { escapeHtml } from "./escape-html";

const NOTICE_CSS =
  "body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;font-family:ui-sans-serif,system-ui,sans-serif;background:#f9fafb;color:#111827;padding:24px}" +
  "main{max-width:420px;text-align:center}h1{font-size:1.4rem}p{color:#374151}" +
  "a{display:inline-block;margin:8px;padding:12px 20px;border-radius:12px;border:2px solid #111827;color:#111827;text-decoration:none;font-weight:600}" +
  "a.primary{background:#111827;color:#fff}a:focus-visible{outline:3px solid #4f46e5;outline-offset:3px}" +
  "@media (prefers-color-scheme:dark){body{background:#0b0f19;color:#f3f4f6}p{color:#d1d5db}a{border-color:#f3f4f6;color:#f3f4f6}a.primary{background:#f3f4f6;color:#0b0f19}}";

export type RenderedNotice = { html: string; style: string };

function notice(title: string, body: string): RenderedNotice {
  return {
    style: NOTICE_CSS,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${NOTICE_CSS}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
  };
}

export const renderNotFound = () =>
  notice("Page not found", "<p>There is no page at this address, or it is not published.</p>");

/** The interstitial of an 18+ link: continuing is a plain link, so it works without JavaScript. */
export function renderAgeGate(input: { pageTitle: string; linkTitle: string; continueHref: string; backHref: string }) {
  return notice(
    "This link may contain content for adults",
    `<p>${escapeHtml(input.pageTitle)} marked “${escapeHtml(input.linkTitle)}” as 18+. Continue only if you are 18 or older.</p>` +
      `<a class="primary" href="${escapeHtml(input.continueHref)}" rel="nofollow">I am 18 or older, continue</a>` +
      `<a href="${escapeHtml(input.backHref)}">Go back</a>`,
  );
}
