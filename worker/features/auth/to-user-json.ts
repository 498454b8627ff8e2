import { UNUSABLE_PASSWORD } from "./password";
import type { UserRow } from "./to-auth-user";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The API's user: seed column names, ISO times, and never the password hash. */
export function toUserJson(user: UserRow) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    email_verified_at: iso(user.email_verified_at),
    avatar: user.avatar,
    role: user.role ?? "user",
    status: user.status ?? "active",
    preferences: user.preferences ?? {},
    has_password: user.password !== UNUSABLE_PASSWORD,
    google_connected: Boolean(user.google_id),
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
  };
}
