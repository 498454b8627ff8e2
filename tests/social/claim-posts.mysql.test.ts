// The claim and publish path on MySQL (MariaDB): two cron runs at once claim disjoint
// posts and each post ends published exactly once. Without a queue binding the claimer
// publishes inline, through the same publisher; sandbox accounts need no network.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../db/uuidv7";
import { claimDuePosts } from "../../worker/features/social/claim-due-posts";
import type { Env } from "../../worker/lib/env";
import { type FreshDatabase, freshMySqlDatabase } from "../mysql/fresh-database";

let mysql: FreshDatabase;
beforeAll(async () => {
  mysql = await freshMySqlDatabase();
});
afterAll(() => mysql?.drop());

// No Durable Object in Node: live-feed publishing fails and is logged, as when a room is unreachable.
const env = { APP_ENV: "test" } as unknown as Env;

describe("claiming due posts on MySQL", () => {
  it("publishes each post once when two cron runs claim at the same time", async () => {
    const db = mysql.db;
    const userId = uuidv7();
    const workspaceId = uuidv7();
    const accountId = uuidv7();
    await db.atomic((q) => [
      q.insert(db.t.users).values({ id: userId, name: "Maria", email: `maria-${userId}@example.com`, password: "x" }),
      q
        .insert(db.t.workspaces)
        .values({ id: workspaceId, name: "Maria Co", slug: `maria-${userId}`, owner_id: userId }),
      q.insert(db.t.socialMediaAccounts).values({
        id: accountId,
        workspace_id: workspaceId,
        platform: "twitter",
        account_id: "sandbox-maria",
        username: "maria",
        status: "active",
        account_info: { sandbox: true },
      }),
    ]);
    const ids = Array.from({ length: 30 }, () => uuidv7());
    const due = new Date(Date.now() - 5000);
    await db.atomic((q) =>
      ids.map((id, i) =>
        q.insert(db.t.socialMediaPosts).values({
          id,
          workspace_id: workspaceId,
          social_media_account_id: accountId,
          content: `Post ${i}`,
          status: "scheduled",
          scheduled_at: due,
          created_by: userId,
        }),
      ),
    );
    const [a, b] = await Promise.all([claimDuePosts(env, db), claimDuePosts(env, db)]);
    expect((a?.claimed ?? 0) + (b?.claimed ?? 0)).toBe(30);
    const t = db.t.socialMediaPosts;
    const rows = await db.q.select().from(t).where(eq(t.workspace_id, workspaceId));
    expect(rows.every((r) => r.status === "published" && r.external_post_id === `sandbox-${r.id}`)).toBe(true);
    const log = db.t.activityLogs;
    const entries = await db.q.select().from(log).where(eq(log.workspace_id, workspaceId));
    expect(entries.filter((e) => e.type === "social_media_post.published")).toHaveLength(30);
    // A third run finds nothing left to claim.
    expect((await claimDuePosts(env, db)).claimed).toBe(0);
  });
});
