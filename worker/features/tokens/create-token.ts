import { eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { sha256Hex } from "../../lib/crypto";
import type { Ability } from "./abilities";
import { TOKENABLE_TYPE } from "./authenticate-token";
import { generateTokenString } from "./generate-token-string";
import type { TokenRow } from "./to-token-json";

export type NewToken = { userId: string; name: string; abilities: Ability[]; expiresAt: Date | null };

/** Stores a new token for a user and hands back its row and the plain text, which exists only here. */
export async function createToken(db: Database, input: NewToken): Promise<{ row: TokenRow; plainTextToken: string }> {
  const secret = generateTokenString();
  const hash = await sha256Hex(secret);
  const tokens = db.t.personalAccessTokens;
  await db.atomic((q) => [
    q.insert(tokens).values({
      tokenable_type: TOKENABLE_TYPE,
      tokenable_id: input.userId,
      name: input.name,
      token: hash,
      abilities: JSON.stringify(input.abilities),
      expires_at: input.expiresAt,
    }),
  ]);
  // MySQL has no RETURNING: the row is found again by its unique hash to learn the id the database gave it.
  const [row] = await db.q.select().from(tokens).where(eq(tokens.token, hash)).limit(1);
  if (!row) throw new Error("personal access token not found right after it was inserted");
  return { row, plainTextToken: `${row.id}|${secret}` };
}
