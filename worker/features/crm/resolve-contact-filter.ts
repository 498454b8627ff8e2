import { createdAtBounds } from "../activity/created-at-bounds";
import { followUpWindow, type InstantRange } from "./follow-up-window";
import type { ContactStatus } from "./normalize-contact";
import type { ContactFilter } from "./schema";
import { searchWords } from "./search-words";
import { tagKey } from "./unique-tags";
import type { WorkspaceClock } from "./workspace-clock";

/** A filter with everything relative resolved: tag keys, search words, instants. What the query builder takes. */
export type ContactWhere = {
  statuses?: ContactStatus[];
  tags?: { keys: string[]; mode: "any" | "all" };
  scoreMin?: number;
  scoreMax?: number;
  source?: string;
  company?: string;
  followUp?: InstantRange;
  created?: InstantRange;
  /** Search words, each a prefix of one of the contact's terms. */
  words?: string[];
};

export function resolveContactFilter(filter: Partial<ContactFilter>, clock: WorkspaceClock): ContactWhere {
  const where: ContactWhere = {};
  if (filter.status?.length) where.statuses = [...new Set(filter.status)];
  const keys = [...new Set((filter.tags ?? []).map(tagKey).filter(Boolean))];
  if (keys.length) where.tags = { keys, mode: filter.tags_mode ?? "any" };
  if (filter.score_min !== undefined) where.scoreMin = filter.score_min;
  if (filter.score_max !== undefined) where.scoreMax = filter.score_max;
  if (filter.source) where.source = filter.source;
  if (filter.company) where.company = filter.company;
  if (filter.follow_up) where.followUp = followUpWindow(filter.follow_up, clock);
  if (filter.created_from || filter.created_to) {
    const { from, before } = createdAtBounds({ from: filter.created_from, to: filter.created_to });
    where.created = { ...(from && { from }), ...(before && { before }) };
  }
  const words = filter.q ? searchWords(filter.q) : [];
  if (words.length) where.words = words;
  return where;
}
