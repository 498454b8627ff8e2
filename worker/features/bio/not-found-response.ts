import { publicPageHeaders } from "./public-page-headers";
import { renderNotFound } from "./render-bio-notice";

/** The public side's 404: the bio "not found" page, never cached. */
export async function notFoundResponse(): Promise<Response> {
  const { html, style } = renderNotFound();
  return new Response(html, {
    status: 404,
    headers: { ...(await publicPageHeaders(style)), "Cache-Control": "no-store" },
  });
}
