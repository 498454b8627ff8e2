import { foldText } from "./fold-text";

/** crm_contact_tags.tag is VARCHAR(64). */
const MAX_TAG_KEY_LENGTH = 64;

/**
 * How a tag is stored in crm_contact_tags and compared: folded, so "VIP", "vip" and
 * "Vip" are one tag on D1 as on MySQL (which would compare them equal anyway).
 */
export const tagKey = (tag: string) => foldText(tag.trim()).slice(0, MAX_TAG_KEY_LENGTH);

/** Tags trimmed, without repeats (compared by key); the first spelling of each is kept, in order. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tagKey(tag);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
