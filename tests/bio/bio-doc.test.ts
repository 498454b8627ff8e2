import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { connectDoc, eventually } from "../docs/doc-client";
import { signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { createPage, visit } from "./bio-helpers";

const roomOf = (workspaceId: string) => env.WORKSPACE_ROOM.get(env.WORKSPACE_ROOM.idFromName(workspaceId));

describe("the bio, edited together", () => {
  it("is co-edited as link_in_bio_pages:<id>:bio, only by those who may change the page, and reaches the public page", async () => {
    const owner = await signUp();
    const ws = await createWorkspace(owner.client);
    const page = await createPage(owner.client, ws.id, { is_active: true, bio: "Hello" });
    const name = `link_in_bio_pages:${page.id}:bio`;
    await (await visit(`/${page.slug}`)).arrayBuffer(); // cached with the old bio

    // A contributor may edit drafts only: on a published page their edits are dropped.
    const contributor = await teammate(ws.id, "contributor");
    const carl = await connectDoc(contributor.client, ws.id, name);
    await carl.synced;
    carl.text.insert(5, " from Carl");
    await carl.roundTrip();
    expect(await roomOf(ws.id).readDocText(name, ws.id)).toBe("Hello");
    carl.ws.close(1000);

    const olive = await connectDoc(owner.client, ws.id, name);
    await olive.synced;
    olive.text.insert(5, " there");
    await olive.roundTrip();
    expect(await roomOf(ws.id).readDocText(name, ws.id)).toBe("Hello there");
    // Written back to the row a moment later, and the public page's cache gives way to it.
    await eventually(
      async () => (await visit(`/${page.slug}`)).text(),
      (html) => html.includes("Hello there"),
      "the new bio on the public page",
    );
    olive.ws.close(1000);
  });
});
