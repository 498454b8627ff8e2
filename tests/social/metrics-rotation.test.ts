// A post whose metrics cannot be read must not hold up the others: every sync asks
// for the numbers least recently asked for, and a failed ask counts as asked.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { syncMetrics } from "../../worker/features/social/sync-metrics";
import {
  connectAccount,
  createPosts,
  db,
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

describe("metrics sync order", { timeout: 20_000 }, () => {
  it("sends a post whose metrics fail to the back of the line instead of first in every sync", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("mrot");
    const account = await connectAccount(owner.client, workspace.id, "twitter", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Numbers please",
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    const id = data[0]?.id ?? "";
    await makeDue([id]);
    await runCron();
    expect((await settled(id, isFinal)).status).toBe("published");

    await fake.fail({ platform: "x", user: name, path: "/2/tweets/", mode: "bad_request", times: 100 });
    const before = Date.now();
    await syncMetrics(env, db());
    const tried = await readPost(id);
    expect(tried.engagement_metrics).toBeNull();
    expect(tried.metrics_synced_at?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Asked just now: the next sync within the interval leaves it alone.
    const asked = (await fake.requests("x", name)).filter((r) => r.path.startsWith("/2/tweets/")).length;
    await syncMetrics(env, db());
    expect((await fake.requests("x", name)).filter((r) => r.path.startsWith("/2/tweets/"))).toHaveLength(asked);
  });
});
