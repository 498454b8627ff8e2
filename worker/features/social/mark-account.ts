// An account whose access ended: its status changes, the reason is kept, and the
// workspace hears of it at once on the live feed (the accounts page shows Reconnect).
// Only an active account is marked: the first finding stands (a dead refresh token
// found by the refresh is not marked again by the publisher that asked for it), so
// one ending gives one status, one activity entry and one notice.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { takeBackEntry } from "../../lib/activity";
import type { Env } from "../../lib/env";
import { publishFromJob } from "../../lib/realtime";
import type { AccountRow } from "./account-row";
import { toAccountJson } from "./to-account-json";

export async function markAccount(
  env: Env,
  db: Database,
  account: AccountRow,
  status: "expired" | "revoked",
  reason: string,
): Promise<boolean> {
  const t = db.t.socialMediaAccounts;
  const now = new Date();
  const ownerId = await ownerOf(db, account.workspace_id);
  const activityId = uuidv7();
  const [result] = await db.atomic((q) => [
    q
      .update(t)
      .set({ status, last_error: reason, updated_at: now })
      .where(and(eq(t.id, account.id), eq(t.status, "active"))),
    q.insert(db.t.activityLogs).values({
      id: activityId,
      workspace_id: account.workspace_id,
      // System changes are logged under the workspace owner, the person answerable for its connections.
      user_id: ownerId,
      type: "social_media_account.disconnected",
      description: `The ${account.platform} account @${account.username} needs reconnecting: ${reason}`.slice(0, 5000),
      entity_type: "social_media_account",
      entity_id: account.id,
      metadata: { status },
    }),
  ]);
  if (result?.rowsAffected !== 1) {
    // Already marked, or removed: its entry must not stand alone.
    await takeBackEntry(db, activityId);
    return false;
  }
  const data = toAccountJson({ ...account, status, last_error: reason, updated_at: now });
  await publishFromJob(env, account.workspace_id, [
    {
      entity_type: "social_media_account",
      entity_id: account.id,
      op: "update",
      changed: { status: { from: account.status, to: status } },
      data,
      actor_id: null,
    },
  ]);
  return true;
}

export async function ownerOf(db: Database, workspaceId: string): Promise<string> {
  const t = db.t.workspaces;
  const [row] = await db.q.select({ owner_id: t.owner_id }).from(t).where(eq(t.id, workspaceId)).limit(1);
  return row?.owner_id ?? "";
}
