import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import worker from "../../worker/index";

describe("the minute cron", () => {
  it("prunes expired cache entries and locks, and keeps live ones", async () => {
    const db = connectD1(env.DB);
    const now = Math.floor(Date.now() / 1000);
    await db.atomic((q) => [
      q.insert(db.t.cache).values([
        { key: "cron:stale", value: "old", expiration: now - 10 },
        { key: "cron:fresh", value: "new", expiration: now + 3600 },
      ]),
      q.insert(db.t.cacheLocks).values({ key: "cron:lock", owner: "w1", expiration: now - 1 }),
    ]);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }), env, ctx);
    await waitOnExecutionContext(ctx);

    const keys = (await db.q.select({ key: db.t.cache.key }).from(db.t.cache)).map((r) => r.key);
    expect(keys).toContain("cron:fresh");
    expect(keys).not.toContain("cron:stale");
    expect(await db.q.$count(db.t.cacheLocks, eq(db.t.cacheLocks.key, "cron:lock"))).toBe(0);
  });
});
