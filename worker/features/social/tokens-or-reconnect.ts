// An account's tokens, or — when they can no longer be opened because the key that
// sealed them left SOCIAL_TOKEN_KEYS — the account marked for reconnecting with that
// reason. Without this a lost key looked like a passing error: posts retried five times
// and failed with a cryptography message, and the account still showed as healthy.
import type { Database } from "../../../db/database";
import type { Env } from "../../lib/env";
import type { AccountRow } from "./account-row";
import { readTokens } from "./account-tokens";
import { markAccount } from "./mark-account";
import type { PlatformTokens } from "./platforms/platform-adapter";
import { PlatformError } from "./platforms/platform-error";

export async function tokensOrReconnect(env: Env, db: Database, account: AccountRow): Promise<PlatformTokens> {
  try {
    return await readTokens(env, account);
  } catch (err) {
    if (err instanceof PlatformError && err.kind === "disconnected") {
      await markAccount(env, db, account, "expired", err.message);
    }
    throw err;
  }
}
