// Helpers for the bio page tests: call the API as a signed-in person, open public
// pages as a visitor, and reach into D1 or the counters the way only a test may.
import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { connectD1 } from "../../db/connect-d1";
import { forgetHeldPages } from "../../worker/features/bio/serve-public-page";
import type { PageJson } from "../../worker/features/bio/to-page-json";
import type { Client } from "../helpers/api";

export const database = () => connectD1(env.DB);

export const pagesPath = (workspaceId: string, tail = "") => `/api/v1/workspaces/${workspaceId}/bio-pages${tail}`;

let counter = 0;
/** A slug no other test uses. */
export const uniqueSlug = (prefix = "page") => `${prefix}-${Date.now().toString(36)}-${++counter}`;

export async function createPage(who: Client, workspaceId: string, fields: Record<string, unknown> = {}) {
  const res = await who.fetch(pagesPath(workspaceId), {
    method: "POST",
    json: { title: "Maya Chen", slug: uniqueSlug(), ...fields },
  });
  if (res.status !== 201) throw new Error(`page not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as PageJson;
}

export async function updatePage(who: Client, workspaceId: string, pageId: string, fields: Record<string, unknown>) {
  const res = await who.fetch(pagesPath(workspaceId, `/${pageId}`), { method: "PATCH", json: fields });
  if (res.status !== 200) throw new Error(`page not updated: ${res.status} ${await res.text()}`);
  return (await res.json()) as PageJson;
}

/** A visitor's request: no cookie, a phone browser, an address of its own. */
export function visit(path: string, init: { host?: string; ip?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has("User-Agent")) {
    headers.set("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148 Instagram");
  }
  headers.set("CF-Connecting-IP", init.ip ?? "203.0.113.7");
  return SELF.fetch(`http://${init.host ?? "localhost"}${path}`, { headers, redirect: "manual" });
}

/** Changes a page's row straight in D1, behind the API's back: no cache generation is bumped. */
export async function changeRowQuietly(pageId: string, values: Record<string, unknown>) {
  const db = database();
  await db.atomic((q) => [q.update(db.t.linkInBioPages).set(values).where(eq(db.t.linkInBioPages.id, pageId))]);
}

export const counter_ = (site: string) => env.BIO_COUNTER.get(env.BIO_COUNTER.idFromName(site));

/**
 * The Cache API is written after the response (waitUntil): asks again, without this
 * isolate's own copy, until the answer comes from the Cache API.
 */
export async function untilCacheApiHit(path: string, host?: string): Promise<Response> {
  for (let attempt = 0; attempt < 50; attempt++) {
    forgetHeldPages();
    const res = await visit(path, { host });
    if (res.headers.get("X-Cache") === "HIT") return res;
    await res.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${path} never came from the Cache API`);
}
