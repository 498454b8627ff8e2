// Publishing to Facebook Pages and Instagram when Meta's Graph API pushes back: its
// rate limits (codes 4, 32, 613, answered with HTTP 400/403 rather than 429, with the
// wait in its own headers) and its expired tokens (code 190), which Meta "refreshes" by
// exchanging the long-lived token — once; refused again, the account is marked.
import { describe, expect, it } from "vitest";
import {
  connectAccount,
  createPosts,
  fake,
  fakeUser,
  inMinutes,
  isFinal,
  makeDue,
  readPost,
  runCron,
  settled,
  socialWorkspace,
} from "./social-helpers";

async function duePost(platform: "facebook" | "instagram", content: string) {
  const { owner, workspace } = await socialWorkspace();
  const name = fakeUser(platform === "facebook" ? "fb" : "ig");
  const account = await connectAccount(owner.client, workspace.id, platform, name);
  const { data } = await createPosts(owner.client, workspace.id, {
    account_ids: [account.id],
    content,
    // Instagram needs a picture; an image container is ready at once, so all steps run in one tick.
    media_urls: platform === "instagram" ? ["https://cdn.example.com/photo.jpg"] : [],
    status: "scheduled",
    scheduled_at: inMinutes(30),
  });
  const postId = data[0]?.id ?? "";
  await makeDue([postId]);
  const accountStatus = async () => {
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts`);
    const list = (await res.json()) as { data: { id: string; status: string; last_error: string | null }[] };
    return list.data.find((a) => a.id === account.id);
  };
  return { name, postId, accountStatus };
}

/** Meta's long-lived token exchanges of this user (how a Meta token is refreshed). */
const exchanges = async (name: string) =>
  (await fake.requests("meta", name)).filter((r) => r.path === "/oauth/access_token" && r.status === 200).length;

describe("Meta's rate limits while publishing", { timeout: 30_000 }, () => {
  // 4: the app's limit, usage in X-App-Usage only (no time: the backoff); 32: a Page's limit, with
  // the minutes to regain access in X-Business-Use-Case-Usage; 613: a custom limit, no headers.
  it.each([
    { code: 4, reset: undefined },
    { code: 32, reset: 300 },
    { code: 613, reset: undefined },
  ])("waits out Graph code $code, then publishes to the Page once", async ({ code, reset }) => {
    const { name, postId } = await duePost("facebook", `Rate limited with ${code}`);
    await fake.fail({ platform: "meta", user: name, path: "/feed", mode: "rate_limit", code, reset_seconds: reset });
    await runCron();
    const waiting = await settled(postId, isFinal);
    expect(waiting).toMatchObject({ status: "publishing", publish_state: "waiting", publish_attempts: 1 });
    expect(waiting.failure_reason).toMatch(/limit/i);
    const wait = (waiting.next_attempt_at?.getTime() ?? 0) - Date.now();
    // The header's five minutes when Meta gives them, else the first backoff step (a minute).
    if (reset) expect(wait).toBeGreaterThan(290_000);
    else {
      expect(wait).toBeGreaterThan(50_000);
      expect(wait).toBeLessThan(70_000);
    }
    expect(await fake.published("meta", name)).toHaveLength(0);
    // Not before its time.
    await runCron();
    expect((await readPost(postId)).publish_state).toBe("waiting");
    await runCron(new Date(Date.now() + wait + 1000));
    const done = await settled(postId, (r) => r.status === "published");
    const published = await fake.published("meta", name);
    expect(published).toHaveLength(1);
    expect(done.external_post_id).toBe(published[0]?.id);
  });

  it("waits out a rate limit on Instagram's media_publish and publishes the same container once", async () => {
    const { name, postId } = await duePost("instagram", "A photo, rate limited");
    await fake.fail({ platform: "meta", user: name, path: "/media_publish", mode: "rate_limit", reset_seconds: 120 });
    await runCron();
    const waiting = await settled(postId, isFinal);
    expect(waiting).toMatchObject({ status: "publishing", publish_state: "waiting" });
    // The container is kept: the retry publishes it rather than making another.
    expect(waiting.publish_data).toMatchObject({ stage: "publish", container_id: expect.any(String) });
    expect(waiting.next_attempt_at?.getTime()).toBeGreaterThan(Date.now() + 110_000);
    await runCron(new Date(Date.now() + 121_000));
    await settled(postId, (r) => r.status === "published");
    const containers = (await fake.requests("meta", name)).filter((r) => /\/media$/.test(r.path) && r.status === 200);
    expect(containers).toHaveLength(1);
    expect(await fake.published("meta", name)).toHaveLength(1);
  });
});

describe("Meta's expired tokens while publishing", { timeout: 30_000 }, () => {
  it.each(["facebook", "instagram"] as const)(
    "on %s: exchanges the token once, retries the call once, and publishes",
    async (platform) => {
      const { name, postId, accountStatus } = await duePost(platform, `Token expired on ${platform}`);
      const before = await exchanges(name);
      const path = platform === "facebook" ? "/feed" : "/media_publish";
      await fake.fail({ platform: "meta", user: name, path, mode: "expired_token" });
      await runCron();
      const row = await settled(postId, isFinal);
      expect(row.status).toBe("published");
      expect((await exchanges(name)) - before).toBe(1);
      expect(await fake.published("meta", name)).toHaveLength(1);
      expect((await accountStatus())?.status).toBe("active");
    },
  );

  it.each(["facebook", "instagram"] as const)(
    "on %s: still refused after one refresh, the account is marked and the post fails with the reason",
    async (platform) => {
      const { name, postId, accountStatus } = await duePost(platform, `Refused twice on ${platform}`);
      const before = await exchanges(name);
      const path = platform === "facebook" ? "/feed" : "/media_publish";
      await fake.fail({ platform: "meta", user: name, path, mode: "expired_token", times: 2 });
      await runCron();
      const row = await settled(postId, isFinal);
      expect(row.status).toBe("failed");
      expect(row.failure_reason).toMatch(/reconnect/i);
      expect(row.failure_reason).toMatch(/Session has expired/);
      // One refresh, not a loop of them; nothing went out.
      expect((await exchanges(name)) - before).toBe(1);
      expect(await fake.published("meta", name)).toHaveLength(0);
      const account = await accountStatus();
      expect(account?.status).toBe("expired");
      expect(account?.last_error).toMatch(/Session has expired/);
      // Failed means nothing went out: it may be retried once the account is reconnected.
      expect(row.external_post_id).toBeNull();
    },
  );
});
