// Serving a public page: ask the address's counter for its cache generation (which
// also counts the view), answer from the Cache API when it holds that generation,
// and only on a miss read the database and render. A cache hit does no query.
import type { Context } from "hono";
import type { Database } from "../../../db/database";
import { sha256Hex } from "../../lib/crypto";
import { databaseFor } from "../../lib/db";
import type { AppEnv } from "../../lib/env";
import { nextScheduleChange, storedLinks } from "./bio-links";
import { learnPage, record, siteState } from "./edge-state";
import type { PageRow } from "./get-page-or-throw";
import { pageMediaUrls } from "./page-media-urls";
import { publicPageHeaders, VISITOR_CACHE_CONTROL } from "./public-page-headers";
import { renderNotFound } from "./render-bio-notice";
import { renderBioPage } from "./render-bio-page";
import { sanitizeCss } from "./sanitize-css";
import { isBot, visitOf } from "./visit";

/** A cached page is kept at most this long, even if no edit or schedule ends it sooner. */
const MAX_CACHE_SECONDS = 3600;
/** Tells a cached copy which page it shows, for a counter that has not learnt it yet; never sent to visitors. */
const PAGE_HEADER = "X-Bio-Page";
const encoder = new TextEncoder();
/** TextEncoder always answers a fresh, unshared buffer; the workers types just do not say so. */
const encode = (text: string) => encoder.encode(text) as Uint8Array<ArrayBuffer>;

/** A page as rendered: its bytes, status and the headers the Cache API keeps it with. */
type Rendered = { bytes: Uint8Array<ArrayBuffer>; status: number; headers: Record<string, string> };

/**
 * The 404 every address without a page gets: always the same bytes, made once. It is
 * never put in the Cache API or this isolate's page copies — made-up addresses must
 * neither cost a cache write nor push real pages out of memory.
 */
let notFound: Promise<Rendered> | null = null;
function notFoundPage(): Promise<Rendered> {
  notFound ??= (async () => {
    const { html, style } = renderNotFound();
    return {
      bytes: encode(html),
      status: 404,
      headers: { ...(await publicPageHeaders(style)), "Cache-Control": "no-store" },
    };
  })();
  return notFound;
}

async function renderResponse(row: PageRow, pageUrl: string, now: Date): Promise<Rendered> {
  const css = row.custom_css ? sanitizedCssOf(row.custom_css, pageMediaUrls(row)) : "";
  const { html, style } = renderBioPage(row, { now, pageUrl, css });
  const next = nextScheduleChange(storedLinks(row.links), now);
  // A scheduled link appears or goes at its time: the cached copy ends then.
  const ttl = next
    ? Math.max(1, Math.min(MAX_CACHE_SECONDS, Math.ceil((next.getTime() - now.getTime()) / 1000)))
    : MAX_CACHE_SECONDS;
  const bytes = encode(html);
  return {
    bytes,
    status: 200,
    headers: {
      ...(await publicPageHeaders(style)),
      "Cache-Control": `public, max-age=${ttl}`,
      ETag: `"${(await sha256Hex(html)).slice(0, 32)}"`,
      [PAGE_HEADER]: row.id,
    },
  };
}

/**
 * The sanitiser's output for a page's CSS, remembered per CSS and images: a page's CSS
 * rarely changes between edits (a new title, a link), and parsing it costs as much as the
 * rest of the render, far more for a long stylesheet.
 */
const sanitized = new Map<string, string>();
const SANITIZED_MAX = 100;
function sanitizedCssOf(css: string, mediaUrls: string[]): string {
  const key = `${mediaUrls.join(" ")}\n${css}`;
  let out = sanitized.get(key);
  if (out === undefined) {
    out = sanitizeCss(css, mediaUrls).css;
    if (sanitized.size >= SANITIZED_MAX) sanitized.delete(sanitized.keys().next().value as string);
    sanitized.set(key, out);
  }
  return out;
}

/**
 * The hottest pages, kept in the isolate in front of the Cache API: a hit there costs no
 * I/O at all. Keyed like the Cache API (the generation included, so edits never read a
 * stale entry) and dropped at the same expiry; a few hundred entries at most.
 */
type Held = {
  bytes: ArrayBuffer | Uint8Array<ArrayBuffer>;
  status: number;
  /** The headers as visitors get them, made once. */
  headers: [string, string][];
  etag: string | null;
  pageId: string | null;
  expiresAt: number;
};
const held = new Map<string, Held>();
const HELD_MAX = 300;

/**
 * Drops this isolate's copies, as if the isolate were new: tests use it to reach the Cache
 * API behind it. Harmless anywhere — the next visitor is served from the Cache API.
 */
export function forgetHeldPages(): void {
  held.clear();
}

function hold(key: string, entry: Held) {
  if (held.size >= HELD_MAX) {
    const oldest = held.keys().next().value;
    if (oldest !== undefined) held.delete(oldest);
  }
  held.set(key, entry);
}

/** The headers as visitors get them: the page marker and the edge's own headers left out, browsers told to revalidate. */
function visitorHeaders(headers: Headers | Record<string, string>, status: number): [string, string][] {
  const out = new Headers(headers);
  out.delete(PAGE_HEADER);
  out.delete("CF-Cache-Status");
  out.set("Cache-Control", status === 200 ? VISITOR_CACHE_CONTROL : "no-store");
  return [...out];
}

const maxAgeOf = (cacheControl: string | null | undefined) =>
  Number(/max-age=(\d+)/.exec(cacheControl ?? "")?.[1] ?? 0);

/** A copy from the Cache API, as this isolate keeps it. */
async function toHeld(response: Response, now: number): Promise<Held> {
  return {
    bytes: await response.arrayBuffer(),
    status: response.status,
    headers: visitorHeaders(response.headers, response.status),
    etag: response.headers.get("ETag"),
    pageId: response.headers.get(PAGE_HEADER),
    expiresAt: now + maxAgeOf(response.headers.get("Cache-Control")) * 1000,
  };
}

/** A fresh render, as this isolate keeps it. */
function heldOf(rendered: Rendered, now: number): Held {
  return {
    bytes: rendered.bytes,
    status: rendered.status,
    headers: visitorHeaders(rendered.headers, rendered.status),
    etag: rendered.headers.ETag ?? null,
    pageId: rendered.headers[PAGE_HEADER] ?? null,
    expiresAt: now + maxAgeOf(rendered.headers["Cache-Control"]) * 1000,
  };
}

/**
 * Where an answer came from, in `X-Cache`: MISS (rendered from the database), HIT (the
 * Cache API) or HIT-MEMORY (this isolate's copy) — for whoever watches a page's latency.
 */
type CacheSource = "MISS" | "HIT" | "HIT-MEMORY";

/** The answer to a visitor: 304 when their copy is current. */
function forVisitor(entry: Held, ifNoneMatch: string | undefined, source: CacheSource): Response {
  const headers: [string, string][] = [...entry.headers, ["X-Cache", source]];
  const matches = entry.etag && ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === entry.etag);
  if (entry.status === 200 && matches) return new Response(null, { status: 304, headers });
  return new Response(entry.bytes, { status: entry.status, headers });
}

export type PublicPageTarget = {
  /** The counter's name: slug:<slug> or host:<domain>. */
  site: string;
  find(db: Database): Promise<PageRow | null>;
  /** What to answer when no page is there and the counter knows it (a custom domain falls back to the app). */
  absent?: () => Response;
};

export async function servePublicPage(c: Context<AppEnv>, target: PublicPageTarget): Promise<Response> {
  const request = c.req.raw;
  const url = new URL(request.url);
  const userAgent = request.headers.get("User-Agent") ?? "";
  // A HEAD (a link checker, a preview) is not a view.
  const visit = isBot(userAgent) || request.method !== "GET" ? null : visitOf(request);
  const state = await siteState(c.env, target.site);
  const now = Date.now();
  // Counted before the cache is asked, so cached pages count the same as fresh ones.
  const count = (pageId: string | null) => {
    if (!pageId || !visit) return;
    const sending = record(c.env, target.site, { pageId, linkId: "", visit, at: Date.now() });
    if (sending) c.executionCtx.waitUntil(sending);
  };
  if (state.known) {
    count(state.pageId);
    // No page here, and the counter knows it: no cache to ask, no query to make.
    if (state.pageId === null) {
      return target.absent ? target.absent() : forVisitor(heldOf(await notFoundPage(), now), undefined, "HIT-MEMORY");
    }
  }

  const key = `https://bio-cache.internal/${encodeURIComponent(url.host)}/${target.site}/${state.generation}`;
  const inMemory = held.get(key);
  if (inMemory && inMemory.expiresAt > now) {
    if (!state.known) {
      count(inMemory.pageId);
      c.executionCtx.waitUntil(learnPage(c.env, target.site, state, inMemory.pageId));
    }
    return forVisitor(inMemory, c.req.header("If-None-Match"), "HIT-MEMORY");
  }
  // Typed through a cast: the web build type-checks this file with the DOM lib, whose CacheStorage has no default.
  const cache = (caches as unknown as { default: Cache }).default;
  const cached = await cache.match(key);
  let entry: Held;
  let source: CacheSource = "HIT";
  if (cached) {
    if (!state.known) {
      const pageId = cached.headers.get(PAGE_HEADER);
      count(pageId);
      c.executionCtx.waitUntil(learnPage(c.env, target.site, state, pageId));
    }
    entry = await toHeld(cached, now);
  } else {
    const row = await target.find(databaseFor(c.env));
    if (!state.known) {
      count(row?.id ?? null);
      c.executionCtx.waitUntil(learnPage(c.env, target.site, state, row?.id ?? null));
    }
    if (!row) return target.absent ? target.absent() : forVisitor(heldOf(await notFoundPage(), now), undefined, "MISS");
    const fresh = await renderResponse(row, `${url.origin}${url.pathname}`, new Date(now));
    // The body is encoded once, for the Cache API and for this isolate's copy alike.
    c.executionCtx.waitUntil(
      cache.put(key, new Response(fresh.bytes, { status: fresh.status, headers: fresh.headers })),
    );
    entry = heldOf(fresh, now);
    source = "MISS";
  }
  hold(key, entry);
  return forVisitor(entry, c.req.header("If-None-Match"), source);
}
