import { Hono } from "hono";
import type { AppEnv } from "../../lib/env";

const IMMUTABLE = "public, max-age=31536000, immutable";

// GET /app/* — the SolidJS app: hashed files cached for a year, every other path gets index.html.
export const spaRoutes = new Hono<AppEnv>().get("/app/*", async (c) => {
  const url = new URL(c.req.url);
  const asset = await c.env.ASSETS.fetch(new Request(url, c.req.raw));
  if (asset.ok && url.pathname.startsWith("/app/assets/")) {
    const cached = new Response(asset.body, asset);
    cached.headers.set("Cache-Control", IMMUTABLE);
    return cached;
  }
  if (asset.ok || url.pathname.startsWith("/app/assets/")) return asset;
  // Client-side routes have no file: answer with the shell and let the router draw the page.
  const shell = await c.env.ASSETS.fetch(new Request(new URL("/app/index.html", url), { headers: c.req.raw.headers }));
  const page = new Response(shell.body, shell);
  page.headers.set("Cache-Control", "no-cache");
  return page;
});
