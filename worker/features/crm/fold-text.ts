/**
 * Letters that carry their accent inside the letter itself, so Unicode decomposition
 * leaves them alone; people searching type the plain letters ("lodz" for "Łódź").
 */
const PLAIN_LETTERS: Record<string, string> = {
  ß: "ss",
  ı: "i",
  ø: "o",
  æ: "ae",
  œ: "oe",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ħ: "h",
};
const LETTER_WITH_INNER_ACCENT = new RegExp(`[${Object.keys(PLAIN_LETTERS).join("")}]`, "g");

/**
 * Text folded for matching: compatibility-decomposed (NFKD), accents dropped, lower
 * case. Search terms, search words and tag keys all go through it, so matching
 * is the same on D1 (binary comparison) and MySQL (case- and accent-insensitive).
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(LETTER_WITH_INNER_ACCENT, (ch) => PLAIN_LETTERS[ch] ?? ch);
}
