// What a personal access token may be allowed to do. A token never holds more than
// its owner: `admin` needs a site admin, and workspace permissions still apply on
// every request the token makes.

export const ABILITIES = [
  "account:read",
  "account:write",
  "workspaces:read",
  "workspaces:write",
  "crm:read",
  "crm:write",
  "bio:read",
  "bio:write",
  "social:read",
  "social:write",
  "email:read",
  "email:write",
  "courses:read",
  "courses:write",
  "store:read",
  "store:write",
  "admin",
] as const;

export type Ability = (typeof ABILITIES)[number];

/** New tokens are read-only unless asked otherwise. */
export const DEFAULT_ABILITIES: Ability[] = ABILITIES.filter((a) => a.endsWith(":read"));

/** The abilities an owner may hand out: everything but `admin` unless they are a site admin. */
export function grantableAbilities(ownerRole: "admin" | "user" | null): Ability[] {
  return ABILITIES.filter((a) => a !== "admin" || ownerRole === "admin");
}

/** Abilities stored by the old platform (Sanctum's JSON list, often ["*"]), bounded by what the owner may hold. */
export function effectiveAbilities(stored: string | null, ownerRole: "admin" | "user" | null): string[] {
  let list: unknown;
  try {
    list = JSON.parse(stored ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const grantable: string[] = grantableAbilities(ownerRole);
  const strings = list.filter((a): a is string => typeof a === "string");
  if (strings.includes("*")) return grantable;
  // "crm:*" in an old row means every crm ability.
  return grantable.filter((a) => strings.includes(a) || strings.includes(`${a.split(":")[0]}:*`));
}
