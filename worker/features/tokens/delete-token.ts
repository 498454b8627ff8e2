import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import { ownedBy } from "./owned-by";

/** Revokes one of a user's tokens; another user's token answers exactly like a missing one. */
export async function deleteToken(db: Database, userId: string, id: number): Promise<void> {
  const tokens = db.t.personalAccessTokens;
  const [result] = await db.atomic((q) => [q.delete(tokens).where(and(eq(tokens.id, id), ownedBy(db, userId)))]);
  if (!result?.rowsAffected) throw new AppError("not_found", "No such token.");
}
