export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** `label` is the advice under the input; `problem` is the error to show on submit, in the API's own words. */
export type PasswordStrength = { score: 0 | 1 | 2 | 3 | 4; label: string; problem: string | null };

const LEVELS = [
  { score: 1, label: "Weak: make it longer, or mix in numbers and symbols.", problem: null },
  { score: 2, label: "Fair: a few more characters would help.", problem: null },
  { score: 3, label: "Good.", problem: null },
  { score: 4, label: "Strong.", problem: null },
] as const satisfies readonly PasswordStrength[];

/**
 * A quick reading of a new password while it is typed. Only the length rule is the
 * API's (8 to 128 characters, counted as it counts them); the API also refuses common
 * passwords. The score itself is advice: length counts most, a mix of kinds helps.
 */
export function passwordStrength(password: string): PasswordStrength {
  const length = password.length;
  const tooShort = `Use at least ${PASSWORD_MIN} characters.`;
  if (length === 0) return { score: 0, label: `Use ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`, problem: tooShort };
  if (length < PASSWORD_MIN) {
    const missing = PASSWORD_MIN - length;
    return { score: 0, label: `${missing} more character${missing === 1 ? "" : "s"} needed.`, problem: tooShort };
  }
  if (length > PASSWORD_MAX) {
    const tooLong = `Use at most ${PASSWORD_MAX} characters.`;
    return { score: 0, label: `${length - PASSWORD_MAX} characters too many.`, problem: tooLong };
  }

  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password)).length;
  // "aaaaaaaaaaaa" or "abababababab" is long but guessed at once.
  const repetitive = new Set(password).size <= 2;
  const lengthPoints = length >= 16 ? 2 : length >= 12 ? 1 : 0;
  const kindPoints = kinds >= 3 ? 2 : kinds === 2 ? 1 : 0;
  const points = repetitive ? 1 : Math.max(1, Math.min(4, lengthPoints + kindPoints));
  return LEVELS[points - 1] ?? LEVELS[0];
}
