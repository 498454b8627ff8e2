// The state of a connection in progress, kept server-side for ten minutes in the
// cache table: which workspace and person started it, for which platform, and the
// PKCE verifier. The callback takes it once (delete, rows affected = 1).
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { Platform } from "./platforms/platform-limits";

export type OAuthState = { workspace_id: string; user_id: string; platform: Platform; code_verifier: string };

const TTL_SECONDS = 600;
const keyOf = (state: string) => `social_oauth:${state}`;

export async function saveOAuthState(db: Database, state: string, value: OAuthState) {
  await db.atomic((q) => [
    q.insert(db.t.cache).values({
      key: keyOf(state),
      value: JSON.stringify(value),
      expiration: Math.floor(Date.now() / 1000) + TTL_SECONDS,
    }),
  ]);
}

/** The saved state, deleted as it is read; null when unknown, used or expired. */
export async function takeOAuthState(db: Database, state: string): Promise<OAuthState | null> {
  const t = db.t.cache;
  const [row] = await db.q
    .select()
    .from(t)
    .where(eq(t.key, keyOf(state)))
    .limit(1);
  if (!row) return null;
  const [deleted] = await db.atomic((q) => [q.delete(t).where(eq(t.key, keyOf(state)))]);
  if (deleted?.rowsAffected !== 1 || row.expiration < Date.now() / 1000) return null;
  return JSON.parse(row.value) as OAuthState;
}
