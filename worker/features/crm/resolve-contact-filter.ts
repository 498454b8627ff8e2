import type { WorkspaceClock } from "../../lib/workspace-clock";
import { createdAtBounds } from "../activity/created-at-bounds";
import { followUpWindow, type InstantRange } from "./follow-up-window";
import type { ContactStatus } from "./normalize-contact";
import type { ContactFilter } from "./schema";
import { searchWords } from "./search-words";
import { tagKey } from "./unique-tags";

/**
 * A condition answered by an index table: the contact has one of these tags, or a
 * search term starting with this word. `common` (set by gaugeMatches) says it matches
 * so many contacts that checking contacts one by one beats gathering all of them.
 */
export type IndexMatch = ({ kind: "tags"; keys: string[] } | { kind: "prefix"; word: string }) & { common?: boolean };

/** A filter with everything relative resolved: tag keys, search words, instants. What the query builder takes. */
export type ContactWhere = {
  statuses?: ContactStatus[];
  /** Tags (one match for "any", one per tag for "all") and search words (one match each); all must hold. */
  matches?: IndexMatch[];
  scoreMin?: number;
  scoreMax?: number;
  source?: string;
  company?: string;
  followUp?: InstantRange;
  created?: InstantRange;
  /**
   * Set by gaugeMatches: the score and follow-up ranges that match so many contacts
   * that walking another sort's index and checking each row beats reading the whole
   * range and sorting it.
   */
  broadRanges?: RangeFilter[];
};

/** The range filters a list may read through their own index or check row by row. */
export type RangeFilter = "score" | "followUp";

export function resolveContactFilter(filter: Partial<ContactFilter>, clock: WorkspaceClock): ContactWhere {
  const where: ContactWhere = {};
  if (filter.status?.length) where.statuses = [...new Set(filter.status)];
  const matches: IndexMatch[] = [];
  const keys = [...new Set((filter.tags ?? []).map(tagKey).filter(Boolean))];
  if (keys.length && filter.tags_mode === "all") for (const key of keys) matches.push({ kind: "tags", keys: [key] });
  else if (keys.length) matches.push({ kind: "tags", keys });
  // Each search word must start one of the contact's terms.
  for (const word of filter.q ? searchWords(filter.q) : []) matches.push({ kind: "prefix", word });
  if (matches.length) where.matches = matches;
  if (filter.score_min !== undefined) where.scoreMin = filter.score_min;
  if (filter.score_max !== undefined) where.scoreMax = filter.score_max;
  if (filter.source) where.source = filter.source;
  if (filter.company) where.company = filter.company;
  if (filter.follow_up) where.followUp = followUpWindow(filter.follow_up, clock);
  if (filter.created_from || filter.created_to) {
    const { from, before } = createdAtBounds({ from: filter.created_from, to: filter.created_to });
    where.created = { ...(from && { from }), ...(before && { before }) };
  }
  return where;
}
