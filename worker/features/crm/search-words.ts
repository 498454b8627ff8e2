import { termOf, wordsOf } from "./contact-terms";

/** More words than this narrow nothing further, and each costs a range scan. */
export const MAX_SEARCH_WORDS = 8;

/**
 * The words of a search, each to match as a prefix of some term of the contact.
 * Folded like the terms, so "José" finds "jose" and "JOSÉ". A piece with an "@"
 * stays whole and matches the start of an email address ("@studio.ex" the start of
 * its domain); anything else splits into words the way contact text does
 * ("o'brien" → "o", "brien").
 */
export function searchWords(query: string): string[] {
  const words = new Set<string>();
  for (const piece of query.trim().split(/\s+/)) {
    if (piece.includes("@")) {
      const email = termOf(piece.startsWith("@") ? piece.slice(1) : piece);
      if (email) words.add(email);
    } else {
      for (const word of wordsOf(piece)) words.add(word);
    }
  }
  return [...words].slice(0, MAX_SEARCH_WORDS);
}
