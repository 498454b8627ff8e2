import { describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { createPage, visit } from "./bio-helpers";

async function pageWithLinks() {
  const person = await signUp();
  const workspace = await createWorkspace(person.client);
  const page = await createPage(person.client, workspace.id, {
    is_active: true,
    links: [
      { id: "shop", title: "Shop", url: "https://shop.example/item?x=1" },
      { id: "off", title: "Off", url: "https://off.example/", is_active: false },
      { id: "later", title: "Later", url: "https://later.example/", starts_at: "2099-01-01T00:00:00Z" },
      { id: "adult", title: "After dark", url: "https://adult.example/", sensitive: true },
      { id: "mail", title: "Mail", url: "mailto:maya@example.com" },
    ],
  });
  return { ...person, workspace, page };
}

describe("GET /l/{pageId}/{linkId}", () => {
  it("redirects to the stored URL and only to it", async () => {
    const { page } = await pageWithLinks();
    const res = await visit(`/l/${page.id}/shop`);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("https://shop.example/item?x=1");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const mail = await visit(`/l/${page.id}/mail`);
    expect(mail.headers.get("Location")).toBe("mailto:maya@example.com");
    // Whatever the request carries, the target is the stored one.
    for (const tail of [
      "shop?url=https://evil.example/",
      "shop?redirect=//evil.example&next=https://evil.example",
      "shop/https://evil.example",
    ]) {
      const attempt = await visit(`/l/${page.id}/${tail}`);
      const location = attempt.headers.get("Location");
      expect(location === null || location === "https://shop.example/item?x=1", tail).toBe(true);
    }
  });

  it("answers 404 for links that are not there to click", async () => {
    const { page } = await pageWithLinks();
    const other = await pageWithLinks();
    for (const path of [
      `/l/${page.id}/nope`,
      `/l/${page.id}/off`,
      `/l/${page.id}/later`,
      `/l/${page.id}/https:%2F%2Fevil.example`,
      `/l/${page.id}/%2F%2Fevil.example`,
      `/l/${page.id}/..%2F..%2Fapi`,
      "/l/not-a-uuid/shop",
      `/l/${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}/shop`,
    ]) {
      const res = await visit(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Location"), path).toBeNull();
    }
    // Another page's link id does not travel: each page has its own links.
    await other.client.fetch(`/api/v1/workspaces/${other.workspace.id}/bio-pages/${other.page.id}`, {
      method: "PATCH",
      json: { is_active: false },
    });
    expect((await visit(`/l/${other.page.id}/shop`)).status).toBe(404);
  });

  it("asks for confirmation before an 18+ link, without script", async () => {
    const { page } = await pageWithLinks();
    const gate = await visit(`/l/${page.id}/adult`);
    expect(gate.status).toBe(200);
    expect(gate.headers.get("Location")).toBeNull();
    const html = await gate.text();
    expect(html).toContain(`href="/l/${page.id}/adult?confirm=18"`);
    expect(html.toLowerCase()).not.toContain("<script");
    expect(gate.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const go = await visit(`/l/${page.id}/adult?confirm=18`);
    expect(go.status).toBe(302);
    expect(go.headers.get("Location")).toBe("https://adult.example/");
  });
});
