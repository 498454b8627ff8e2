import { type Identity, tokenAllows } from "../../lib/auth";
import { AppError } from "../../lib/errors";
import { type Ability, grantableAbilities } from "./abilities";

type Problem = { path: string; message: string; code: "custom" };

/**
 * Refuses abilities the caller may not hand out: what the owner may not hold (`admin`
 * without being a site admin), and, when a token makes the token, anything that
 * token lacks — a token never creates one stronger than itself.
 */
export function assertGrantable(identity: Identity, abilities: Ability[], { chosen }: { chosen: boolean }): void {
  const ownerMay: Ability[] = grantableAbilities(identity.user.role);
  const callerMay = (ability: Ability) =>
    ownerMay.includes(ability) && (identity.kind !== "token" || tokenAllows(identity.abilities, ability));
  const refused = abilities.flatMap((ability, i) => (callerMay(ability) ? [] : [{ ability, i }]));
  if (refused.length === 0) return;

  const problems: Problem[] = chosen
    ? refused.map(({ ability, i }) => ({
        path: `abilities.${i}`,
        message: ownerMay.includes(ability)
          ? `This API token cannot grant "${ability}": it does not hold it.`
          : `Your account cannot grant "${ability}".`,
        code: "custom",
      }))
    : // The caller did not type the default list, so one problem names the list as a whole.
      [
        {
          path: "abilities",
          message: `This API token cannot grant the default abilities ${refused.map((r) => `"${r.ability}"`).join(", ")}: list the abilities the new token needs.`,
          code: "custom",
        },
      ];
  throw new AppError("validation_failed", "Some fields are missing or invalid.", problems);
}
