import type { Database } from "../../../db/database";

export type TokenRow = Database["t"]["personalAccessTokens"]["$inferSelect"];

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The abilities as stored: a JSON list (Sanctum's, so possibly ["*"]); anything else reads as none. */
function storedAbilities(stored: string | null): string[] {
  try {
    const list: unknown = JSON.parse(stored ?? "[]");
    return Array.isArray(list) ? list.filter((a): a is string => typeof a === "string") : [];
  } catch {
    return [];
  }
}

/**
 * The API's token: never the secret, nor its hash. There is no display prefix
 * either: only the hash is stored, and a prefix would be a new piece of the secret kept.
 */
export function toTokenJson(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    abilities: storedAbilities(row.abilities),
    last_used_at: iso(row.last_used_at),
    expires_at: iso(row.expires_at),
    created_at: iso(row.created_at),
  };
}
