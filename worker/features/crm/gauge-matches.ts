import { and, eq, gte, inArray, lt, lte, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { ContactWhere, IndexMatch, RangeFilter } from "./resolve-contact-filter";

/**
 * Index entries past which a tag or search word counts as common. Gathering m matches
 * costs about m reads; checking contacts one by one costs about 51 · n / m for a page
 * of 50 out of n contacts. The two meet near √(51 · n): about 2,000 at 100,000 contacts.
 */
export const COMMON_MATCHES = 2_000;

/**
 * Recent gauges in this isolate, so the next page of a search, or the same search
 * again, does not probe again. Only speed depends on them: both forms of a condition
 * find the same contacts, so a gauge that has gone stale costs time, never results.
 */
const recent = new Map<string, { common: boolean; at: number }>();
const RECENT_MS = 60_000;
const RECENT_MAX = 1_000;

async function isCommon(key: string, probe: () => Promise<boolean>): Promise<boolean> {
  const known = recent.get(key);
  if (known && Date.now() - known.at < RECENT_MS) return known.common;
  const common = await probe();
  recent.delete(key);
  recent.set(key, { common, at: Date.now() });
  // A Map iterates in insertion order: the first key is the oldest.
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
  return common;
}

const matchKey = (workspaceId: string, match: IndexMatch) =>
  `${workspaceId} ${match.kind === "tags" ? `tags ${match.keys.join(",")}` : `prefix ${match.word}`}`;

async function probeMatch(db: Database, workspaceId: string, match: IndexMatch): Promise<boolean> {
  const { crmContactTags: tags, crmContactTerms: terms } = db.t;
  // Is there an entry past the threshold? At most COMMON_MATCHES + 1 index entries are read.
  const beyond =
    match.kind === "tags"
      ? db.q
          .select({ id: tags.contact_id })
          .from(tags)
          .where(and(eq(tags.workspace_id, workspaceId), inArray(tags.tag, match.keys)))
      : db.q
          .select({ id: terms.contact_id })
          .from(terms)
          .where(
            and(
              eq(terms.workspace_id, workspaceId),
              gte(terms.term, match.word),
              lt(terms.term, `${match.word}\uffff`),
            ),
          );
  return (await beyond.limit(1).offset(COMMON_MATCHES)).length > 0;
}

/** The conditions of a score or follow-up range, on the column its index is on. */
function rangeConditions(db: Database, where: ContactWhere, range: RangeFilter): SQL[] {
  const t = db.t.crmContacts;
  if (range === "score") {
    return [
      ...(where.scoreMin !== undefined ? [gte(t.lead_score, where.scoreMin)] : []),
      ...(where.scoreMax !== undefined ? [lte(t.lead_score, where.scoreMax)] : []),
    ];
  }
  return [
    ...(where.followUp?.from ? [gte(t.next_follow_up, where.followUp.from)] : []),
    ...(where.followUp?.before ? [lt(t.next_follow_up, where.followUp.before)] : []),
  ];
}

/** Does the range hold more than COMMON_MATCHES contacts? Read on its own index, at most that many entries. */
async function probeRange(db: Database, workspaceId: string, conditions: SQL[]): Promise<boolean> {
  const t = db.t.crmContacts;
  const beyond = db.q
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.workspace_id, workspaceId), ...conditions));
  return (await beyond.limit(1).offset(COMMON_MATCHES)).length > 0;
}

const rangeKey = (workspaceId: string, range: RangeFilter, where: ContactWhere) =>
  `${workspaceId} ${range} ${JSON.stringify(range === "score" ? [where.scoreMin, where.scoreMax] : where.followUp)}`;

/**
 * The filter with each tag and search-word condition marked common or not, and its
 * broad ranges named, for the query builder to pick the cheap form of each.
 */
export async function gaugeMatches(db: Database, workspaceId: string, where: ContactWhere): Promise<ContactWhere> {
  const matches = where.matches
    ? await Promise.all(
        where.matches.map(async (match) =>
          match.common === undefined
            ? {
                ...match,
                common: await isCommon(matchKey(workspaceId, match), () => probeMatch(db, workspaceId, match)),
              }
            : match,
        ),
      )
    : undefined;
  const broadRanges: RangeFilter[] = [];
  if (where.broadRanges === undefined) {
    for (const range of ["score", "followUp"] as const) {
      const conditions = rangeConditions(db, where, range);
      if (conditions.length === 0) continue;
      const key = rangeKey(workspaceId, range, where);
      if (await isCommon(key, () => probeRange(db, workspaceId, conditions))) broadRanges.push(range);
    }
  }
  return {
    ...where,
    ...(matches && { matches }),
    ...(where.broadRanges === undefined && { broadRanges }),
  };
}
