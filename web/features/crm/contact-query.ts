// What the contacts list shows, as the address keeps it: the API's own query names
// (`?status=lead,prospect&tags=vip&sort=score`), so a view can be shared, bookmarked,
// exported and applied to a bulk action without translation.
import type { ContactSortKey, ContactStatus, FollowUpWindow } from "./contact-types";

export type ContactFilter = {
  q?: string;
  status?: ContactStatus[];
  tags?: string[];
  tags_mode?: "any" | "all";
  score_min?: number;
  score_max?: number;
  source?: string;
  company?: string;
  follow_up?: FollowUpWindow;
  created_from?: string;
  created_to?: string;
};

export type ContactOrder = { sort: ContactSortKey; order?: "asc" | "desc" };
export type ContactQuery = ContactFilter & ContactOrder;

/** The search parameters this page owns; everything else in the address is left alone. */
export const QUERY_KEYS = [
  "q",
  "status",
  "tags",
  "tags_mode",
  "score_min",
  "score_max",
  "source",
  "company",
  "follow_up",
  "created_from",
  "created_to",
  "sort",
  "order",
] as const;

const STATUS_VALUES = ["lead", "prospect", "customer", "inactive"] as const;
const SORTS = ["created", "name", "updated", "score", "last_contacted", "next_follow_up"] as const;
const WINDOWS = ["overdue", "today", "due", "this_week"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Params = Partial<Record<string, string | string[] | undefined>>;

const one = (params: Params, key: string): string | undefined => {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : undefined;
};
const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
const pick = <T extends string>(allowed: readonly T[], value: string | undefined): T | undefined =>
  allowed.find((a) => a === value);
const score = (value: string | undefined) => {
  if (value === undefined || !/^\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 100 ? n : undefined;
};

/**
 * The address's parameters as a query the API accepts: unknown values are dropped rather
 * than sent, so a hand-edited link shows a wider list instead of an error.
 */
export function readContactQuery(params: Params): ContactQuery {
  const statuses = list(one(params, "status")).flatMap((s) => pick(STATUS_VALUES, s) ?? []);
  const tags = list(one(params, "tags"));
  const query: ContactQuery = { sort: pick(SORTS, one(params, "sort")) ?? "created" };
  const q = one(params, "q");
  if (q) query.q = q.slice(0, 200);
  if (statuses.length > 0) query.status = [...new Set(statuses)];
  if (tags.length > 0) query.tags = tags.slice(0, 20);
  const mode = pick(["any", "all"] as const, one(params, "tags_mode"));
  if (mode && tags.length > 0) query.tags_mode = mode;
  const min = score(one(params, "score_min"));
  const max = score(one(params, "score_max"));
  if (min !== undefined) query.score_min = min;
  if (max !== undefined && (min === undefined || max >= min)) query.score_max = max;
  for (const key of ["source", "company"] as const) {
    const value = one(params, key);
    if (value) query[key] = value.slice(0, 255);
  }
  const window = pick(WINDOWS, one(params, "follow_up"));
  if (window) query.follow_up = window;
  const from = one(params, "created_from");
  const to = one(params, "created_to");
  if (from && DAY.test(from)) query.created_from = from;
  if (to && DAY.test(to) && !(query.created_from && to < query.created_from)) query.created_to = to;
  const order = pick(["asc", "desc"] as const, one(params, "order"));
  if (order) query.order = order;
  return query;
}

/** The filter part of a query, as the bulk endpoint takes it (`filter` in its body). */
export function filterOf(query: ContactQuery): ContactFilter {
  const { sort: _sort, order: _order, ...filter } = query;
  return filter;
}

/** A query as search parameters: for the address, the list call and the export link alike. */
export function toSearchParams(query: Partial<ContactQuery>): Record<string, string | undefined> {
  return {
    q: query.q,
    status: query.status?.join(","),
    tags: query.tags?.join(","),
    tags_mode: query.tags_mode,
    score_min: query.score_min?.toString(),
    score_max: query.score_max?.toString(),
    source: query.source,
    company: query.company,
    follow_up: query.follow_up,
    created_from: query.created_from,
    created_to: query.created_to,
    sort: query.sort === "created" ? undefined : query.sort,
    order: query.order,
  };
}

/** Whether anything narrows the list (a sort alone does not). */
export const isFiltered = (query: ContactQuery) => Object.keys(filterOf(query)).length > 0;

/** The export of exactly this view: a plain link, so the browser downloads it with the session cookie. */
export function exportUrl(workspaceId: string, query: ContactQuery): string {
  const url = new URL(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/contacts/export`, window.location.origin);
  for (const [key, value] of Object.entries(toSearchParams(query))) if (value) url.searchParams.set(key, value);
  return `${url.pathname}${url.search}`;
}
