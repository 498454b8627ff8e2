// A connection waiting for the person to choose which account to connect: one Facebook
// sign-in can manage several Pages (and the Instagram accounts linked to them). The
// callback keeps the candidates here for fifteen minutes — tokens sealed, as at rest
// in the accounts table — and the app asks which one; choosing takes the entry once.
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import type { Env } from "../../lib/env";
import type { ConnectedAccount } from "./platforms/platform-adapter";
import type { Platform } from "./platforms/platform-limits";
import { openTokens, sealTokens } from "./token-cipher";

export type PendingConnection = {
  id: string;
  workspace_id: string;
  user_id: string;
  platform: Platform;
  expires_at: Date;
  candidates: ConnectedAccount[];
};

type Stored = Omit<PendingConnection, "id" | "candidates" | "expires_at"> & { sealed: unknown; key_id: string };

const TTL_SECONDS = 15 * 60;
const keyOf = (id: string) => `social_pending:${id}`;

export async function savePendingConnection(
  env: Env,
  db: Database,
  value: Omit<PendingConnection, "id" | "expires_at">,
): Promise<string> {
  const id = uuidv7();
  const { sealed, keyId } = await sealTokens(env, value.candidates);
  const stored: Stored = {
    workspace_id: value.workspace_id,
    user_id: value.user_id,
    platform: value.platform,
    sealed,
    key_id: keyId,
  };
  await db.atomic((q) => [
    q.insert(db.t.cache).values({
      key: keyOf(id),
      value: JSON.stringify(stored),
      expiration: Math.floor(Date.now() / 1000) + TTL_SECONDS,
    }),
  ]);
  return id;
}

/** The pending connection, if it exists, has not expired and was started by this person in this workspace. */
export async function readPendingConnection(
  env: Env,
  db: Database,
  id: string,
  owner: { workspaceId: string; userId: string },
): Promise<PendingConnection | null> {
  const t = db.t.cache;
  const [row] = await db.q
    .select()
    .from(t)
    .where(eq(t.key, keyOf(id)))
    .limit(1);
  if (!row || row.expiration < Date.now() / 1000) return null;
  const stored = JSON.parse(row.value) as Stored;
  if (stored.workspace_id !== owner.workspaceId || stored.user_id !== owner.userId) return null;
  const candidates = await openTokens<ConnectedAccount[]>(env, stored.sealed, stored.key_id).catch(() => null);
  if (!candidates) return null;
  return {
    id,
    workspace_id: stored.workspace_id,
    user_id: stored.user_id,
    platform: stored.platform,
    expires_at: new Date(row.expiration * 1000),
    candidates,
  };
}

/** Deletes the entry; true for the one caller that deleted it (a second choice finds nothing). */
export async function takePendingConnection(db: Database, id: string): Promise<boolean> {
  const [deleted] = await db.atomic((q) => [q.delete(db.t.cache).where(eq(db.t.cache.key, keyOf(id)))]);
  return deleted?.rowsAffected === 1;
}
