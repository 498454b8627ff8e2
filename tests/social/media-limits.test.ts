// Media is never dropped on the way to a network: what an adapter cannot send is
// refused when the post is composed (and by the publisher, for older posts), what
// it can send arrives whole, and each network's size limit applies to uploads.
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { type Client, errorOf } from "../helpers/api";
import { connectAccount, db, duePost, fake, fakeUser, publishDue, socialWorkspace } from "./social-helpers";

const compose = (who: Client, workspaceId: string, body: Record<string, unknown>) =>
  who.fetch(`/api/v1/workspaces/${workspaceId}/posts`, { method: "POST", json: body });

async function upload(who: Client, workspaceId: string, bytes: number, type = "image/png") {
  const res = await who.fetch(`/api/v1/workspaces/${workspaceId}/posts/media`, {
    method: "POST",
    headers: { "Content-Type": type },
    body: new Uint8Array(bytes).fill(7),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { url: string; bytes: number };
}

describe("post media and each network", { timeout: 20_000 }, () => {
  it("refuses what an adapter cannot send, with a clear reason: videos and a fifth image for X, an eleventh photo or any video for a Facebook Page", async () => {
    const { owner, workspace } = await socialWorkspace();
    const x = await connectAccount(owner.client, workspace.id, "twitter", fakeUser("xm"));
    const fb = await connectAccount(owner.client, workspace.id, "facebook", fakeUser("fbm"));
    const fiveToX = await compose(owner.client, workspace.id, {
      account_ids: [x.id],
      content: "Five photos",
      media_urls: ["a", "b", "c", "d", "e"].map((n) => `https://cdn.example.com/${n}.jpg`),
    });
    expect(fiveToX.status).toBe(422);
    expect((await errorOf(fiveToX)).message).toMatch(/X takes at most 4 media items/);
    const clipToX = await compose(owner.client, workspace.id, {
      account_ids: [x.id],
      content: "A clip",
      media_urls: ["https://cdn.example.com/a.mp4"],
    });
    expect(clipToX.status).toBe(422);
    expect((await errorOf(clipToX)).message).toMatch(/X does not take videos/);
    const elevenPhotos = await compose(owner.client, workspace.id, {
      account_ids: [fb.id],
      content: "Eleven photos",
      media_urls: Array.from({ length: 11 }, (_, i) => `https://cdn.example.com/${i}.jpg`),
    });
    expect(elevenPhotos.status).toBe(422);
    expect(JSON.stringify((await errorOf(elevenPhotos)).details)).toMatch(/Attach at most 10 media/);
    const video = await compose(owner.client, workspace.id, {
      account_ids: [fb.id],
      content: "A clip",
      media_urls: ["https://cdn.example.com/a.mp4"],
    });
    expect(video.status).toBe(422);
    expect((await errorOf(video)).message).toMatch(/Facebook does not take videos/);
  });

  it("fails, rather than sends without it, a Facebook post whose video the Page cannot take", async () => {
    const { name, id } = await duePost("facebook", "fbold", { content: "Composed long ago" });
    const d = db();
    const t = d.t.socialMediaPosts;
    // Written behind the API's back, as a post from before the limit would be.
    await d.atomic((q) => [
      q
        .update(t)
        .set({ media_urls: ["https://cdn.example.com/a.mp4"] })
        .where(eq(t.id, id)),
    ]);
    const row = await publishDue(id);
    expect(row.status).toBe("failed");
    expect(row.failure_reason).toMatch(/Facebook does not take videos/);
    expect(await fake.published("meta", name)).toHaveLength(0);
  });

  it("uploads a Page post's photos unpublished, then attaches them all to one feed post", async () => {
    const photos = ["https://cdn.example.com/a.jpg", "https://cdn.example.com/b.png", "https://cdn.example.com/c.jpg"];
    const { name, id } = await duePost("facebook", "fbim", {
      content: "Opening night, in three photos",
      media_urls: photos,
    });
    const row = await publishDue(id);
    expect(row.status).toBe("published");
    const published = await fake.published("meta", name);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ text: "Opening night, in three photos", media: photos });
    expect(row.external_post_id).toBe(published[0]?.id);
    const calls = await fake.requests("meta", name);
    expect(calls.filter((c) => c.path.endsWith("/photos")).map((c) => c.status)).toEqual([200, 200, 200]);
    expect(calls.filter((c) => c.path.endsWith("/feed"))).toHaveLength(1);
  });

  it("uploads every image of an X post first, then names them all in the one post", async () => {
    const base = inject("fakeSocialUrl");
    const { name, id } = await duePost("twitter", "xim", {
      content: "Three frames from the shoot",
      media_urls: [`${base}/media/one.png`, `${base}/media/two.jpg`, `${base}/media/three.png`],
    });
    const row = await publishDue(id);
    expect(row.status).toBe("published");
    const published = await fake.published("x", name);
    expect(published).toHaveLength(1);
    expect(published[0]?.text).toBe("Three frames from the shoot");
    expect(published[0]?.media).toEqual(Array(3).fill(expect.stringMatching(/^\d+ \(2048 bytes\)$/)));
    expect(row.external_post_id).toBe(published[0]?.id);
    const calls = await fake.requests("x", name);
    expect(calls.filter((c) => c.path.endsWith("/2/media/upload")).map((c) => c.status)).toEqual([200, 200, 200]);
  });

  it("fails an X post whose image X refuses, and posts nothing", async () => {
    const { name, id } = await duePost("twitter", "xbad", {
      content: "A picture X will not take",
      media_urls: [`${inject("fakeSocialUrl")}/media/odd.png`],
    });
    await fake.fail({
      platform: "x",
      user: name,
      path: "/2/media/upload",
      mode: "bad_request",
      reason: "Unsupported image",
    });
    const row = await publishDue(id);
    expect(row.status).toBe("failed");
    expect(row.failure_reason).toMatch(/Unsupported image/);
    expect(await fake.published("x", name)).toHaveLength(0);
  });

  it("sends every image of a LinkedIn post through the Images API", async () => {
    const base = inject("fakeSocialUrl");
    const { name, id } = await duePost("linkedin", "lim", {
      content: "Two pictures from the launch",
      media_urls: [`${base}/media/one.png`, `${base}/media/two.png`],
    });
    const row = await publishDue(id);
    expect(row.status).toBe("published");
    const published = await fake.published("linkedin", name);
    expect(published).toHaveLength(1);
    expect(published[0]?.media).toEqual(Array(2).fill(expect.stringMatching(/^urn:li:image:\d+ \(2048 bytes\)$/)));
    expect(row.external_post_id).toBe(published[0]?.id);
  });

  it("holds an uploaded image to each network's size limit: 9 MB is too big for Instagram, fine for LinkedIn", async () => {
    const { owner, workspace } = await socialWorkspace();
    const ig = await connectAccount(owner.client, workspace.id, "instagram", fakeUser("igbig"));
    const li = await connectAccount(owner.client, workspace.id, "linkedin", fakeUser("libig"));
    const big = await upload(owner.client, workspace.id, 9 * 1024 * 1024);
    expect(big.bytes).toBe(9 * 1024 * 1024);
    const toInstagram = await compose(owner.client, workspace.id, {
      account_ids: [ig.id, li.id],
      content: "A large photo",
      media_urls: [big.url],
    });
    expect(toInstagram.status).toBe(422);
    const error = await errorOf(toInstagram);
    expect(error.message).toMatch(/Instagram takes images up to 8 MB/);
    expect(error.message).not.toMatch(/LinkedIn/);
    const toLinkedIn = await compose(owner.client, workspace.id, {
      account_ids: [li.id],
      content: "A large photo",
      media_urls: [big.url],
    });
    expect(toLinkedIn.status).toBe(201);
    const small = await upload(owner.client, workspace.id, 1024);
    expect(
      (await compose(owner.client, workspace.id, { account_ids: [ig.id], content: "Small", media_urls: [small.url] }))
        .status,
    ).toBe(201);
  });
});
