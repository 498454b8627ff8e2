import { and, eq, gte, inArray, lt } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { ContactWhere, IndexMatch } from "./resolve-contact-filter";

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

async function isCommon(db: Database, workspaceId: string, match: IndexMatch): Promise<boolean> {
  const key = `${workspaceId} ${match.kind === "tags" ? `tags ${match.keys.join(",")}` : `prefix ${match.word}`}`;
  const known = recent.get(key);
  if (known && Date.now() - known.at < RECENT_MS) return known.common;
  const common = await probe(db, workspaceId, match);
  recent.delete(key);
  recent.set(key, { common, at: Date.now() });
  // A Map iterates in insertion order: the first key is the oldest.
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
  return common;
}

async function probe(db: Database, workspaceId: string, match: IndexMatch): Promise<boolean> {
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

/** The filter with each tag and search-word condition marked common or not, for the query builder to pick its form. */
export async function gaugeMatches(db: Database, workspaceId: string, where: ContactWhere): Promise<ContactWhere> {
  if (!where.matches?.some((match) => match.common === undefined)) return where;
  const matches = await Promise.all(
    where.matches.map(async (match) =>
      match.common === undefined ? { ...match, common: await isCommon(db, workspaceId, match) } : match,
    ),
  );
  return { ...where, matches };
}
