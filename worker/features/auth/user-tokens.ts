// Single-use links by mail (email verification, password reset). The link carries
// a random token; only its SHA-256 is stored; using it deletes it in the same unit
// as the change it authorises, so a replayed link finds nothing.
import { and, eq, exists, gt, lte, type SQL } from "drizzle-orm";
import type { Database, Statement } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { randomToken, sha256Hex } from "../../lib/crypto";

export type UserTokenPurpose = "email_verification" | "password_reset";

export const TOKEN_LIFETIME_MS: Record<UserTokenPurpose, number> = {
  email_verification: 48 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
};

/** A fresh token replaces any earlier one of the same purpose: only the newest link works. */
export async function issueUserToken(db: Database, userId: string, email: string, purpose: UserTokenPurpose) {
  const token = randomToken();
  const { userTokens } = db.t;
  const insert = {
    id: uuidv7(),
    user_id: userId,
    purpose,
    email,
    token_hash: await sha256Hex(token),
    expires_at: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  };
  return {
    token,
    statements: (q: Database["q"]): Statement[] => [
      q.delete(userTokens).where(and(eq(userTokens.user_id, userId), eq(userTokens.purpose, purpose))),
      q.insert(userTokens).values(insert),
    ],
  };
}

export type TokenRow = Database["t"]["userTokens"]["$inferSelect"];

/** The live token row a link names, if any. */
export async function findUserToken(db: Database, token: string, purpose: UserTokenPurpose): Promise<TokenRow | null> {
  const { userTokens } = db.t;
  const [row] = await db.q
    .select()
    .from(userTokens)
    .where(
      and(
        eq(userTokens.token_hash, await sha256Hex(token)),
        eq(userTokens.purpose, purpose),
        gt(userTokens.expires_at, new Date()),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Conditions a statement on the token still existing, and deletes it after: put the
 * guarded statements first and the deletion last in one atomic unit. Whoever runs
 * second finds the token gone and changes nothing.
 */
export function tokenStillExists(db: Database, tokenId: string): SQL {
  const { userTokens } = db.t;
  return exists(db.q.select({ id: userTokens.id }).from(userTokens).where(eq(userTokens.id, tokenId)));
}

export const consumeUserToken = (db: Database, q: Database["q"], tokenId: string) =>
  q.delete(db.t.userTokens).where(eq(db.t.userTokens.id, tokenId));

export const deleteExpiredUserTokens = (db: Database) =>
  db.atomic((q) => [q.delete(db.t.userTokens).where(lte(db.t.userTokens.expires_at, new Date()))]);
