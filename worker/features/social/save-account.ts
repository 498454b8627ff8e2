// Connecting (or reconnecting) an account: one row per platform account in a
// workspace. Reconnecting the same account replaces its tokens and makes it active
// again; its posts and history stay.
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { Database } from "../../../db/database";
import type { JsonObject } from "../../../db/schema/json-types";
import { uuidv7 } from "../../../db/uuidv7";
import { activityEntry } from "../../lib/activity";
import type { AppEnv } from "../../lib/env";
import { mergeTokens, readTokens, tokenColumns } from "./account-tokens";
import type { AccountProfile, PlatformTokens } from "./platforms/platform-adapter";
import type { Platform } from "./platforms/platform-limits";

export async function saveAccount(
  c: Context<AppEnv>,
  db: Database,
  input: {
    workspaceId: string;
    userId: string;
    platform: Platform;
    profile: AccountProfile;
    tokens: PlatformTokens;
    info?: JsonObject;
  },
): Promise<{ id: string; created: boolean }> {
  const t = db.t.socialMediaAccounts;
  const [existing] = await db.q
    .select()
    .from(t)
    .where(
      and(
        eq(t.workspace_id, input.workspaceId),
        eq(t.platform, input.platform),
        eq(t.account_id, input.profile.account_id),
      ),
    )
    .limit(1);
  // A reconnect whose answer lacks a refresh token keeps the one already stored.
  const previous = existing ? await readTokens(c.env, existing).catch(() => null) : null;
  const columns = await tokenColumns(c.env, mergeTokens(previous, input.tokens));
  const now = new Date();
  const values = {
    username: input.profile.username.slice(0, 255),
    display_name: input.profile.display_name?.slice(0, 255) ?? null,
    profile_picture: input.profile.profile_picture?.slice(0, 255) ?? null,
    account_info: { ...input.profile.info, ...(input.info ?? {}) },
    status: "active" as const,
    last_error: null,
    connected_at: now,
    last_sync_at: now,
    refresh_lock_owner: null,
    refresh_lock_until: null,
    ...columns,
  };
  const id = existing?.id ?? uuidv7();
  await db.atomic((q) => [
    existing
      ? q
          .update(t)
          .set({ ...values, updated_at: now })
          .where(eq(t.id, existing.id))
      : q.insert(t).values({
          id,
          workspace_id: input.workspaceId,
          platform: input.platform,
          account_id: input.profile.account_id.slice(0, 255),
          ...values,
        }),
    activityEntry(c, q, db, {
      workspaceId: input.workspaceId,
      type: existing ? "social_media_account.reconnected" : "social_media_account.connected",
      description: `${existing ? "Reconnected" : "Connected"} the ${input.platform} account @${values.username}`,
      entityType: "social_media_account",
      entityId: id,
    }),
  ]);
  return { id, created: !existing };
}
