// The addresses a page is served at, each with its own BioCounter (cache generation and counters).
import type { Env } from "../../lib/env";
import { forgetSite, holdGeneration } from "./edge-state";

export const slugSite = (slug: string) => `slug:${slug}`;
export const domainSite = (host: string) => `host:${host}`;
export const pageSite = (pageId: string) => `page:${pageId}`;

export const counterFor = (env: Env, site: string) => env.BIO_COUNTER.get(env.BIO_COUNTER.idFromName(site));

/** Every address that showed or will show the page, before and after a change. */
export function sitesOf(...pages: ({ slug: string; custom_domain: string | null } | null | undefined)[]): string[] {
  const sites = new Set<string>();
  for (const page of pages) {
    if (!page) continue;
    sites.add(slugSite(page.slug));
    if (page.custom_domain) sites.add(domainSite(page.custom_domain));
  }
  return [...sites];
}

/**
 * Bumps the cache generation of each address: the next visitor gets a fresh render.
 * Awaited by the API before it answers, so whoever saved sees their change at once.
 */
export async function invalidateSites(env: Env, sites: string[]): Promise<void> {
  await Promise.all(
    sites.map(async (site) => {
      forgetSite(site);
      try {
        holdGeneration(site, await counterFor(env, site).invalidate());
      } catch (err) {
        // The row is saved either way; a missed bump shows the old page until its cache entry expires.
        console.error(
          JSON.stringify({ level: "error", msg: "bio cache invalidation failed", site, error: String(err) }),
        );
      }
    }),
  );
}
