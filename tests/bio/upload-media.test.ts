import { describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { createPage, pagesPath, updatePage, visit } from "./bio-helpers";

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

async function setUp() {
  const { client } = await signUp();
  const workspace = await createWorkspace(client);
  const page = await createPage(client, workspace.id, { is_active: true });
  const upload = (field: string, body: Uint8Array, type = "image/png") =>
    client.fetch(pagesPath(workspace.id, `/${page.id}/media?field=${field}`), {
      method: "POST",
      headers: { "Content-Type": type },
      body,
    });
  return { client, workspace, page, upload };
}

describe("page images", () => {
  it("stores an upload in R2, points the page at it and serves it with a year-long immutable cache", async () => {
    const { page, upload } = await setUp();
    const res = await upload("profile_picture", PNG);
    expect(res.status).toBe(200);
    const updated = (await res.json()) as { profile_picture: string };
    expect(updated.profile_picture).toMatch(new RegExp(`^/bio-media/${page.id}/[0-9a-f]{32}\\.png$`));
    const image = await visit(updated.profile_picture);
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(image.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(image.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    const html = await (await visit(`/${page.slug}`)).text();
    expect(html).toContain(`<img class="bio-avatar" src="${updated.profile_picture}"`);
    expect(html).toContain(`<meta property="og:image" content="http://localhost${updated.profile_picture}">`);
  });

  it("shows an uploaded background at once: the page's background becomes that image, other theme choices kept", async () => {
    const { client, workspace, page, upload } = await setUp();
    await updatePage(client, workspace.id, page.id, { theme: { preset: "sunset", button_color: "#123456" } });
    const res = await upload("background_image", PNG);
    expect(res.status).toBe(200);
    const updated = (await res.json()) as { background_image: string; theme: Record<string, unknown> };
    expect(updated.theme).toEqual({ preset: "sunset", button_color: "#123456", background_type: "image" });
    const html = await (await visit(`/${page.slug}`)).text();
    expect(html).toContain(`url("${updated.background_image}") center/cover`);
  });

  it("judges the file by its bytes and its size, not by what it claims", async () => {
    const { upload } = await setUp();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload("profile_picture", svg, "image/png")).status).toBe(415);
    const html = new TextEncoder().encode("<html><script>alert(1)</script>");
    expect((await upload("background_image", html, "image/jpeg")).status).toBe(415);
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await upload("profile_picture", big)).status).toBe(413);
    expect((await upload("cover", PNG)).status).toBe(422);
    expect((await visit("/bio-media/not-a-page/x.png")).status).toBe(404);
  });

  it("refuses a contributor's upload to a published page", async () => {
    const { workspace, page } = await setUp();
    const contributor = await teammate(workspace.id, "contributor");
    const res = await contributor.client.fetch(pagesPath(workspace.id, `/${page.id}/media?field=profile_picture`), {
      method: "POST",
      headers: { "Content-Type": "image/png" },
      body: PNG,
    });
    expect(res.status).toBe(403);
  });
});
