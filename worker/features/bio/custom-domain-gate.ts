// On a verified custom domain only its own page answers: `/`, its click redirects
// (/l/{pageId}/…) and its images (/bio-media/{pageId}/…). Everything else — other
// people's pages, the app, the API — is a 404 there, so a customer's domain never shows
// anyone else's content (or a sign-in form) under its name. The platform's own hosts
// skip the check entirely; any other host is looked up once per cache generation of its
// address, so a cached custom-domain page still costs no database query.
import type { MiddlewareHandler } from "hono";
import { databaseFor } from "../../lib/db";
import type { AppEnv, Env } from "../../lib/env";
import { domainSite } from "./bio-sites";
import { siteState } from "./edge-state";
import { findDomainOwner } from "./find-public-page";
import { notFoundResponse } from "./not-found-response";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Hosts that are the platform itself: local development, workers.dev previews and APP_HOSTS. */
export function isPlatformHost(env: Env, host: string): boolean {
  if (LOCAL_HOSTS.has(host) || host.endsWith(".workers.dev")) return true;
  return appHostsOf(env.APP_HOSTS).has(host);
}

let appHosts: { from: string | undefined; hosts: Set<string> } = { from: undefined, hosts: new Set() };
function appHostsOf(setting: string | undefined): Set<string> {
  if (appHosts.from !== setting) {
    const hosts = (setting ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    appHosts = { from: setting, hosts: new Set(hosts) };
  }
  return appHosts.hosts;
}

/**
 * Which page owns a host as its verified domain (published or not), per the host's cache
 * generation: every change to a page — its domain, its verification, publishing, deleting —
 * bumps the generation of each domain it had or has, so an older answer is never used.
 */
const owners = new Map<string, { generation: number; pageId: string | null }>();
const OWNERS_MAX = 1000;

export async function verifiedDomainOwner(env: Env, host: string): Promise<string | null> {
  if (isPlatformHost(env, host)) return null;
  const { generation } = await siteState(env, domainSite(host));
  const known = owners.get(host);
  if (known && known.generation === generation) return known.pageId;
  const pageId = await findDomainOwner(databaseFor(env), host);
  if (owners.size >= OWNERS_MAX && !owners.has(host)) {
    const oldest = owners.keys().next().value;
    if (oldest !== undefined) owners.delete(oldest);
  }
  owners.set(host, { generation, pageId });
  return pageId;
}

/** The paths a verified domain answers: its page, its page's clicks and its page's images. */
function isOwnPath(path: string, pageId: string): boolean {
  if (path === "/") return true;
  const [, first, id] = path.split("/");
  return (first === "l" || first === "bio-media") && id?.toLowerCase() === pageId;
}

export const customDomainGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  const host = url.hostname.toLowerCase();
  if (isPlatformHost(c.env, host)) return next();
  const pageId = await verifiedDomainOwner(c.env, host);
  if (!pageId) return next();
  const reading = c.req.method === "GET" || c.req.method === "HEAD";
  if (reading && isOwnPath(url.pathname, pageId)) return next();
  return notFoundResponse();
};
