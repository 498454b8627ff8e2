// A page's images leave the BIO_MEDIA bucket (the real local R2 binding) when the page
// stops showing them: replaced, removed, or deleted with the page; and the hourly sweep
// finds whatever was left behind.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { uuidv7 } from "../../db/uuidv7";
import { SWEEP_GRACE_MS, SWEEP_MINUTE, sweepBioMedia } from "../../worker/features/bio/sweep-bio-media";
import worker from "../../worker/index";
import { eventually } from "../docs/doc-client";
import { signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { createPage, database, pagesPath, updatePage, visit } from "./bio-helpers";

/** A real 1×1 PNG; `variant` adds bytes after its end, which makes another file (another content hash). */
const png = (variant: number) =>
  Uint8Array.from(
    atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==") +
      String.fromCharCode(variant),
    (c) => c.charCodeAt(0),
  );

const keyOf = (url: string) => url.slice("/bio-media/".length);
const stored = async (url: string) => (await env.BIO_MEDIA.head(keyOf(url))) !== null;

async function setUp() {
  const { client } = await signUp();
  const workspace = await createWorkspace(client);
  const page = await createPage(client, workspace.id, { is_active: true });
  const upload = async (field: "profile_picture" | "background_image", body: Uint8Array) => {
    const res = await client.fetch(pagesPath(workspace.id, `/${page.id}/media?field=${field}`), {
      method: "POST",
      headers: { "Content-Type": "image/png" },
      body,
    });
    if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as Record<typeof field, string>)[field];
  };
  return { client, workspace, page, upload };
}

describe("page images in R2", () => {
  it("deletes the file a new upload replaced, keeps one the other field still shows, and deletes a removed one", async () => {
    const { client, workspace, page, upload } = await setUp();
    const first = await upload("profile_picture", png(1));
    expect(await stored(first)).toBe(true);

    // The same picture as the background too: one file, two fields.
    expect(await upload("background_image", png(1))).toBe(first);
    const second = await upload("profile_picture", png(2));
    expect(second).not.toBe(first);
    // The background still shows the first file: it stays, and is still served.
    await new Promise((r) => setTimeout(r, 200));
    expect(await stored(first)).toBe(true);
    expect((await visit(first)).status).toBe(200);

    // A new background: now nothing shows the first file.
    await upload("background_image", png(3));
    await eventually(
      () => stored(first),
      (found) => !found,
      "the replaced file to leave R2",
    );
    expect((await visit(first)).status).toBe(404);
    expect(await stored(second)).toBe(true);

    // Removing the picture removes its file.
    await updatePage(client, workspace.id, page.id, { profile_picture: null });
    await eventually(
      () => stored(second),
      (found) => !found,
      "the removed file to leave R2",
    );
  });

  it("deletes every file of a deleted page, uploads no row named included", async () => {
    const { client, workspace, page, upload } = await setUp();
    const picture = await upload("profile_picture", png(4));
    const background = await upload("background_image", png(5));
    // A file stored for the page whose page change never happened (an upload cut short).
    const stray = `/bio-media/${page.id}/${"ab".repeat(16)}.png`;
    await env.BIO_MEDIA.put(keyOf(stray), png(6));
    // Another page's file is none of this delete's business.
    const other = await setUp();
    const neighbour = await other.upload("profile_picture", png(4));

    const res = await client.fetch(pagesPath(workspace.id, `/${page.id}`), { method: "DELETE" });
    expect(res.status).toBe(204);
    for (const url of [picture, background, stray]) {
      await eventually(
        () => stored(url),
        (found) => !found,
        `${url} to leave R2`,
      );
    }
    expect(await stored(neighbour)).toBe(true);
  });

  it("sweeps, once an hour, the files no page shows: a deleted page's and a page's unused ones", async () => {
    const { page, upload } = await setUp();
    const shown = await upload("profile_picture", png(7));
    const unused = `/bio-media/${page.id}/${"cd".repeat(16)}.png`;
    const orphan = `/bio-media/${uuidv7()}/${"ef".repeat(16)}.png`;
    for (const url of [unused, orphan]) await env.BIO_MEDIA.put(keyOf(url), png(8));

    // Within the grace an upload needs to reach its page, nothing is touched.
    const early = await sweepBioMedia(env, database(), new Date(Date.now() + SWEEP_GRACE_MS / 2));
    expect(early.deleted).toBe(0);
    expect(await stored(unused)).toBe(true);

    // The minute cron runs the sweep at its minute of the hour, two hours on.
    const later = new Date(Date.now() + 2 * SWEEP_GRACE_MS);
    later.setUTCMinutes(SWEEP_MINUTE, 0, 0);
    if (later.getTime() < Date.now() + SWEEP_GRACE_MS) later.setUTCHours(later.getUTCHours() + 1);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *", scheduledTime: later.getTime() }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await stored(unused)).toBe(false);
    expect(await stored(orphan)).toBe(false);
    expect(await stored(shown)).toBe(true);
  });
});
