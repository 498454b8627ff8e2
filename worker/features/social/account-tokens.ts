// Reading and writing an account's sealed tokens. The rule Postiz users lost their
// connections to: a refresh answer without a refresh token keeps the stored one —
// an empty refresh token is never written over a good one.
import { eq } from "drizzle-orm";
import type { Database, Query } from "../../../db/database";
import type { Env } from "../../lib/env";
import type { AccountRow } from "./account-row";
import type { PlatformTokens } from "./platforms/platform-adapter";
import { PlatformError } from "./platforms/platform-error";
import { sandboxTokens } from "./platforms/sandbox-adapter";
import { hasTokenKey, openTokens, sealTokens } from "./token-cipher";

/** The account's tokens; sandbox accounts seeded without any get throwaway ones (the sandbox never checks them). */
export async function readTokens(
  env: Env,
  account: Pick<AccountRow, "access_tokens" | "token_key_id" | "account_info">,
): Promise<PlatformTokens> {
  if (account.access_tokens === null && account.account_info?.sandbox === true) return sandboxTokens();
  try {
    return await openTokens<PlatformTokens>(env, account.access_tokens, account.token_key_id);
  } catch {
    // Not a passing error: only connecting the account again brings working tokens.
    if (account.token_key_id === null) {
      // Sealed by nothing: the access was saved before this app (an imported Mewayz database), in a form it does not trust.
      throw new PlatformError(
        "disconnected",
        "This account's saved access comes from before this app and cannot be used. Reconnect the account.",
      );
    }
    const known = hasTokenKey(env, account.token_key_id);
    throw new PlatformError(
      "disconnected",
      known
        ? `The saved access could not be opened with key "${account.token_key_id}" (was its secret changed?). Reconnect the account.`
        : `The saved access was sealed with key "${account.token_key_id}", which SOCIAL_TOKEN_KEYS no longer has. Reconnect the account.`,
    );
  }
}

/** New tokens laid over the old: fields the platform left out keep their stored values. */
export function mergeTokens(previous: PlatformTokens | null, next: PlatformTokens): PlatformTokens {
  return {
    access_token: next.access_token,
    refresh_token: next.refresh_token || previous?.refresh_token || null,
    expires_at: next.expires_at,
    extra: { ...(previous?.extra ?? {}), ...(next.extra ?? {}) },
  };
}

/** The columns to store tokens in: sealed with the newest key, with their expiry. */
export async function tokenColumns(env: Env, tokens: PlatformTokens) {
  const { sealed, keyId } = await sealTokens(env, tokens);
  return {
    access_tokens: sealed,
    token_key_id: keyId,
    token_expires_at: tokens.expires_at ? new Date(tokens.expires_at) : null,
  };
}

export const setAccountColumns = (q: Query, db: Database, accountId: string, columns: Partial<AccountRow>) =>
  q
    .update(db.t.socialMediaAccounts)
    .set({ ...columns, updated_at: new Date() })
    .where(eq(db.t.socialMediaAccounts.id, accountId));
