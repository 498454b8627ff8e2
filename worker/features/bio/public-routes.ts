// The public side of bio pages: GET /{slug}, GET / on a verified custom domain, and
// GET /l/{pageId}/{linkId}, the click counter that sends visitors to a link's stored URL.
import { Hono } from "hono";
import { databaseFor } from "../../lib/db";
import type { AppEnv } from "../../lib/env";
import { isLinkLive, storedLinks } from "./bio-links";
import { domainSite, pageSite, slugSite } from "./bio-sites";
import { verifiedDomainOwner } from "./custom-domain-gate";
import { record } from "./edge-state";
import { findPageByDomain, findPageBySlug, findPublishedPage } from "./find-public-page";
import { notFoundResponse } from "./not-found-response";
import { publicPageHeaders } from "./public-page-headers";
import { renderAgeGate } from "./render-bio-notice";
import { RESERVED_SLUGS, SLUG } from "./reserved-slugs";
import { safeLinkUrl } from "./safe-link-url";
import { servePublicPage } from "./serve-public-page";
import { isBot, visitOf } from "./visit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LINK_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const bioPublicRoutes = new Hono<AppEnv>()
  // GET /l/:pageId/:linkId — count the click, then 302 to the link's stored URL (never one from the request)
  .get("/l/:pageId/:linkId", async (c) => {
    const pageId = c.req.param("pageId").toLowerCase();
    const linkId = c.req.param("linkId");
    if (!UUID.test(pageId) || !LINK_ID.test(linkId)) return notFoundResponse();
    const page = await findPublishedPage(databaseFor(c.env), pageId);
    const link = page ? storedLinks(page.links).find((l) => l.id === linkId) : undefined;
    const target = link && isLinkLive(link, new Date()) ? safeLinkUrl(link.url) : null;
    if (!page || !link || !target) return notFoundResponse();
    if (link.sensitive && c.req.query("confirm") !== "18") {
      // On the page's own domain (the only page that domain serves) its page is at /.
      const host = new URL(c.req.url).hostname.toLowerCase();
      const onOwnDomain = page.custom_domain === host && page.custom_domain_verified_at !== null;
      const { html, style } = renderAgeGate({
        pageTitle: page.title,
        linkTitle: link.title,
        continueHref: `/l/${pageId}/${encodeURIComponent(linkId)}?confirm=18`,
        backHref: onOwnDomain ? "/" : `/${page.slug}`,
      });
      return new Response(html, { headers: { ...(await publicPageHeaders(style)), "Cache-Control": "no-store" } });
    }
    const userAgent = c.req.header("User-Agent") ?? "";
    if (!isBot(userAgent)) {
      const sending = record(c.env, pageSite(pageId), { pageId, linkId, visit: visitOf(c.req.raw), at: Date.now() });
      if (sending) c.executionCtx.waitUntil(sending);
    }
    return new Response(null, {
      status: 302,
      headers: { Location: target, "Cache-Control": "no-store", "Referrer-Policy": "strict-origin-when-cross-origin" },
    });
  })
  // GET / — a verified custom domain's page (its 404 while unpublished); any other host goes on to the app
  .get("/", async (c) => {
    const host = new URL(c.req.url).hostname.toLowerCase();
    const owned = (await verifiedDomainOwner(c.env, host)) !== null;
    return servePublicPage(c, {
      site: domainSite(host),
      find: (db) => findPageByDomain(db, host),
      absent: owned ? undefined : () => c.redirect("/app/"),
    });
  })
  // GET /:slug — a published page
  .get("/:slug{[A-Za-z0-9-]{3,40}}", async (c) => {
    const raw = c.req.param("slug");
    const slug = raw.toLowerCase();
    if (!SLUG.test(slug) || RESERVED_SLUGS.has(slug)) return c.notFound();
    // One address per page: /MayaChen is /mayachen.
    if (raw !== slug) return c.redirect(`/${slug}`, 301);
    return servePublicPage(c, { site: slugSite(slug), find: (db) => findPageBySlug(db, slug) });
  });
