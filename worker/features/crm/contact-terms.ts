// The search index of a contact: the words people look a contact up by. One row per
// term in crm_contact_terms; a search word matches a term it is a prefix of.
import { foldText } from "./fold-text";

/** crm_contact_terms.term is VARCHAR(64). */
export const MAX_TERM_LENGTH = 64;
/** Notes can be long: their first distinct words are enough to find a contact by. */
export const MAX_NOTE_TERMS = 300;

/** A contact's searchable text; a field left out (a row as an insert builds it) has no words. */
export type Searchable = {
  first_name: string;
  last_name: string;
  email?: string | null;
  company?: string | null;
  position?: string | null;
  notes?: string | null;
};

/**
 * Characters outside the Basic Multilingual Plane (emoji, rare ideographs) are left
 * out: a prefix search ends its range at U+FFFF, and on D1's byte-wise comparison
 * they would sort above it and never be found.
 */
const OUTSIDE_BMP = /[\u{10000}-\u{10FFFF}]/gu;

/** Folded text without characters that cannot be searched, cut to the column's width. */
export const termOf = (text: string) => foldText(text).replace(OUTSIDE_BMP, " ").trim().slice(0, MAX_TERM_LENGTH);

/** The words of a text (letters and digits), folded and cut to the column's width. */
export const wordsOf = (text: string | null | undefined): string[] =>
  text
    ? foldText(text)
        .replace(OUTSIDE_BMP, " ")
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .map((w) => w.slice(0, MAX_TERM_LENGTH))
    : [];

/**
 * Every word a contact is found by: the words of its name, company and position; its
 * email whole, its domain whole, and both word by word (so "ada.l@studio.example" is
 * found by "ada", "studio", "studio.example" or the address); and the first
 * MAX_NOTE_TERMS distinct words of its notes. The index holds fewer (contactTerms);
 * an index written before it dropped prefixes may hold any of these.
 */
export function contactWords(contact: Searchable): Set<string> {
  const terms = new Set<string>();
  for (const field of [contact.first_name, contact.last_name, contact.company, contact.position]) {
    for (const word of wordsOf(field)) terms.add(word);
  }
  if (contact.email) {
    const email = termOf(contact.email);
    const at = email.lastIndexOf("@");
    const parts = at < 0 ? [email] : [email, email.slice(0, at), email.slice(at + 1)];
    for (const part of parts) if (part) terms.add(part);
    for (const word of wordsOf(contact.email)) terms.add(word);
  }
  const noteWords = new Set<string>();
  for (const word of wordsOf(contact.notes)) {
    if (noteWords.size >= MAX_NOTE_TERMS) break;
    noteWords.add(word);
  }
  for (const word of noteWords) terms.add(word);
  return terms;
}

/**
 * The terms a contact is indexed under: its words (contactWords) but those that start
 * another of its words. A search word matches a term it is a prefix of, so whatever
 * finds "ada" finds "ada.l@studio.example" too: the shorter row finds nothing more, and
 * leaving it out spares a third of the index rows an import writes.
 */
export const contactTerms = (contact: Searchable): string[] => termsOf(contactWords(contact));

/** Words without those that start another of them. */
export function termsOf(words: Iterable<string>): string[] {
  // Sorted, any word that starts another starts the one right after it.
  const sorted = [...words].sort();
  return sorted.filter((word, i) => !sorted[i + 1]?.startsWith(word));
}
