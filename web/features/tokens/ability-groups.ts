import { ABILITIES, type Ability, DEFAULT_ABILITIES } from "../../../worker/features/tokens/abilities";

export type AbilityGroup = { module: string; label: string; read: Ability | null; write: Ability | null };

export { type Ability, DEFAULT_ABILITIES };

const labels: Record<string, string> = {
  account: "Account",
  workspaces: "Workspaces",
  crm: "CRM",
  bio: "Link in bio",
  social: "Social",
  email: "Email",
  courses: "Courses",
  store: "Store",
};

/**
 * The worker's abilities ("crm:read", "crm:write", …) as one row per module with a read
 * and a write box, in the worker's order. `admin` has no module and is offered on its own.
 */
export const abilityGroups: readonly AbilityGroup[] = (() => {
  const groups = new Map<string, AbilityGroup>();
  for (const ability of ABILITIES) {
    const [module, access] = ability.split(":");
    if (!module || !access) continue;
    const group = groups.get(module) ?? { module, label: labels[module] ?? module, read: null, write: null };
    if (access === "read") group.read = ability;
    if (access === "write") group.write = ability;
    groups.set(module, group);
  }
  return [...groups.values()];
})();

export const ADMIN_ABILITY: Ability | undefined = ABILITIES.find((a) => a === "admin");

const RANK = new Map<string, number>(ABILITIES.map((ability, index) => [ability, index]));

/** A token's abilities in the worker's order (account, workspaces, crm, …), so each module's read and write sit together. */
export function inAbilityOrder(abilities: readonly string[]): string[] {
  const rank = (ability: string) => RANK.get(ability) ?? ABILITIES.length;
  return [...abilities].sort((a, b) => rank(a) - rank(b));
}
