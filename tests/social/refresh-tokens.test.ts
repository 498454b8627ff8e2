// Connections that do not break silently: refreshes under a per-account lease, a
// stored refresh token never replaced by an empty one, dead connections announced.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readTokens } from "../../worker/features/social/account-tokens";
import { publishPost } from "../../worker/features/social/publish-post";
import { freshTokens } from "../../worker/features/social/refresh-account";
import { refreshExpiringAccounts } from "../../worker/features/social/refresh-expiring-accounts";
import { connectLive } from "../helpers/live";
import {
  connectAccount,
  createPosts,
  db,
  fake,
  fakeUser,
  inMinutes,
  isFinal,
  runCron,
  settled,
  socialWorkspace,
} from "./social-helpers";

async function expireStoredToken(accountId: string, inMs = -1000) {
  const d = db();
  const t = d.t.socialMediaAccounts;
  const [row] = await d.q.select().from(t).where(eq(t.id, accountId));
  if (!row) throw new Error("no account");
  // The expiry column drives refresh-ahead; the sealed tokens carry their own copy.
  const { tokenColumns } = await import("../../worker/features/social/account-tokens");
  const tokens = await readTokens(env, row);
  const columns = await tokenColumns(env, { ...tokens, expires_at: new Date(Date.now() + inMs).toISOString() });
  await d.atomic((q) => [q.update(t).set(columns).where(eq(t.id, accountId))]);
}

async function storedTokens(accountId: string) {
  const d = db();
  const t = d.t.socialMediaAccounts;
  const [row] = await d.q.select().from(t).where(eq(t.id, accountId));
  if (!row) throw new Error("no account");
  return { row, tokens: await readTokens(env, row) };
}

describe("refreshing tokens", () => {
  it("leaves a working account after concurrent refreshes of a rotating (X) refresh token", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("rot");
    const account = await connectAccount(owner.client, workspace.id, "twitter", name);
    await expireStoredToken(account.id);
    // A slow token endpoint widens the race: without the lease both would spend the same refresh token.
    await fake.slowTokens("x", name, 300);
    const d = db();
    const results = await Promise.all(Array.from({ length: 4 }, () => freshTokens(env, d, account.id)));
    const refreshes = (await fake.requests("x", name)).filter((r) => r.path === "/2/oauth2/token" && r.status === 200);
    // One exchange at connect time, one refresh.
    expect(refreshes).toHaveLength(2);
    expect(new Set(results.map((r) => r.access_token)).size).toBe(1);
    const { row, tokens } = await storedTokens(account.id);
    expect(row.status).toBe("active");
    expect(tokens.access_token).toBe(results[0]?.access_token);
    // The stored refresh token is the new, unspent one: another refresh works.
    await fake.slowTokens("x", name, 0);
    const again = await freshTokens(env, d, account.id, { force: true });
    expect(again.access_token).not.toBe(tokens.access_token);
    expect((await storedTokens(account.id)).row.status).toBe("active");
  });

  it("keeps the stored refresh token when the platform answers a refresh without one (LinkedIn)", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("keep");
    const account = await connectAccount(owner.client, workspace.id, "linkedin", name);
    const before = (await storedTokens(account.id)).tokens;
    expect(before.refresh_token).toBeTruthy();
    const next = await freshTokens(env, db(), account.id, { force: true });
    expect(next.access_token).not.toBe(before.access_token);
    expect((await storedTokens(account.id)).tokens.refresh_token).toBe(before.refresh_token);
  });

  it("refreshes ahead of expiry from the cron", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("ahead");
    const account = await connectAccount(owner.client, workspace.id, "twitter", name);
    await expireStoredToken(account.id, 10 * 60_000);
    const before = (await storedTokens(account.id)).tokens.access_token;
    await runCron();
    const after = await storedTokens(account.id);
    expect(after.tokens.access_token).not.toBe(before);
    expect(after.row.token_expires_at?.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
  });

  it("marks an account expired when its refresh token is dead, and tells the workspace live", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("dead");
    const account = await connectAccount(owner.client, workspace.id, "twitter", name);
    const live = await connectLive(owner.client, workspace.id);
    await live.next("hello");
    await fake.revoke("x", name);
    await expireStoredToken(account.id);
    await runCron();
    const change = await live.next(
      "change",
      (m) => m.entity_type === "social_media_account" && m.entity_id === account.id,
    );
    expect(change.data).toMatchObject({ status: "expired", last_error: expect.stringMatching(/invalid_grant/) });
    expect((await storedTokens(account.id)).row.status).toBe("expired");
    live.ws.close();
  });

  it("records a dead refresh token met while publishing once: expired, one entry, one reason", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("once");
    const account = await connectAccount(owner.client, workspace.id, "twitter", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Meets a dead connection",
      status: "scheduled",
      scheduled_at: inMinutes(30),
    });
    const postId = data[0]?.id ?? "";
    // The publisher finds the access token expired and refreshes it: the refresh token is dead.
    await fake.revoke("x", name);
    await expireStoredToken(account.id);
    // The publisher itself meets it (the cron's refresh-ahead has not run yet).
    const d = db();
    const p = d.t.socialMediaPosts;
    await d.atomic((q) => [q.update(p).set({ status: "publishing", publish_state: "queued" }).where(eq(p.id, postId))]);
    expect(await publishPost(env, d, postId)).toBe("failed");
    const post = await settled(postId, isFinal);
    expect(post.status).toBe("failed");
    expect(post.failure_reason).toMatch(/reconnect/i);
    const { row } = await storedTokens(account.id);
    expect(row.status).toBe("expired");
    expect(row.last_error).toMatch(/invalid_grant/);
    const log = d.t.activityLogs;
    const entries = (await d.q.select().from(log).where(eq(log.entity_id, account.id))).filter(
      (e) => e.type === "social_media_account.disconnected",
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.metadata).toEqual({ status: "expired" });
  });

  it("leaves a working account after concurrent refreshes of TikTok's rotating refresh token", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("ttrot");
    const account = await connectAccount(owner.client, workspace.id, "tiktok", name);
    await expireStoredToken(account.id);
    await fake.slowTokens("tiktok", name, 300);
    const d = db();
    const results = await Promise.all(Array.from({ length: 4 }, () => freshTokens(env, d, account.id)));
    const tokenRequests = (await fake.requests("tiktok", name)).filter((r) => r.path === "/v2/oauth/token/");
    // The code exchange and one refresh; no refresh spent a token another had already spent.
    expect(tokenRequests.map((r) => r.status)).toEqual([200, 200]);
    expect(new Set(results.map((r) => r.access_token)).size).toBe(1);
    await fake.slowTokens("tiktok", name, 0);
    const again = await freshTokens(env, d, account.id, { force: true });
    expect(again.access_token).not.toBe(results[0]?.access_token);
    expect((await storedTokens(account.id)).row.status).toBe("active");
  });

  it("lets the cron's refresh-ahead and the publisher's refresh after a refused token race without losing TikTok", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("ttrace");
    const account = await connectAccount(owner.client, workspace.id, "tiktok", name);
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Published while the cron refreshes",
      media_urls: ["https://cdn.example.com/clip.mp4"],
      status: "scheduled",
      scheduled_at: inMinutes(30),
    });
    const postId = data[0]?.id ?? "";
    // Due for the cron's refresh-ahead, still good for the publisher's own check.
    await expireStoredToken(account.id, 10 * 60_000);
    await fake.slowTokens("tiktok", name, 400);
    // TikTok refuses the token the publisher holds: it must refresh while the cron is refreshing.
    await fake.fail({ platform: "tiktok", user: name, path: "/post/publish/video/init/", mode: "expired_token" });
    const d = db();
    const p = d.t.socialMediaPosts;
    await d.atomic((q) => [q.update(p).set({ status: "publishing", publish_state: "queued" }).where(eq(p.id, postId))]);
    const cron = refreshExpiringAccounts(env, d);
    await new Promise((r) => setTimeout(r, 50));
    const [refreshed, outcome] = await Promise.all([cron, publishPost(env, d, postId)]);
    expect(refreshed).toBe(1);
    // TikTok has the video and checks it: the publisher went on with the cron's new token.
    expect(outcome).toBe("waiting");
    expect(await fake.published("tiktok", name)).toHaveLength(1);
    const tokenRequests = (await fake.requests("tiktok", name)).filter((r) => r.path === "/v2/oauth/token/");
    expect(tokenRequests.every((r) => r.status === 200)).toBe(true);
    expect(tokenRequests).toHaveLength(2);
    const { row, tokens } = await storedTokens(account.id);
    expect(row.status).toBe("active");
    await fake.slowTokens("tiktok", name, 0);
    const again = await freshTokens(env, d, account.id, { force: true });
    expect(again.access_token).not.toBe(tokens.access_token);
  });
});
