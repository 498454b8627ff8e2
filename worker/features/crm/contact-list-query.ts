// The one query builder behind the contact list, the export and bulk selections.
// Every query it makes starts at an index led by workspace_id: the sort's own index
// (idx_ws_name, idx_ws_score, …) or, for a selective filter, that filter's. Filters
// by tag and search words read the index tables (idx_ws_tag, idx_ws_term, or by
// contact unique_contact_tag, unique_contact_term).
// Pages are keyset pages: "after this row" in the sort's order, never an offset.
import {
  and,
  asc,
  type Column,
  desc,
  eq,
  exists,
  gt,
  gte,
  inArray,
  is,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  SQL,
  sql,
} from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import type { CursorKey } from "../../lib/pagination";
import type { ContactRow } from "./contact-statements";
import type { ContactWhere, IndexMatch, RangeFilter } from "./resolve-contact-filter";

export const CONTACT_SORTS = ["created", "name", "updated", "score", "last_contacted", "next_follow_up"] as const;
export type ContactSortKey = (typeof CONTACT_SORTS)[number];
export type SortOrder = "asc" | "desc";
export type ContactSort = { by: ContactSortKey; order: SortOrder };

/** The order a sort takes when none is asked for: what a person expects to see first. */
export const DEFAULT_ORDER: Record<ContactSortKey, SortOrder> = {
  created: "desc",
  name: "asc",
  updated: "desc",
  score: "desc",
  last_contacted: "desc",
  next_follow_up: "asc",
};

/**
 * Nullable sorts run in two phases: first the rows with a value (a range on the
 * sort's index, `col IS NOT NULL`), then those without (`col IS NULL`, by id). So
 * contacts without a follow-up date come last in both orders, and each phase is
 * still one ordered index range — COALESCE or `col IS NULL` in ORDER BY would not be.
 */
export type ContactPhase = "values" | "nulls";

/** Where a page ends: the sort values of its last row (null once in the nulls phase) and its id. */
export type ContactPosition = { values: (string | number | Date)[] | null; id: string };

type Contacts = Database["t"]["crmContacts"];
/** A sort's columns (as rows and cursors hold them), and what is compared and ordered (for names, without case). */
type SortSpec = {
  columns: Column[];
  ordered: (Column | SQL)[];
  kinds: ("text" | "number" | "date")[];
  nullable: boolean;
};

/**
 * A text column compared without case. MySQL's collation already ignores case; D1
 * compares bytes unless told NOCASE, and its idx_ws_name, idx_ws_source and
 * idx_ws_company are NOCASE so these comparisons and orders still walk them. (NOCASE
 * folds A–Z only: on D1 "É" and "é" stay apart, where MySQL holds them equal.)
 */
export const caseless = (db: Database, column: Column): SQL =>
  db.dialect === "sqlite" ? sql`${column} COLLATE NOCASE` : sql`${column}`;

/**
 * The columns a sort orders by ahead of the id. "created" reads created_at rather than
 * trusting UUIDv7 order: contacts imported from an existing Mewayz database keep ids that
 * are not time-ordered, and a created-range filter then walks the same index.
 */
function sortSpec(db: Database, by: ContactSortKey): SortSpec {
  const t: Contacts = db.t.crmContacts;
  const plain = (column: Column, kind: "number" | "date"): SortSpec => ({
    columns: [column],
    ordered: [column],
    kinds: [kind],
    nullable: true,
  });
  switch (by) {
    case "created":
      return plain(t.created_at, "date");
    case "name":
      return {
        columns: [t.last_name, t.first_name],
        ordered: [caseless(db, t.last_name), caseless(db, t.first_name)],
        kinds: ["text", "text"],
        nullable: false,
      };
    case "updated":
      return plain(t.updated_at, "date");
    case "score":
      return plain(t.lead_score, "number");
    case "last_contacted":
      return plain(t.last_contacted, "date");
    case "next_follow_up":
      return plain(t.next_follow_up, "date");
  }
}

export const phasesOf = (db: Database, by: ContactSortKey): ContactPhase[] =>
  sortSpec(db, by).nullable ? ["values", "nulls"] : ["values"];

/** The cursor key of a row: the sort's name, its sort values (dates as ISO), its id. */
export function positionKey(db: Database, by: ContactSortKey, row: ContactRow): CursorKey {
  const spec = sortSpec(db, by);
  const values = spec.columns.map((column) => {
    const value = row[column.name as keyof ContactRow];
    return value instanceof Date ? value.toISOString() : (value as string | number | null);
  });
  return [by, ...values, row.id];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The position a cursor key names, checked against the sort it must belong to. */
export function positionFromKey(db: Database, by: ContactSortKey, key: CursorKey): ContactPosition {
  const invalid = () => new AppError("invalid_cursor", "The cursor is not one this list gave out.", { sort: by });
  const spec = sortSpec(db, by);
  const [sortName, ...rest] = key;
  const id = rest.pop();
  if (sortName !== by || rest.length !== spec.columns.length || typeof id !== "string" || !UUID.test(id)) {
    throw invalid();
  }
  if (spec.nullable && rest[0] === null) return { values: null, id };
  const values = rest.map((value, i) => {
    const kind = spec.kinds[i];
    if (kind === "number" && typeof value === "number" && Number.isFinite(value)) return value;
    if (kind === "text" && typeof value === "string") return value;
    if (kind === "date" && typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value);
    throw invalid();
  });
  return { values, id };
}

/**
 * "After (v1, v2, …, id)" in the sort's direction, written so an index can seek to it:
 * `c1 >= v1 AND (c1 > v1 OR (c1 = v1 AND (c2 > v2 OR … id > x)))`. Row-value
 * comparisons say the same more briefly, but MySQL does not turn them into a range.
 */
function after(columns: (Column | SQL)[], values: unknown[], order: SortOrder): SQL | undefined {
  type Compare = (left: Column | SQL, right: unknown) => SQL;
  // A column binds the value through its own mapping (dates); an expression (a caseless name) takes text as it is.
  const compare =
    (op: typeof gt): Compare =>
    (left, right) =>
      is(left, SQL) ? op(left, right) : op(left, right);
  const beyond = compare(order === "asc" ? gt : lt);
  const atOrBeyond = compare(order === "asc" ? gte : lte);
  const equal = compare(eq);
  let condition: SQL | undefined;
  for (let i = columns.length - 1; i >= 0; i--) {
    const column = columns[i] as Column | SQL;
    const value = values[i];
    condition = condition ? or(beyond(column, value), and(equal(column, value), condition)) : beyond(column, value);
  }
  const [first] = columns;
  return first && columns.length > 1 ? and(atOrBeyond(first, values[0]), condition) : condition;
}

/**
 * A tag or search-word condition, in the form that is cheap for how many contacts it
 * matches. A rare one is gathered first, `id IN (SELECT contact_id …)`: the database
 * reads the few index entries and fetches those contacts. A common one (see
 * gauge-matches.ts) is checked per contact, `EXISTS (… WHERE contact_id = id)`, while
 * the sort's index is walked: a page fills after a few dozen rows, where gathering
 * would read (and, for another sort than created, sort) thousands first.
 */
function indexMatch(db: Database, workspaceId: string, match: IndexMatch): SQL {
  const { crmContacts: t, crmContactTags: tags, crmContactTerms: terms } = db.t;
  if (match.kind === "tags") {
    if (match.common) {
      return exists(
        db.q
          .select({ one: sql`1` })
          .from(tags)
          .where(and(eq(tags.contact_id, t.id), inArray(tags.tag, match.keys))),
      );
    }
    return inArray(
      t.id,
      db.q
        .select({ id: tags.contact_id })
        .from(tags)
        .where(and(eq(tags.workspace_id, workspaceId), inArray(tags.tag, match.keys))),
    );
  }
  // A prefix is the range [w, w + U+FFFF): on D1's byte order and MySQL's collation alike,
  // every term that starts with w sorts inside it (terms hold no characters above U+FFFF).
  const upTo = `${match.word}\uffff`;
  if (match.common) {
    return exists(
      db.q
        .select({ one: sql`1` })
        .from(terms)
        .where(and(eq(terms.contact_id, t.id), gte(terms.term, match.word), lt(terms.term, upTo))),
    );
  }
  return inArray(
    t.id,
    db.q
      .select({ id: terms.contact_id })
      .from(terms)
      .where(and(eq(terms.workspace_id, workspaceId), gte(terms.term, match.word), lt(terms.term, upTo))),
  );
}

/**
 * `+column`: the same value, but not a column an index can seek on. SQLite otherwise
 * prefers a range's own index and sorts every row of it (thousands for a broad range)
 * over walking the sort's index and checking rows until a page is full; MySQL ignores
 * the `+` and weighs both plans with real row counts.
 */
const checkedRowByRow = (column: Column): SQL => sql`+${column}`;

/**
 * The filter's conditions, every one inside the workspace. Given the sort, a broad
 * range on another column (see gaugeMatches) is checked row by row along the sort.
 */
export function filterConditions(
  db: Database,
  workspaceId: string,
  where: ContactWhere,
  sortBy?: ContactSortKey,
): SQL[] {
  const t = db.t.crmContacts;
  const along = (range: RangeFilter, own: ContactSortKey, column: Column) =>
    sortBy !== undefined && sortBy !== own && where.broadRanges?.includes(range)
      ? checkedRowByRow(column)
      : sql`${column}`;
  const score = along("score", "score", t.lead_score);
  const followUp = along("followUp", "next_follow_up", t.next_follow_up);
  const out: SQL[] = [eq(t.workspace_id, workspaceId)];
  if (where.statuses) out.push(inArray(t.status, where.statuses));
  if (where.scoreMin !== undefined) out.push(gte(score, sql.param(where.scoreMin, t.lead_score)));
  if (where.scoreMax !== undefined) out.push(lte(score, sql.param(where.scoreMax, t.lead_score)));
  if (where.source) out.push(eq(caseless(db, t.source), where.source));
  if (where.company) out.push(eq(caseless(db, t.company), where.company));
  if (where.followUp?.from) out.push(gte(followUp, sql.param(where.followUp.from, t.next_follow_up)));
  if (where.followUp?.before) out.push(lt(followUp, sql.param(where.followUp.before, t.next_follow_up)));
  if (where.created?.from) out.push(gte(t.created_at, where.created.from));
  if (where.created?.before) out.push(lt(t.created_at, where.created.before));
  for (const match of where.matches ?? []) out.push(indexMatch(db, workspaceId, match));
  return out;
}

/** One phase of one page: the rows after `position` in the sort's order, at most `limit`. */
export function contactListQuery(
  db: Database,
  workspaceId: string,
  where: ContactWhere,
  sort: ContactSort,
  phase: ContactPhase,
  position: ContactPosition | null,
  limit: number,
) {
  const t = db.t.crmContacts;
  const spec = sortSpec(db, sort.by);
  const conditions = filterConditions(db, workspaceId, where, sort.by);
  const [sortColumn] = spec.columns;
  if (spec.nullable && sortColumn) conditions.push(phase === "values" ? isNotNull(sortColumn) : isNull(sortColumn));
  if (position) {
    const condition =
      phase === "values"
        ? after([...spec.ordered, t.id], [...(position.values ?? []), position.id], sort.order)
        : after([t.id], [position.id], sort.order);
    if (condition) conditions.push(condition);
  }
  // In the nulls phase the sort column is NULL throughout and orders nothing; naming it
  // still tells MySQL that the sort's index hands rows over in order (ordered by id
  // alone, MariaDB may walk the whole primary key instead).
  const direction = sort.order === "asc" ? asc : desc;
  return db.q
    .select()
    .from(t)
    .where(and(...conditions))
    .orderBy(...[...spec.ordered, t.id].map((column) => direction(column)))
    .limit(limit);
}
