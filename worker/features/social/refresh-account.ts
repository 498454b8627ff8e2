// Refreshing an account's tokens under a per-account lease. X and TikTok rotate
// refresh tokens: a refresh spends the stored one, so two refreshes at once would
// leave one of them holding a dead token and the account lost. The lease is a
// compare-and-set on the row (owner + until), so it holds across isolates and
// databases; whoever loses the race waits and reads what the winner stored.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import type { Env } from "../../lib/env";
import type { AccountRow } from "./account-row";
import { mergeTokens, tokenColumns } from "./account-tokens";
import { markAccount } from "./mark-account";
import { adapterFor, isSandboxAccount } from "./platforms/adapter-for";
import type { PlatformTokens } from "./platforms/platform-adapter";
import { PlatformError } from "./platforms/platform-error";
import type { Platform } from "./platforms/platform-limits";
import { tokensOrReconnect } from "./tokens-or-reconnect";

const LEASE_MS = 30_000;
const WAIT_STEP_MS = 100;

async function loadAccount(db: Database, accountId: string): Promise<AccountRow | null> {
  const t = db.t.socialMediaAccounts;
  const [row] = await db.q.select().from(t).where(eq(t.id, accountId)).limit(1);
  return row ?? null;
}

/** Takes the account's refresh lease; false when someone else holds a live one. */
async function takeLease(db: Database, accountId: string, owner: string): Promise<boolean> {
  const t = db.t.socialMediaAccounts;
  const now = new Date();
  const [result] = await db.atomic((q) => [
    q
      .update(t)
      .set({ refresh_lock_owner: owner, refresh_lock_until: new Date(now.getTime() + LEASE_MS) })
      .where(and(eq(t.id, accountId), or(isNull(t.refresh_lock_until), lt(t.refresh_lock_until, now)))),
  ]);
  return result?.rowsAffected === 1;
}

const isFresh = (tokens: PlatformTokens, aheadMs: number) =>
  !tokens.expires_at || new Date(tokens.expires_at).getTime() > Date.now() + aheadMs;

export type RefreshOptions = {
  /** Refresh even though the token has not expired (the platform refused it). */
  force?: boolean;
  /** Refresh when the token expires within this many ms. */
  aheadMs?: number;
  /** How long to wait for another refresh of the same account to finish. */
  waitMs?: number;
};

/**
 * Good tokens for an account: the stored ones while they are fresh, else refreshed
 * under the lease. A dead refresh token, or tokens sealed with a key no longer
 * configured, marks the account (expired) and throws "disconnected"; the workspace is
 * told on the live feed.
 */
export async function freshTokens(
  env: Env,
  db: Database,
  accountId: string,
  options: RefreshOptions & { loaded?: AccountRow } = {},
): Promise<PlatformTokens> {
  const aheadMs = options.aheadMs ?? 60_000;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  const owner = uuidv7();
  let seen: string | null = null;
  // The caller's copy of the row saves a read on the common path (a fresh token).
  let preloaded = options.loaded;
  for (;;) {
    const account = preloaded ?? (await loadAccount(db, accountId));
    preloaded = undefined;
    if (!account) throw new PlatformError("disconnected", "The account was removed.");
    if (account.status !== "active") {
      throw new PlatformError(
        "disconnected",
        `The ${account.platform} account @${account.username} needs reconnecting.`,
      );
    }
    const tokens = await tokensOrReconnect(env, db, account);
    // Someone else refreshed while we waited: their tokens are the ones to use.
    const changedMeanwhile = seen !== null && seen !== tokens.access_token;
    if (changedMeanwhile || (!options.force && isFresh(tokens, aheadMs))) return tokens;
    seen ??= tokens.access_token;
    if (await takeLease(db, accountId, owner)) {
      try {
        // Read again under the lease: a refresh may have finished between our read and the lease.
        const current = await loadAccount(db, accountId);
        if (!current) throw new PlatformError("disconnected", "The account was removed.");
        const stored = await tokensOrReconnect(env, db, current);
        if (stored.access_token !== seen) return stored;
        return await refreshNow(env, db, current, stored, owner);
      } finally {
        const t = db.t.socialMediaAccounts;
        await db.atomic((q) => [
          q
            .update(t)
            .set({ refresh_lock_owner: null, refresh_lock_until: null })
            .where(and(eq(t.id, accountId), eq(t.refresh_lock_owner, owner))),
        ]);
      }
    }
    if (Date.now() > deadline) {
      throw new PlatformError("retryable", "Another refresh of this account is taking long; trying again later.");
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function refreshNow(env: Env, db: Database, account: AccountRow, stored: PlatformTokens, owner: string) {
  const adapter = adapterFor(env, account.platform as Platform, { sandbox: isSandboxAccount(account) });
  let next: PlatformTokens;
  try {
    next = mergeTokens(stored, await adapter.refresh(stored));
  } catch (err) {
    // A refresh ahead of time that cannot happen does not end a token that still works:
    // the account is marked when its access really ends.
    const stillWorks = stored.expires_at !== null && Date.parse(stored.expires_at) > Date.now();
    if (err instanceof PlatformError && err.kind === "disconnected" && !stillWorks) {
      await markAccount(env, db, account, "expired", `Access ended: ${err.message} Reconnect the account.`);
    }
    throw err;
  }
  const t = db.t.socialMediaAccounts;
  const columns = await tokenColumns(env, next);
  // Only the lease holder writes, so a lease that expired mid-refresh cannot overwrite a newer refresh.
  const [result] = await db.atomic((q) => [
    q
      .update(t)
      .set({ ...columns, last_error: null, last_sync_at: new Date(), updated_at: new Date() })
      .where(and(eq(t.id, account.id), eq(t.refresh_lock_owner, owner))),
  ]);
  if (result?.rowsAffected !== 1)
    throw new PlatformError("retryable", "The refresh lease ran out; trying again later.");
  return next;
}
