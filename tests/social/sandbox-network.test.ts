// The local sandbox: connect without credentials, publish and fail on demand through
// the same cron, queue and publisher; retry failed posts in bulk; settle unconfirmed ones.
import { describe, expect, it } from "vitest";
import { uuidv7 } from "../../db/uuidv7";
import { createdAtOf, sandboxAdapter, sandboxTokens } from "../../worker/features/social/platforms/sandbox-adapter";
import {
  createPosts,
  db,
  inMinutes,
  isFinal,
  makeDue,
  readPost,
  runCron,
  settled,
  socialWorkspace,
  syncAll,
} from "./social-helpers";

async function sandboxWorkspace() {
  const { owner, workspace } = await socialWorkspace();
  const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/sandbox`, {
    method: "POST",
    json: { platform: "instagram" },
  });
  const account = (await res.json()) as { id: string };
  const schedule = async (content: string) => {
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content,
      media_urls: ["https://cdn.example.com/photo.jpg"],
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    const id = data[0]?.id ?? "";
    await makeDue([id]);
    return id;
  };
  return { owner, workspace, account, schedule };
}

describe("the sandbox network", () => {
  it("publishes, fails on demand with a reason, and retries failed posts in bulk", async () => {
    const { owner, workspace, schedule } = await sandboxWorkspace();
    const good = await schedule("Hello sandbox");
    const bad = await schedule("This one should #fail");
    await runCron();
    const published = await settled(good, isFinal);
    expect(published).toMatchObject({ status: "published", external_post_id: `sandbox-${good}` });
    const failed = await settled(bad, isFinal);
    expect(failed.status).toBe("failed");
    expect(failed.failure_reason).toMatch(/#fail/);

    const retry = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/retry`, {
      method: "POST",
      json: { all_failed: true },
    });
    expect(await retry.json()).toEqual({ retried: 1 });
    expect((await readPost(bad)).status).toBe("scheduled");
    // Still asks to fail: fails again, through the same path.
    await runCron();
    expect((await settled(bad, isFinal)).status).toBe("failed");
  });

  it("leaves a #timeout post unconfirmed for a person to settle", async () => {
    const { owner, workspace, schedule } = await sandboxWorkspace();
    const id = await schedule("Lost in the network #timeout");
    await runCron();
    expect((await settled(id, isFinal)).status).toBe("unconfirmed");
    // Bulk retry never touches unconfirmed posts: it could publish twice.
    const bulk = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/retry`, {
      method: "POST",
      json: { all_failed: true },
    });
    expect(await bulk.json()).toEqual({ retried: 0 });
    const confirm = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/${id}/confirm`, {
      method: "POST",
      json: { published: true, external_post_id: "seen-it-live" },
    });
    expect(await confirm.json()).toMatchObject({ status: "published", external_post_id: "seen-it-live" });
  });

  it("publishes through a seeded demo account, which has no tokens at all", async () => {
    const { owner, workspace } = await socialWorkspace();
    const d = db();
    const accountId = uuidv7();
    await d.atomic((q) => [
      q.insert(d.t.socialMediaAccounts).values({
        id: accountId,
        workspace_id: workspace.id,
        platform: "twitter",
        account_id: "sandbox_twitter_demo",
        username: "demo",
        access_tokens: null,
        status: "active",
        account_info: { sandbox: true, followers_count: 10 },
      }),
    ]);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [accountId],
      content: "From the demo data",
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    const id = data[0]?.id ?? "";
    await makeDue([id]);
    await runCron();
    expect((await settled(id, isFinal)).status).toBe("published");
  });

  it("refreshes engagement metrics of published posts on the slower cadence", async () => {
    const { schedule } = await sandboxWorkspace();
    const id = await schedule("Count my likes");
    await runCron();
    await settled(id, isFinal);
    await syncAll();
    const row = await readPost(id);
    expect(row.engagement_metrics).toMatchObject({ likes: expect.any(Number), impressions: expect.any(Number) });
    expect(row.metrics_synced_at).toBeInstanceOf(Date);
  });
});

describe("sandbox metrics", () => {
  it("grow with the post's age, read from the time in its UUIDv7 id", async () => {
    const twoHoursAgo = (Date.now() - 2 * 3_600_000).toString(16).padStart(12, "0");
    const id = `sandbox-${twoHoursAgo.slice(0, 8)}-${twoHoursAgo.slice(8, 12)}-7000-8000-000000000000`;
    expect(createdAtOf(id)).toBe(Number.parseInt(twoHoursAgo, 16));
    const seed = [...id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
    const metrics = await sandboxAdapter("linkedin").fetchMetrics(id, {
      tokens: sandboxTokens(),
      account: { account_id: "sandbox", username: "demo", info: {} },
    });
    // Two hours old: two likes and thirty impressions an hour on top of the post's own base.
    expect(metrics).toEqual({
      likes: (seed % 40) + 4,
      comments: Math.floor((seed % 7) + 0.5),
      shares: seed % 5,
      impressions: (seed % 400) + 60,
    });
  });
});

describe("publishing across daylight saving", () => {
  it("publishes a post set for 03:30 on the night Paris clocks jump from 02:00 to 03:00, not an hour off", async () => {
    const { owner, workspace } = await socialWorkspace({ timezone: "Europe/Paris" });
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/sandbox`, {
      method: "POST",
      json: { platform: "linkedin" },
    });
    const account = (await res.json()) as { id: string };
    const year = new Date().getUTCFullYear() + 1;
    const lastSunday = 31 - new Date(Date.UTC(year, 2, 31)).getUTCDay();
    const day = `${year}-03-${String(lastSunday).padStart(2, "0")}`;
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Right after the change",
      status: "scheduled",
      scheduled_at: `${day}T03:30`,
    });
    const id = data[0]?.id ?? "";
    // 03:30 CEST is 01:30 UTC; in CET it would have been 02:30 UTC.
    const instant = new Date(`${day}T01:30:00Z`);
    await runCron(new Date(instant.getTime() - 30_000));
    expect((await readPost(id)).status).toBe("scheduled");
    await runCron(new Date(instant.getTime() + 1000));
    expect((await settled(id, isFinal)).status).toBe("published");
  });
});
