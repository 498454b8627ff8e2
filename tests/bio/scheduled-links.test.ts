import { describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { createPage, visit } from "./bio-helpers";

describe("scheduled links", () => {
  it("appear at their time even on a cached page, and go at their end", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const soon = new Date(Date.now() + 1500).toISOString();
    const page = await createPage(client, workspace.id, {
      is_active: true,
      links: [
        { title: "Always here", url: "https://a.example/" },
        { title: "Drop at noon", url: "https://b.example/", starts_at: soon },
      ],
    });
    const before = await visit(`/${page.slug}`);
    expect(before.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    const first = await before.text();
    expect(first).toContain("Always here");
    expect(first).not.toContain("Drop at noon");
    // Cached, but only until the link's start.
    expect(await (await visit(`/${page.slug}`)).text()).not.toContain("Drop at noon");
    await new Promise((r) => setTimeout(r, 2100));
    expect(await (await visit(`/${page.slug}`)).text()).toContain("Drop at noon");
  });
});
