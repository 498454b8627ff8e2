import { describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { createPage, pagesPath, uniqueSlug, updatePage } from "./bio-helpers";

async function owner() {
  const person = await signUp();
  const workspace = await createWorkspace(person.client);
  return { ...person, workspace };
}

describe("bio pages: create and validate", () => {
  it("creates a draft with every seed field and reads it back with an ETag", async () => {
    const { client, workspace } = await owner();
    const slug = uniqueSlug("maya");
    const page = await createPage(client, workspace.id, {
      slug: slug.toUpperCase(),
      bio: "Photographer.",
      theme: { preset: "sunset", button_color: "#C2410C", font: "Serif" },
      links: [
        { title: "Shop", url: "https://example.com/shop" },
        { title: "Mail me", url: "mailto:maya@example.com", featured: true },
      ],
      seo_title: "Maya",
      seo_description: "Photos",
      custom_css: ".bio-link{letter-spacing:1px}",
    });
    expect(page.slug).toBe(slug); // lower-cased
    expect(page.is_active).toBe(false);
    expect(page.theme).toMatchObject({ preset: "sunset", button_color: "#c2410c" });
    expect(page.links.map((l) => l.position)).toEqual([0, 1]);
    expect(page.links.every((l) => typeof l.id === "string")).toBe(true);
    const res = await client.fetch(pagesPath(workspace.id, `/${page.id}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toMatch(/^"[0-9a-f]{32}"$/);
    const list = (await (await client.fetch(pagesPath(workspace.id))).json()) as { data: { id: string }[] };
    expect(list.data.map((p) => p.id)).toContain(page.id);
  });

  it("refuses reserved, malformed and taken slugs", async () => {
    const { client, workspace } = await owner();
    for (const slug of [
      "api",
      "app",
      "assets",
      "l",
      "admin",
      "login",
      "bio-media",
      "ab",
      "-abc",
      "abc-",
      "a_b_c",
      "x".repeat(41),
    ]) {
      const res = await client.fetch(pagesPath(workspace.id), { method: "POST", json: { title: "T", slug } });
      expect(res.status, slug).toBe(422);
    }
    const taken = await createPage(client, workspace.id);
    const other = await owner();
    const res = await other.client.fetch(pagesPath(other.workspace.id), {
      method: "POST",
      json: { title: "Copy", slug: taken.slug.toUpperCase() },
    });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).details).toMatchObject({ field: "slug" });
  });

  it("accepts only https, http, mailto and tel links, however javascript: is spelled", async () => {
    const { client, workspace } = await owner();
    const bad = [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "\tjavascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "java\rscript:alert(1)",
      "\u0001javascript:alert(1)",
      "&#106;avascript:alert(1)",
      "&#x6A;avascript:alert(1)",
      "javascript&colon;alert(1)",
      "javascript%3Aalert(1)",
      "%6Aavascript:alert(1)",
      "ｊavascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "//evil.example/",
      "/relative",
      "https://user:pass@evil.example/",
      "blob:https://example.com/x",
    ];
    for (const url of bad) {
      const res = await client.fetch(pagesPath(workspace.id), {
        method: "POST",
        json: { title: "T", slug: uniqueSlug(), links: [{ title: "x", url }] },
      });
      expect(res.status, JSON.stringify(url)).toBe(422);
    }
    const page = await createPage(client, workspace.id, {
      links: [
        { title: "a", url: "  HTTPS://Example.com/a  " },
        { title: "b", url: "tel:+15551234567" },
        { title: "c", url: "http://example.com" },
      ],
    });
    expect(page.links.map((l) => l.url)).toEqual(["https://example.com/a", "tel:+15551234567", "http://example.com/"]);
  });

  it("validates the theme, scheduled links and sizes", async () => {
    const { client, workspace } = await owner();
    const cases: Record<string, unknown>[] = [
      { theme: { preset: "neon" } },
      { theme: { background_color: "red" } },
      { theme: { background_color: "#fff;}body{x" } },
      { theme: { font: "Comic Sans" } },
      { theme: { unknown: 1 } },
      {
        links: [
          { title: "x", url: "https://a.example", starts_at: "2030-01-02T00:00:00Z", ends_at: "2030-01-01T00:00:00Z" },
        ],
      },
      { links: Array.from({ length: 51 }, (_, i) => ({ title: `l${i}`, url: "https://a.example" })) },
      { bio: "x".repeat(1001) },
      { title: "" },
      { profile_picture: "https://evil.example/a.png" },
    ];
    for (const fields of cases) {
      const res = await client.fetch(pagesPath(workspace.id), {
        method: "POST",
        json: { title: "T", slug: uniqueSlug(), ...fields },
      });
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(422);
    }
  });

  it("warns about low contrast in the theme", async () => {
    const { client, workspace } = await owner();
    const page = await createPage(client, workspace.id, {
      theme: { background_color: "#ffffff", text_color: "#eeeeee" },
    });
    expect(page.theme_warnings.map((w) => w.field)).toContain("text_color");
  });
});

describe("bio pages: who may do what", () => {
  it("lets contributors edit drafts but not publish, move or touch published pages", async () => {
    const { client, workspace } = await owner();
    const contributor = await teammate(workspace.id, "contributor");
    const draft = await createPage(contributor.client, workspace.id);
    expect(draft.is_active).toBe(false);
    await updatePage(contributor.client, workspace.id, draft.id, { title: "Better title" });
    const publish = await contributor.client.fetch(pagesPath(workspace.id, `/${draft.id}`), {
      method: "PATCH",
      json: { is_active: true },
    });
    expect(publish.status).toBe(403);
    const move = await contributor.client.fetch(pagesPath(workspace.id, `/${draft.id}`), {
      method: "PATCH",
      json: { slug: uniqueSlug() },
    });
    expect(move.status).toBe(403);
    const published = await createPage(client, workspace.id, { is_active: true });
    const edit = await contributor.client.fetch(pagesPath(workspace.id, `/${published.id}`), {
      method: "PATCH",
      json: { title: "Sneaky" },
    });
    expect(edit.status).toBe(403);
    const born = await contributor.client.fetch(pagesPath(workspace.id), {
      method: "POST",
      json: { title: "T", slug: uniqueSlug(), is_active: true },
    });
    expect(born.status).toBe(403);
  });

  it("refuses a contributor's delete, even of their own draft, and keeps the page", async () => {
    const { client, workspace } = await owner();
    const contributor = await teammate(workspace.id, "contributor");
    const draft = await createPage(contributor.client, workspace.id);
    const res = await contributor.client.fetch(pagesPath(workspace.id, `/${draft.id}`), { method: "DELETE" });
    expect(res.status).toBe(403);
    expect((await res.json()) as { error: { code: string } }).toMatchObject({ error: { code: "forbidden" } });
    expect((await client.fetch(pagesPath(workspace.id, `/${draft.id}`))).status).toBe(200);
  });

  it("lets editors publish and change the address; viewers only read", async () => {
    const { workspace, client } = await owner();
    const editor = await teammate(workspace.id, "editor");
    const viewer = await teammate(workspace.id, "viewer");
    const page = await createPage(client, workspace.id);
    const slug = uniqueSlug();
    const changed = await updatePage(editor.client, workspace.id, page.id, { is_active: true, slug });
    expect(changed).toMatchObject({ is_active: true, slug });
    expect((await viewer.client.fetch(pagesPath(workspace.id, `/${page.id}`))).status).toBe(200);
    const res = await viewer.client.fetch(pagesPath(workspace.id, `/${page.id}`), {
      method: "PATCH",
      json: { title: "x" },
    });
    expect(res.status).toBe(403);
    expect((await viewer.client.fetch(pagesPath(workspace.id, `/${page.id}`), { method: "DELETE" })).status).toBe(403);
  });

  it("answers 404 for another workspace's page and 412 for a stale If-Match", async () => {
    const a = await owner();
    const b = await owner();
    const page = await createPage(a.client, a.workspace.id);
    expect((await b.client.fetch(pagesPath(b.workspace.id, `/${page.id}`))).status).toBe(404);
    const etag = (await a.client.fetch(pagesPath(a.workspace.id, `/${page.id}`))).headers.get("ETag") ?? "";
    await updatePage(a.client, a.workspace.id, page.id, { title: "Second" });
    const stale = await a.client.fetch(pagesPath(a.workspace.id, `/${page.id}`), {
      method: "PATCH",
      headers: { "If-Match": etag },
      json: { title: "Third" },
    });
    expect(stale.status).toBe(412);
    expect((await errorOf(stale)).details).toMatchObject({ current: { title: "Second" } });
  });

  it("deletes a page and writes activity entries", async () => {
    const { client, workspace } = await owner();
    const page = await createPage(client, workspace.id);
    expect((await client.fetch(pagesPath(workspace.id, `/${page.id}`), { method: "DELETE" })).status).toBe(204);
    expect((await client.fetch(pagesPath(workspace.id, `/${page.id}`))).status).toBe(404);
    const activity = (await (await client.fetch(`/api/v1/workspaces/${workspace.id}/activity`)).json()) as {
      data: { type: string; entity_id: string }[];
    };
    const types = activity.data.filter((e) => e.entity_id === page.id).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["link_in_bio_page.created", "link_in_bio_page.deleted"]));
  });
});
