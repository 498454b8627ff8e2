import type { Database } from "../../../db/database";
import type { SessionUser } from "./sessions";

export type UserRow = Database["t"]["users"]["$inferSelect"];

/** The user fields a signed-in request carries, whether it came with a cookie or a token. */
export function toAuthUserAttributes(row: UserRow): SessionUser {
  return {
    name: row.name,
    email: row.email,
    email_verified_at: row.email_verified_at,
    avatar: row.avatar,
    role: row.role,
    status: row.status,
    preferences: row.preferences,
    google_id: row.google_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
