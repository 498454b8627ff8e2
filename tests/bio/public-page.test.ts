import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { forgetHeldPages } from "../../worker/features/bio/serve-public-page";
import { signUp } from "../helpers/api";
import { countQueries } from "../helpers/count-queries";
import { createWorkspace } from "../helpers/workspaces";
import { changeRowQuietly, createPage, pagesPath, untilCacheApiHit, updatePage, visit } from "./bio-helpers";

async function publishedPage(fields: Record<string, unknown> = {}) {
  const person = await signUp();
  const workspace = await createWorkspace(person.client);
  const page = await createPage(person.client, workspace.id, {
    is_active: true,
    bio: "Photographer and content strategist.",
    links: [
      { title: "My shop", url: "https://shop.example/" },
      { title: "Hidden", url: "https://hidden.example/", is_active: false },
      { title: "Later", url: "https://later.example/", starts_at: "2099-01-01T00:00:00Z" },
      { title: "Over", url: "https://over.example/", ends_at: "2001-01-01T00:00:00Z" },
    ],
    ...fields,
  });
  return { ...person, workspace, page };
}

describe("public bio pages", () => {
  it("serves a published page as small, script-free HTML with strict security headers", async () => {
    const { page } = await publishedPage({ seo_title: "Maya — photos", seo_description: "Courses and presets" });
    const res = await visit(`/${page.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<main");
    expect(html).toContain('<nav aria-label="Links">');
    expect(html).toContain("My shop");
    expect(html).not.toContain("Hidden");
    expect(html).not.toContain("Later");
    expect(html).not.toContain("Over");
    expect(html).toContain(`href="/l/${page.id}/${page.links[0]?.id}"`);
    expect(html).toContain('<meta property="og:title" content="Maya — photos">');
    expect(html).toContain('<meta name="twitter:card"');
    expect(html).toContain(":focus-visible");
    expect(html).toContain("prefers-color-scheme:dark");
    expect(html.toLowerCase()).not.toContain("<script");
    expect(new TextEncoder().encode(html).length).toBeLessThan(30_000);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("script-src");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("ETag")).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get("X-Bio-Page")).toBeNull();
    // The CSP hash is the hash of the page's one stylesheet.
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? "";
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style));
    expect(csp).toContain(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  });

  it("serves and edits a page as the old platform stored it: unknown theme keys, links of another shape", async () => {
    const { client, workspace, page } = await publishedPage();
    await changeRowQuietly(page.id, {
      theme: { color: "blue", font: "Comic Sans" },
      links: [
        { name: "Old shape", link: "https://old.example/" },
        { title: "Sneaky", url: "javascript:alert(1)" },
        { title: "Site", url: "https://ada.example/" },
      ],
      custom_css: "body{color:red} @import url(https://evil.example/x.css);",
    });
    forgetHeldPages();
    const res = await visit(`/${page.slug}?v=imported`);
    expect(res.status).toBe(200);
    const html = await res.text();
    // Links stored without ids, as the old platform kept them: the valid ones show, and count their clicks.
    expect(html).toContain("Site");
    expect(html).not.toContain("Old shape");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("evil.example");
    const href = /href="(\/l\/[^"]+)"[^>]*><span>Site</.exec(html)?.[1];
    expect(href).toBe(`/l/${page.id}/link-2`);
    const click = await visit(href ?? "");
    expect(click.status).toBe(302);
    expect(click.headers.get("Location")).toBe("https://ada.example/");
    const builder = await client.fetch(pagesPath(workspace.id, `/${page.id}`));
    expect(builder.status).toBe(200);
    // Saving it again from the builder works: the title is all that changes.
    expect((await updatePage(client, workspace.id, page.id, { title: "Ada, again" })).title).toBe("Ada, again");
  });

  it("answers 404 for unknown, unpublished and reserved addresses, and keeps the app's own paths working", async () => {
    const { client, workspace, page } = await publishedPage();
    expect((await visit("/no-such-page-here")).status).toBe(404);
    await updatePage(client, workspace.id, page.id, { is_active: false });
    const gone = await visit(`/${page.slug}`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain("Page not found");
    expect((await visit("/api/health")).status).toBe(200);
    expect((await visit("/")).headers.get("Location")).toBe("/app/");
    const upper = await visit(`/${page.slug.toUpperCase()}`);
    expect(upper.status).toBe(301);
    expect(upper.headers.get("Location")).toBe(`/${page.slug}`);
  });

  it("misses on the first request, then answers from the Cache API itself without a database query", async () => {
    const { page } = await publishedPage({ title: "First title" });
    const queries = countQueries();
    const first = await visit(`/${page.slug}`);
    queries.stop();
    expect(first.headers.get("X-Cache")).toBe("MISS");
    expect(await first.text()).toContain("First title");
    // A miss reads the row: the counter sees the worker's queries.
    expect(queries.seen.some((sql) => sql.includes("link_in_bio_pages"))).toBe(true);
    await untilCacheApiHit(`/${page.slug}`);

    // Change the row behind the API's back: a cache hit cannot see it, because it never reads the row.
    await changeRowQuietly(page.id, { title: "Changed quietly" });
    forgetHeldPages();
    const hits = countQueries();
    const fromCacheApi = await visit(`/${page.slug}`);
    const fromMemory = await visit(`/${page.slug}`);
    hits.stop();
    expect(fromCacheApi.headers.get("X-Cache")).toBe("HIT");
    expect(fromMemory.headers.get("X-Cache")).toBe("HIT-MEMORY");
    for (const res of [fromCacheApi, fromMemory]) {
      const html = await res.text();
      expect(html).toContain("First title");
      expect(html).not.toContain("Changed quietly");
      expect(res.headers.get("ETag")).toBe(first.headers.get("ETag"));
    }
    expect(hits.seen).toEqual([]);
  });

  it("shows an edit on the very next request, rendered afresh and then cached again", async () => {
    const { client, workspace, page } = await publishedPage({ title: "First title" });
    const first = await visit(`/${page.slug}`);
    expect(await first.text()).toContain("First title");
    await untilCacheApiHit(`/${page.slug}`);
    // An edit through the API bumps the generation: the very next request renders afresh.
    await updatePage(client, workspace.id, page.id, { title: "Edited title" });
    const edited = await visit(`/${page.slug}`);
    expect(edited.headers.get("X-Cache")).toBe("MISS");
    expect(await edited.text()).toContain("Edited title");
    expect(edited.headers.get("ETag")).not.toBe(first.headers.get("ETag"));
    const again = await untilCacheApiHit(`/${page.slug}`);
    expect(await again.text()).toContain("Edited title");
    expect(again.headers.get("ETag")).toBe(edited.headers.get("ETag"));
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const { page } = await publishedPage();
    const first = await visit(`/${page.slug}`);
    const etag = first.headers.get("ETag") ?? "";
    await first.arrayBuffer();
    const again = await visit(`/${page.slug}`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(again.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    expect(again.headers.get("X-Cache")).toBe("HIT-MEMORY");
  });

  it("serves a verified custom domain at / and nothing for an unverified one", async () => {
    const { client, workspace, page } = await publishedPage({ title: "Domain page" });
    const domain = `links-${page.id.slice(-8)}.example.org`;
    const withDomain = await updatePage(client, workspace.id, page.id, { custom_domain: domain });
    expect(withDomain.custom_domain_verified).toBe(false);
    expect(withDomain.custom_domain_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const unverified = await visit("/", { host: domain });
    expect(unverified.status).toBe(302);
    // Verification is proved through DNS (see verify-domain.test.ts); here it is set directly.
    await changeRowQuietly(page.id, { custom_domain_verified_at: new Date() });
    await updatePage(client, workspace.id, page.id, { title: "Domain page verified" });
    const res = await visit("/", { host: domain });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Domain page verified");
    expect((await visit("/", { host: `other-${domain}` })).status).toBe(302);
    const taken = await client.fetch(pagesPath(workspace.id), {
      method: "POST",
      json: { title: "Two", slug: `two-${page.slug}`.slice(0, 40), custom_domain: domain.toUpperCase() },
    });
    expect(taken.status).toBe(409);
  });

  it("keeps /app and /api answering whatever pages exist", async () => {
    const res = await SELF.fetch("http://localhost/api/openapi.json");
    expect(res.status).toBe(200);
  });
});
