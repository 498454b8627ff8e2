// Facebook Pages, TikTok (multi-step: init, then status by later ticks) and YouTube
// (resumable upload through Google sign-in) against the fakes.
import { describe, expect, inject, it } from "vitest";
import { fakeGoogleControl } from "../fakes/fake-google-client";
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
  syncAll,
} from "./social-helpers";

describe("more networks", { timeout: 20_000 }, () => {
  it("publishes to a Facebook Page with the Page's own token and reads its metrics", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("fb");
    const account = await connectAccount(owner.client, workspace.id, "facebook", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "News from the Page",
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    const id = data[0]?.id ?? "";
    await makeDue([id]);
    await runCron();
    const row = await settled(id, isFinal);
    expect(row.status).toBe("published");
    const published = await fake.published("meta", name);
    expect(published.map((p) => p.text)).toEqual(["News from the Page"]);
    expect(row.external_post_id).toBe(published[0]?.id);
    await syncAll();
    expect((await settled(id, (r) => r.engagement_metrics !== null)).engagement_metrics).toMatchObject({
      likes: 9,
      comments: 3,
      shares: 2,
    });
  });

  it("publishes to TikTok in steps: init once, then status checks on later ticks", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("tt");
    const account = await connectAccount(owner.client, workspace.id, "tiktok", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "A short clip",
      media_urls: ["https://cdn.example.com/clip.mp4"],
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    const id = data[0]?.id ?? "";
    await makeDue([id]);
    await fake.fail({ platform: "tiktok", user: name, path: "/status", mode: "in_progress" });
    await runCron();
    const initiated = await settled(id, isFinal);
    expect(initiated).toMatchObject({ status: "publishing", publish_state: "waiting" });
    expect(initiated.publish_data).toMatchObject({ stage: "status", publish_id: expect.any(String) });
    await runCron(new Date(Date.now() + 31_000));
    await settled(
      id,
      (r) => r.publish_state === "waiting" && r.claimed_at?.getTime() !== initiated.claimed_at?.getTime(),
    );
    await runCron(new Date(Date.now() + 62_000));
    const done = await settled(id, (r) => r.status === "published");
    expect(done.external_post_id).toMatch(/^\d+$/);
    // The video was handed over once, however many ticks checked on it.
    expect(await fake.published("tiktok", name)).toHaveLength(1);
  });

  it("fails a TikTok post with TikTok's reason when TikTok says processing failed: nothing went out", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("ttf");
    const account = await connectAccount(owner.client, workspace.id, "tiktok", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "A broken clip",
      media_urls: ["https://cdn.example.com/broken.mp4"],
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    const id = data[0]?.id ?? "";
    await makeDue([id]);
    await fake.fail({
      platform: "tiktok",
      user: name,
      path: "/status",
      mode: "bad_request",
      reason: "file_format_check_failed",
    });
    await runCron();
    await settled(id, isFinal);
    await runCron(new Date(Date.now() + 31_000));
    const row = await settled(id, (r) => r.status === "failed");
    expect(row.failure_reason).toMatch(/file_format_check_failed/);
  });

  it("uploads to YouTube through a resumable session, signed in with Google", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("yt");
    await fakeGoogleControl(inject("fakeGoogleUrl")).registerCode({
      code: name,
      claims: { sub: `google-${name}`, email: `${name}@example.com`, email_verified: true },
    });
    const account = await connectAccount(owner.client, workspace.id, "youtube", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      title: "My video",
      content: "Watch this",
      media_urls: [`${inject("fakeSocialUrl")}/media/clip.mp4`],
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    const id = data[0]?.id ?? "";
    await makeDue([id]);
    await runCron();
    const row = await settled(id, isFinal);
    expect(row.status).toBe("published");
    const published = await fake.published("youtube", name);
    expect(published).toHaveLength(1);
    expect(published[0]?.media).toEqual(["2048 bytes"]);
    expect(row.external_post_id).toBe(published[0]?.id);
  });
});
