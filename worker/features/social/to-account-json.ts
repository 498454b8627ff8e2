import type { AccountRow } from "./account-row";
import { isSandboxAccount } from "./platforms/adapter-for";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An account as the API and the live feed show it: never its tokens, with its health. */
export function toAccountJson(row: AccountRow) {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    platform: row.platform,
    account_id: row.account_id,
    username: row.username,
    display_name: row.display_name,
    profile_picture: row.profile_picture,
    status: row.status ?? "active",
    sandbox: isSandboxAccount(row),
    token_expires_at: iso(row.token_expires_at),
    last_error: row.last_error,
    connected_at: iso(row.connected_at),
    last_sync_at: iso(row.last_sync_at),
    profile_url: typeof row.account_info?.profile_url === "string" ? row.account_info.profile_url : null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export type AccountJson = ReturnType<typeof toAccountJson>;
