import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DOC_CLOSE } from "../../durable-objects/doc-protocol";
import { MAX_BIO_CHARS } from "../../worker/features/bio/render-bio-page";
import { parseDocName } from "../../worker/features/docs/collaborative-fields";
import { writeBackField } from "../../worker/features/docs/write-back-field";
import { connectDoc, eventually } from "../docs/doc-client";
import { signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { changeRowQuietly, createPage, database, pagesPath, visit } from "./bio-helpers";

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

  it("holds the bio to the API's 1,000 characters: a longer edit is refused, the longest allowed one is saved", async () => {
    const owner = await signUp();
    const ws = await createWorkspace(owner.client);
    const page = await createPage(owner.client, ws.id, { bio: "Hi" });
    const name = `link_in_bio_pages:${page.id}:bio`;
    const bioOf = async () =>
      ((await (await owner.client.fetch(pagesPath(ws.id, `/${page.id}`))).json()) as { bio: string | null }).bio;

    // One character too many, the way a paste arrives: refused whole, with the limit in words.
    const olive = await connectDoc(owner.client, ws.id, name);
    await olive.synced;
    olive.text.insert(2, "x".repeat(MAX_BIO_CHARS - 1));
    const closed = await olive.closed;
    expect(closed.code).toBe(DOC_CLOSE.TOO_LARGE);
    expect(closed.reason).toBe("The bio is limited to 1,000 characters; the last edit was not saved.");
    expect(await roomOf(ws.id).readDocText(name, ws.id)).toBe("Hi");

    // Exactly the limit goes through and reaches the row, where the API reads it and accepts it back.
    const again = await connectDoc(owner.client, ws.id, name);
    await again.synced;
    again.text.insert(2, "x".repeat(MAX_BIO_CHARS - 2));
    await again.roundTrip();
    again.ws.close(1000);
    const full = `Hi${"x".repeat(MAX_BIO_CHARS - 2)}`;
    await eventually(bioOf, (bio) => bio === full, "the 1,000-character bio in the row");
    const patch = (bio: string) =>
      owner.client.fetch(pagesPath(ws.id, `/${page.id}`), { method: "PATCH", json: { bio } });
    expect((await patch(full)).status).toBe(200);
    expect((await patch(`${full}!`)).status).toBe(422);
  });

  it("lets a bio saved before the limit be shortened, but not lengthened", async () => {
    const owner = await signUp();
    const ws = await createWorkspace(owner.client);
    const page = await createPage(owner.client, ws.id, { bio: "Old" });
    const legacy = "y".repeat(MAX_BIO_CHARS + 200);
    await changeRowQuietly(page.id, { bio: legacy });
    const name = `link_in_bio_pages:${page.id}:bio`;

    const olive = await connectDoc(owner.client, ws.id, name);
    await olive.synced;
    expect(olive.text.toString()).toBe(legacy);
    olive.text.delete(0, 50);
    await olive.roundTrip();
    expect(await roomOf(ws.id).readDocText(name, ws.id)).toHaveLength(MAX_BIO_CHARS + 150);
    olive.text.insert(0, "z");
    expect((await olive.closed).code).toBe(DOC_CLOSE.TOO_LARGE);
    expect(await roomOf(ws.id).readDocText(name, ws.id)).toHaveLength(MAX_BIO_CHARS + 150);
  });

  it("never writes a bio over the limit to the row, whatever the document holds", async () => {
    const owner = await signUp();
    const ws = await createWorkspace(owner.client);
    const page = await createPage(owner.client, ws.id, { bio: "Short and sweet." });
    const target = parseDocName(`link_in_bio_pages:${page.id}:bio`);
    if (!target) throw new Error("the bio is a collaborative field");
    const write = (text: string) =>
      writeBackField(env, database(), {
        workspaceId: ws.id,
        target,
        text,
        editor: { id: owner.user.id, name: "Olive" },
      });

    expect(await write("z".repeat(MAX_BIO_CHARS + 1))).toBe("too_long");
    const db = database();
    const [row] = await db.q.select().from(db.t.linkInBioPages).where(eq(db.t.linkInBioPages.id, page.id));
    expect(row?.bio).toBe("Short and sweet.");
    expect(await write("z".repeat(MAX_BIO_CHARS))).toBe("written");
  });
});
