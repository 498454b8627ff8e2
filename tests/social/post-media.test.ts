import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { errorOf, ORIGIN } from "../helpers/api";
import { teammate } from "../helpers/workspaces";
import {
  connectAccount,
  createPosts,
  fake,
  fakeUser,
  inMinutes,
  isFinal,
  makeDue,
  runCron,
  settled,
  socialWorkspace,
} from "./social-helpers";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

describe("post media", () => {
  it("stores an upload in R2, serves it publicly, and hands its URL to the network", async () => {
    const { owner, workspace } = await socialWorkspace();
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/media`, {
      method: "POST",
      headers: { "Content-Type": "image/png" },
      body: PNG,
    });
    expect(res.status).toBe(201);
    const media = (await res.json()) as { url: string; kind: string; bytes: number };
    expect(media).toMatchObject({ kind: "image", bytes: PNG.length });
    expect(media.url).toMatch(new RegExp(`^${ORIGIN}/media/social/${workspace.id}/[0-9a-f-]{36}\\.png$`));
    // Public: no cookie, as a network fetches it.
    const served = await SELF.fetch(media.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    const name = fakeUser("media");
    const account = await connectAccount(owner.client, workspace.id, "instagram", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "With a picture",
      media_urls: [media.url],
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    await makeDue([data[0]?.id ?? ""]);
    await runCron();
    expect((await settled(data[0]?.id ?? "", isFinal)).status).toBe("published");
    expect((await fake.published("meta", name))[0]?.media).toEqual([media.url]);
  });

  it("refuses other file types, empty files, and viewers", async () => {
    const { owner, workspace } = await socialWorkspace();
    const url = `/api/v1/workspaces/${workspace.id}/posts/media`;
    const pdf = await owner.client.fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/pdf" },
      body: PNG,
    });
    expect(pdf.status).toBe(415);
    const empty = await owner.client.fetch(url, {
      method: "POST",
      headers: { "Content-Type": "image/png" },
      body: new Uint8Array(),
    });
    expect((await errorOf(empty)).code).toBe("unsupported_media_type");
    const viewer = await teammate(workspace.id, "viewer");
    const refused = await viewer.client.fetch(url, {
      method: "POST",
      headers: { "Content-Type": "image/png" },
      body: PNG,
    });
    expect(refused.status).toBe(403);
    expect(
      (await SELF.fetch(`${ORIGIN}/media/social/${workspace.id}/00000000-0000-7000-8000-000000000000.png`)).status,
    ).toBe(404);
  });
});
