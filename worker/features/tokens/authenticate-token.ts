// Personal access tokens in Laravel Sanctum's format: the caller sends `{id}|{secret}`,
// the row keeps SHA-256(secret) in `token`. Tokens issued by the old platform work
// unchanged; ours add a `mwz_` prefix and a CRC32 checksum so a leaked one is recognisable.
import { eq } from "drizzle-orm";
import type { User } from "lucia";
import type { Database } from "../../../db/database";
import { constantTimeEqual, sha256Hex } from "../../lib/crypto";
import { toAuthUserAttributes } from "../auth/to-auth-user";
import { effectiveAbilities } from "./abilities";

export const TOKENABLE_TYPE = "App\\Models\\User";
/** last_used_at is written at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenIdentity = { user: User; tokenId: number; abilities: string[] };

export async function authenticateToken(db: Database, bearer: string): Promise<TokenIdentity | null> {
  const bar = bearer.indexOf("|");
  if (bar < 1) return null;
  const id = Number(bearer.slice(0, bar));
  const secret = bearer.slice(bar + 1);
  if (!Number.isSafeInteger(id) || id <= 0 || secret.length < 20 || secret.length > 200) return null;

  const { personalAccessTokens: tokens, users } = db.t;
  const [row] = await db.q
    .select({ token: tokens, user: users })
    .from(tokens)
    .innerJoin(users, eq(users.id, tokens.tokenable_id))
    .where(eq(tokens.id, id))
    .limit(1);
  if (!row || row.token.tokenable_type !== TOKENABLE_TYPE) return null;
  if (!constantTimeEqual(row.token.token, await sha256Hex(secret))) return null;
  if (row.token.expires_at && row.token.expires_at.getTime() <= Date.now()) return null;
  if (row.user.status !== "active") return null;

  const lastUsed = row.token.last_used_at?.getTime() ?? 0;
  if (Date.now() - lastUsed > LAST_USED_RESOLUTION_MS) {
    await db.atomic((q) => [q.update(tokens).set({ last_used_at: new Date() }).where(eq(tokens.id, id))]);
  }
  return {
    user: { id: row.user.id, ...toAuthUserAttributes(row.user) },
    tokenId: id,
    abilities: effectiveAbilities(row.token.abilities, row.user.role),
  };
}
