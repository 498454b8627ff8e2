// Connections that do not break silently: refreshes under a per-account lease, a
// stored refresh token never replaced by an empty one, dead connections announced.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readTokens } from "../../worker/features/social/account-tokens";
import { publishPost } from "../../worker/features/social/publish-post";
import { freshTokens } from "../../worker/features/social/refresh-account";
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
});
