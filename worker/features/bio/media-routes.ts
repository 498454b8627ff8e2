// GET /bio-media/:pageId/:file — a page's uploaded image from R2. Names are content
// hashes, so a file never changes: a year-long immutable cache is safe.
import { Hono } from "hono";
import type { AppEnv } from "../../lib/env";
import { MEDIA_PATH } from "./render-bio-page";
import { MEDIA_TYPES } from "./sniff-image";

export const bioMediaRoutes = new Hono<AppEnv>().get("/bio-media/:pageId/:file", async (c) => {
  const path = new URL(c.req.url).pathname;
  if (!MEDIA_PATH.test(path)) return c.notFound();
  const key = path.slice("/bio-media/".length);
  const etag = `"${key.split("/")[1]?.split(".")[0]}"`;
  if (c.req.header("If-None-Match") === etag) {
    return new Response(null, {
      status: 304,
      headers: { ETag: etag, "Cache-Control": "public, max-age=31536000, immutable" },
    });
  }
  const object = await c.env.BIO_MEDIA.get(key);
  if (!object) return c.notFound();
  const ext = key.slice(key.lastIndexOf(".") + 1) as keyof typeof MEDIA_TYPES;
  return new Response(object.body, {
    headers: {
      "Content-Type": MEDIA_TYPES[ext],
      "Content-Length": String(object.size),
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: etag,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
});
