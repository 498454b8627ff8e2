// Rotating the key that seals platform tokens (SOCIAL_TOKEN_KEYS, newest first): tokens
// sealed with an older key still open and move to the newest at their next write; a key
// taken out of the list leaves its accounts asking to be reconnected, with the reason.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readTokens, tokenColumns } from "../../worker/features/social/account-tokens";
import { publishPost } from "../../worker/features/social/publish-post";
import { freshTokens } from "../../worker/features/social/refresh-account";
import { refreshExpiringAccounts } from "../../worker/features/social/refresh-expiring-accounts";
import type { Env } from "../../worker/lib/env";
import {
  connectAccount,
  createPosts,
  db,
  fake,
  fakeUser,
  inMinutes,
  readPost,
  socialWorkspace,
} from "./social-helpers";

const OLD = { ...env, SOCIAL_TOKEN_KEYS: "old:the-old-secret-of-2025" } as Env;
const ROTATED = { ...env, SOCIAL_TOKEN_KEYS: "new:the-new-secret-of-2026, old:the-old-secret-of-2025" } as Env;
const NEW_ONLY = { ...env, SOCIAL_TOKEN_KEYS: "new:the-new-secret-of-2026" } as Env;

async function accountRow(accountId: string) {
  const d = db();
  const t = d.t.socialMediaAccounts;
  const [row] = await d.q.select().from(t).where(eq(t.id, accountId));
  if (!row) throw new Error("no account");
  return row;
}

/** An X account whose tokens were sealed while only the old key existed; a post of it, claimed. */
async function sealedWithOldKey(expiresInMs = 2 * 3600_000) {
  const { owner, workspace } = await socialWorkspace();
  const name = fakeUser("key");
  const account = await connectAccount(owner.client, workspace.id, "twitter", name);
  const tokens = await readTokens(env, await accountRow(account.id));
  const columns = await tokenColumns(OLD, { ...tokens, expires_at: new Date(Date.now() + expiresInMs).toISOString() });
  expect(columns.token_key_id).toBe("old");
  const d = db();
  const t = d.t.socialMediaAccounts;
  await d.atomic((q) => [q.update(t).set(columns).where(eq(t.id, account.id))]);
  const { data } = await createPosts(owner.client, workspace.id, {
    account_ids: [account.id],
    content: "Sealed long ago",
    status: "scheduled",
    scheduled_at: inMinutes(30),
  });
  const postId = data[0]?.id ?? "";
  const p = d.t.socialMediaPosts;
  await d.atomic((q) => [q.update(p).set({ status: "publishing", publish_state: "queued" }).where(eq(p.id, postId))]);
  return { owner, workspace, account, name, tokens, postId };
}

describe("rotating the token key", { timeout: 20_000 }, () => {
  it("opens tokens sealed with the old key, publishes with them, and re-seals with the newest at the next write", async () => {
    const { account, name, tokens, postId } = await sealedWithOldKey();
    const before = await accountRow(account.id);
    expect((await readTokens(ROTATED, before)).access_token).toBe(tokens.access_token);
    expect(await publishPost(ROTATED, db(), postId)).toBe("published");
    expect(await fake.published("x", name)).toHaveLength(1);
    // Reading changes nothing; the next write (a refresh) seals with the newest key.
    expect((await accountRow(account.id)).token_key_id).toBe("old");
    const refreshed = await freshTokens(ROTATED, db(), account.id, { force: true });
    const after = await accountRow(account.id);
    expect(after.token_key_id).toBe("new");
    expect(after.status).toBe("active");
    // The old key can now go: the account opens without it.
    expect((await readTokens(NEW_ONLY, after)).access_token).toBe(refreshed.access_token);
    expect((await readTokens(NEW_ONLY, after)).refresh_token).toBe(refreshed.refresh_token);
  });

  it("marks the account for reconnecting, with the reason, when its key is no longer configured", async () => {
    const { owner, workspace, account, name, postId } = await sealedWithOldKey();
    expect(await publishPost(NEW_ONLY, db(), postId)).toBe("failed");
    const post = await readPost(postId);
    expect(post.failure_reason).toMatch(/reconnect/i);
    expect(post.failure_reason).toMatch(/key "old".*SOCIAL_TOKEN_KEYS/);
    expect(await fake.published("x", name)).toHaveLength(0);
    // The accounts page says so (an answer, not a server error).
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts`);
    expect(res.status).toBe(200);
    const listed = ((await res.json()) as { data: { id: string; status: string; last_error: string }[] }).data.find(
      (a) => a.id === account.id,
    );
    expect(listed?.status).toBe("expired");
    expect(listed?.last_error).toMatch(/key "old"/);
    // Reconnecting seals fresh tokens with the key the server has.
    const start = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/connect/twitter`);
    expect(start.status).toBe(302);
  });

  it("asks to reconnect an account imported with the old platform's tokens, saying so, and sends nothing", async () => {
    const { account, name, postId } = await sealedWithOldKey();
    const d = db();
    const t = d.t.socialMediaAccounts;
    // As an imported Mewayz database has it: the old platform's token JSON, sealed by nothing.
    await d.atomic((q) => [
      q
        .update(t)
        .set({ access_tokens: { access_token: `x-at-${name}-1`, refresh_token: "old" }, token_key_id: null })
        .where(eq(t.id, account.id)),
    ]);
    expect(await publishPost(env, d, postId)).toBe("failed");
    expect((await readPost(postId)).failure_reason).toMatch(/comes from before this app.*Reconnect/);
    const row = await accountRow(account.id);
    expect(row).toMatchObject({ status: "expired" });
    expect(row.last_error).toMatch(/before this app/);
    expect(await fake.published("x", name)).toHaveLength(0);
  });

  it("marks it from the cron's refresh-ahead too, without throwing out of the cron", async () => {
    const { account } = await sealedWithOldKey(10 * 60_000);
    await expect(refreshExpiringAccounts(NEW_ONLY, db())).resolves.toBeTypeOf("number");
    const row = await accountRow(account.id);
    expect(row.status).toBe("expired");
    expect(row.last_error).toMatch(/no longer has/);
  });
});
