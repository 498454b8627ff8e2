import { SELF } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { forgetHeldPages } from "../../worker/features/bio/serve-public-page";
import { publishTxtRecord } from "../fakes/fake-dns-client";
import { errorOf, signUp } from "../helpers/api";
import { countQueries } from "../helpers/count-queries";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { createPage, pagesPath, untilCacheApiHit, updatePage, visit } from "./bio-helpers";

describe("custom domains", () => {
  it("serves a domain at / only after its TXT record proves control", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const page = await createPage(client, workspace.id, { is_active: true, title: "On my own domain" });
    const domain = `bio-${page.id.slice(-10)}.example.net`;
    const set = await updatePage(client, workspace.id, page.id, { custom_domain: domain });
    const verify = () => client.fetch(pagesPath(workspace.id, `/${page.id}/custom-domain/verify`), { method: "POST" });

    const missing = await verify();
    expect(missing.status).toBe(409);
    expect((await errorOf(missing)).details).toEqual({
      record: `_mewayz.${domain}`,
      value: `mewayz-verify=${set.custom_domain_token}`,
    });
    expect((await visit("/", { host: domain })).status).toBe(302);

    await publishTxtRecord(inject("fakeDnsUrl"), `_mewayz.${domain}`, "mewayz-verify=someone-else");
    expect((await verify()).status).toBe(409);
    await publishTxtRecord(inject("fakeDnsUrl"), `_mewayz.${domain}`, `mewayz-verify=${set.custom_domain_token}`);
    const ok = await verify();
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { custom_domain_verified: boolean }).custom_domain_verified).toBe(true);

    const res = await visit("/", { host: domain });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("On my own domain");

    // A new domain must be proved again; the old one stops serving the page at once.
    const moved = await updatePage(client, workspace.id, page.id, { custom_domain: `x${domain}` });
    expect(moved.custom_domain_verified).toBe(false);
    expect((await visit("/", { host: domain })).status).toBe(302);
  });

  it("is for editors and up", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const contributor = await teammate(workspace.id, "contributor");
    const page = await createPage(contributor.client, workspace.id);
    const res = await contributor.client.fetch(pagesPath(workspace.id, `/${page.id}`), {
      method: "PATCH",
      json: { custom_domain: "mine.example.org" },
    });
    expect(res.status).toBe(403);
    const born = await contributor.client.fetch(pagesPath(workspace.id), {
      method: "POST",
      json: { title: "Mine", slug: `mine-${page.id.slice(-8)}`, custom_domain: "mine.example.org" },
    });
    expect(born.status).toBe(403);
    expect((await errorOf(born)).code).toBe("forbidden");
    const list = (await (await contributor.client.fetch(pagesPath(workspace.id))).json()) as {
      data: { custom_domain: string | null }[];
    };
    expect(list.data.every((p) => p.custom_domain === null)).toBe(true);
  });

  it("lets an editor set and verify a domain; a contributor cannot verify one", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const editor = await teammate(workspace.id, "editor");
    const contributor = await teammate(workspace.id, "contributor");
    const page = await createPage(client, workspace.id, { is_active: true, title: "Editor's domain" });
    const domain = `ed-${page.id.slice(-10)}.example.net`;
    const set = await updatePage(editor.client, workspace.id, page.id, { custom_domain: domain });
    expect(set.custom_domain).toBe(domain);
    await publishTxtRecord(inject("fakeDnsUrl"), `_mewayz.${domain}`, `mewayz-verify=${set.custom_domain_token}`);
    const path = pagesPath(workspace.id, `/${page.id}/custom-domain/verify`);
    const refused = await contributor.client.fetch(path, { method: "POST" });
    expect(refused.status).toBe(403);
    expect((await visit("/", { host: domain })).status).toBe(302);
    const ok = await editor.client.fetch(path, { method: "POST" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { custom_domain_verified: boolean }).custom_domain_verified).toBe(true);
    expect(await (await visit("/", { host: domain })).text()).toContain("Editor&#39;s domain");
  });
});

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

/** A published page with a link, an 18+ link and a profile picture, owned by a person of its own. */
async function pageWithMedia(title: string) {
  const { client } = await signUp();
  const workspace = await createWorkspace(client);
  const page = await createPage(client, workspace.id, {
    is_active: true,
    title,
    links: [
      { id: "shop", title: `${title} shop`, url: `https://${title.toLowerCase().replace(/\W/g, "")}.example/shop` },
      { id: "adult", title: "After dark", url: "https://adult.example/", sensitive: true },
    ],
  });
  const uploaded = await client.fetch(pagesPath(workspace.id, `/${page.id}/media?field=profile_picture`), {
    method: "POST",
    headers: { "Content-Type": "image/png" },
    body: PNG,
  });
  expect(uploaded.status).toBe(200);
  const { profile_picture } = (await uploaded.json()) as { profile_picture: string };
  return { client, workspace, page, picture: profile_picture };
}

/** Sets a domain on the page and proves it through the fake resolver, as an owner would. */
async function verifiedDomain(owner: Awaited<ReturnType<typeof pageWithMedia>>) {
  const domain = `links-${owner.page.id.slice(-10)}.customer.example`;
  const set = await updatePage(owner.client, owner.workspace.id, owner.page.id, { custom_domain: domain });
  await publishTxtRecord(inject("fakeDnsUrl"), `_mewayz.${domain}`, `mewayz-verify=${set.custom_domain_token}`);
  const ok = await owner.client.fetch(pagesPath(owner.workspace.id, `/${owner.page.id}/custom-domain/verify`), {
    method: "POST",
  });
  expect(ok.status).toBe(200);
  return domain;
}

describe("a verified custom domain", () => {
  it("serves only its own page, its clicks and its images; every other page, the app and the API answer 404", async () => {
    const customer = await pageWithMedia("Customer page");
    const other = await pageWithMedia("Someone else");
    const domain = await verifiedDomain(customer);
    const at = (path: string, init: { method?: string } = {}) =>
      init.method
        ? SELF.fetch(`http://${domain}${path}`, { method: init.method, redirect: "manual" })
        : visit(path, { host: domain });

    const home = await at("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Customer page");
    const click = await at(`/l/${customer.page.id}/shop`);
    expect(click.status).toBe(302);
    expect(click.headers.get("Location")).toBe("https://customerpage.example/shop");
    const picture = await at(customer.picture);
    expect(picture.status).toBe(200);
    expect(new Uint8Array(await picture.arrayBuffer())).toEqual(PNG);
    // The 18+ gate sends visitors back to the domain's page, not to a platform address.
    const gate = await (await at(`/l/${customer.page.id}/adult`)).text();
    expect(gate).toContain('href="/"');
    expect(gate).not.toContain(`href="/${customer.page.slug}"`);

    // Someone else's page, clicks and images never show under the customer's domain.
    for (const path of [
      `/${other.page.slug}`,
      `/${other.page.slug.toUpperCase()}`,
      `/l/${other.page.id}/shop`,
      other.picture,
      `/${customer.page.slug}`,
      "/app/",
      "/app/login",
      "/api/health",
      "/api/openapi.json",
      "/api/docs",
      "/livez",
      "/media/anything.png",
      "/no-such-path",
    ]) {
      const res = await at(path);
      expect(res.status, path).toBe(404);
      const text = await res.text();
      expect(text, path).not.toContain("Someone else");
      expect(res.headers.get("Location"), path).toBeNull();
    }
    for (const method of ["POST", "PATCH", "DELETE"]) {
      const res = await at("/api/v1/auth/signin", { method });
      expect(res.status, method).toBe(404);
    }
    expect((await at("/", { method: "POST" })).status).toBe(404);

    // The platform's own host keeps serving every page, the app and the API.
    expect((await visit(`/${other.page.slug}`)).status).toBe(200);
    expect((await visit(`/l/${other.page.id}/shop`)).status).toBe(302);
    expect((await visit(other.picture)).status).toBe(200);
    expect((await visit("/api/health")).status).toBe(200);
    const gateOnPlatform = await (await visit(`/l/${customer.page.id}/adult`)).text();
    expect(gateOnPlatform).toContain(`href="/${customer.page.slug}"`);
  });

  it("stays closed to other pages while its own page is unpublished, and opens again once the domain moves", async () => {
    const customer = await pageWithMedia("Resting page");
    const other = await pageWithMedia("Another one");
    const domain = await verifiedDomain(customer);
    expect((await visit(`/${other.page.slug}`, { host: domain })).status).toBe(404);

    await updatePage(customer.client, customer.workspace.id, customer.page.id, { is_active: false });
    const home = await visit("/", { host: domain });
    expect(home.status).toBe(404);
    expect(home.headers.get("Location")).toBeNull();
    expect((await visit(`/${other.page.slug}`, { host: domain })).status).toBe(404);
    expect((await visit("/api/health", { host: domain })).status).toBe(404);

    // Moved to another domain: the old one is no longer the customer's here, so it is an ordinary host again.
    await updatePage(customer.client, customer.workspace.id, customer.page.id, { custom_domain: `x${domain}` });
    expect((await visit("/", { host: domain })).status).toBe(302);
    expect((await visit(`/${other.page.slug}`, { host: domain })).status).toBe(200);
  });

  it("answers its page from the cache without a database query, the domain check included", async () => {
    const customer = await pageWithMedia("Cached on a domain");
    const domain = await verifiedDomain(customer);
    const first = await visit("/", { host: domain });
    expect(first.headers.get("X-Cache")).toBe("MISS");
    await untilCacheApiHit("/", domain);
    forgetHeldPages();
    const queries = countQueries();
    const hit = await visit("/", { host: domain });
    const refused = await visit("/api/health", { host: domain });
    queries.stop();
    expect(hit.headers.get("X-Cache")).toBe("HIT");
    expect(await hit.text()).toContain("Cached on a domain");
    expect(refused.status).toBe(404);
    expect(queries.seen).toEqual([]);
  });
});
