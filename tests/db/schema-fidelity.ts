// Compares a live schema (read from D1 or MySQL) with the reference DDL and lists
// every difference in words. An empty list means the database keeps the seed's
// tables, columns, types, nullability, enums, defaults, keys, indexes and cascades.
import type { RefColumn, RefTable } from "./reference-schema";

export type Dialect = "sqlite" | "mysql";

export type LiveColumn = {
  name: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
  default: string | null;
  /** null where the dialect has no such notion (SQLite keeps updated_at fresh in code). */
  onUpdateNow: boolean | null;
  autoIncrement: boolean | null;
  enumValues: string[] | null;
};

export type LiveIndex = { name: string; columns: string[]; unique: boolean };
export type LiveForeignKey = { column: string; table: string; refColumn: string; onDelete: string };
export type LiveTable = { name: string; columns: LiveColumn[]; indexes: LiveIndex[]; foreignKeys: LiveForeignKey[] };

/** Columns and indexes the product added to the seed's tables (never renamed or dropped ones). */
export const ADDITIONS = {
  columns: {
    sessions: ["expires_at"],
    link_in_bio_pages: ["custom_domain_token", "custom_domain_verified_at"],
    social_media_accounts: [
      "token_key_id",
      "token_expires_at",
      "refresh_lock_owner",
      "refresh_lock_until",
      "last_error",
    ],
    social_media_posts: [
      "group_id",
      "failure_reason",
      "publish_state",
      "publish_attempts",
      "publish_data",
      "next_attempt_at",
      "claimed_at",
      "approved_by",
      "approved_at",
      "rejected_by",
      "rejected_at",
      "review_comment",
      "metrics_synced_at",
    ],
  } as Record<string, string[]>,
  /** Values added after the seed's own, in order (values are never removed). */
  enumValues: {
    "social_media_posts.status": ["pending_approval", "publishing", "unconfirmed"],
  } as Record<string, string[]>,
  indexes: {
    sessions: ["idx_expires"],
    activity_logs: ["idx_ws_id"],
    crm_contacts: [
      "idx_ws_id",
      "idx_ws_name",
      "idx_ws_updated",
      "idx_ws_created",
      "idx_ws_score",
      "idx_ws_status",
      "idx_ws_contacted",
      "idx_ws_follow_up",
      "idx_ws_source",
      "idx_ws_company",
      "unique_workspace_email",
    ],
    link_in_bio_pages: ["unique_custom_domain"],
    social_media_accounts: ["idx_status_expires"],
    social_media_posts: ["idx_status_scheduled", "idx_status_next", "idx_ws_scheduled", "idx_ws_status", "idx_group"],
  } as Record<string, string[]>,
  tables: [
    "user_tokens",
    "mail_outbox",
    "workspace_invite_links",
    "crm_contact_tags",
    "crm_contact_terms",
    "crm_import_jobs",
    "crm_import_rows",
    "link_in_bio_stats",
    "link_in_bio_visitors",
    "social_posting_slots",
  ],
};

function expectedTypes(col: RefColumn, dialect: Dialect): string[] {
  if (dialect === "sqlite") {
    if (["INT", "TINYINT", "BIGINT", "BOOLEAN"].includes(col.base)) return ["integer"];
    if (col.base === "DECIMAL") return ["numeric"];
    return ["text"];
  }
  const unsigned = col.unsigned ? " unsigned" : "";
  switch (col.base) {
    case "UUID":
      return ["char(36)"];
    case "VARCHAR":
      return [`varchar(${col.args[0]})`];
    case "DECIMAL":
      return [`decimal(${col.args.join(",")})`];
    case "BOOLEAN":
      return ["tinyint(1)"];
    case "ENUM":
      return ["enum"];
    case "JSON":
      return ["json", "longtext"]; // MariaDB stores JSON as LONGTEXT with a json_valid CHECK
    default:
      return [`${col.base.toLowerCase()}${unsigned}`];
  }
}

/** One spelling for defaults across dialects: unquoted, booleans as 1/0, numbers canonical. */
export function normalizeDefault(value: string | null): string | null {
  if (value === null) return null;
  let v = value.trim();
  if (/^null$/i.test(v)) return null;
  if (/^\(?(current_timestamp(\(\))?|now\(\))\)?$/i.test(v)) return "CURRENT_TIMESTAMP";
  v = v.replace(/^'(.*)'$/s, "$1");
  if (/^true$/i.test(v)) return "1";
  if (/^false$/i.test(v)) return "0";
  if (/^-?\d+(\.\d+)?$/.test(v)) return String(Number(v));
  return v;
}

export function compareSchema(reference: RefTable[], live: LiveTable[], dialect: Dialect): string[] {
  const problems: string[] = [];
  const liveByName = new Map(live.map((t) => [t.name, t]));
  for (const ref of reference) {
    const table = liveByName.get(ref.name);
    if (!table) {
      problems.push(`${ref.name}: table missing`);
      continue;
    }
    const at = (what: string) => `${ref.name}.${what}`;
    const columns = new Map(table.columns.map((c) => [c.name, c]));
    for (const col of ref.columns) {
      const c = columns.get(col.name);
      if (!c) {
        problems.push(`${at(col.name)}: column missing`);
        continue;
      }
      const types = expectedTypes(col, dialect);
      if (!types.includes(c.type)) problems.push(`${at(col.name)}: type ${c.type}, expected ${types.join(" or ")}`);
      if (c.notNull !== col.notNull)
        problems.push(
          `${at(col.name)}: ${c.notNull ? "NOT NULL" : "NULL"}, expected ${col.notNull ? "NOT NULL" : "NULL"}`,
        );
      if (c.primaryKey !== col.primaryKey)
        problems.push(`${at(col.name)}: primary key is ${c.primaryKey}, expected ${col.primaryKey}`);
      const want = normalizeDefault(col.default);
      const got = normalizeDefault(c.default);
      if (want !== got) problems.push(`${at(col.name)}: default ${got}, expected ${want}`);
      if (c.onUpdateNow !== null && c.onUpdateNow !== col.onUpdateNow) {
        problems.push(`${at(col.name)}: ON UPDATE CURRENT_TIMESTAMP is ${c.onUpdateNow}, expected ${col.onUpdateNow}`);
      }
      if (c.autoIncrement !== null && c.autoIncrement !== col.autoIncrement) {
        problems.push(`${at(col.name)}: auto-increment is ${c.autoIncrement}, expected ${col.autoIncrement}`);
      }
      if (col.base === "ENUM") {
        const values = c.enumValues?.join(",") ?? "(not enforced)";
        const expected = [...col.args, ...(ADDITIONS.enumValues[`${ref.name}.${col.name}`] ?? [])].join(",");
        if (values !== expected) problems.push(`${at(col.name)}: enum ${values}, expected ${expected}`);
      }
    }
    const added = ADDITIONS.columns[ref.name] ?? [];
    for (const c of table.columns) {
      if (!ref.columns.some((r) => r.name === c.name) && !added.includes(c.name)) {
        problems.push(`${at(c.name)}: column not in the reference`);
      }
    }

    const indexName = (name: string) => (dialect === "sqlite" ? `${ref.name}_${name}` : name);
    const same = (a: string[], b: string[]) => a.join(",") === b.join(",");
    for (const idx of ref.indexes) {
      const found = table.indexes.find((i) => i.name === indexName(idx.name));
      if (!found) problems.push(`${at(idx.name)}: index missing`);
      else if (!same(found.columns, idx.columns)) {
        problems.push(`${at(idx.name)}: index on (${found.columns}), expected (${idx.columns})`);
      }
    }
    const uniqueSets = [
      ...ref.uniques.map((u) => u.columns),
      ...ref.columns.filter((c) => c.unique).map((c) => [c.name]),
    ];
    for (const cols of uniqueSets) {
      if (!table.indexes.some((i) => i.unique && same(i.columns, cols))) {
        problems.push(`${at(cols.join(","))}: unique constraint missing`);
      }
    }
    for (const u of ref.uniques) {
      if (!table.indexes.some((i) => i.unique && i.name === u.name))
        problems.push(`${at(u.name)}: unique key name missing`);
    }
    // Anything else must be the index MySQL makes for a foreign key, or a declared addition.
    const fkColumns = new Set(ref.foreignKeys.map((f) => f.column));
    const allowed = new Set([
      ...ref.indexes.map((i) => indexName(i.name)),
      ...(ADDITIONS.indexes[ref.name] ?? []).map(indexName),
      ...(ADDITIONS.indexes[ref.name] ?? []), // unique constraints keep their own name on SQLite
    ]);
    for (const i of table.indexes) {
      const isUnique = i.unique && uniqueSets.some((cols) => same(cols, i.columns));
      const isFk = !i.unique && i.columns.length === 1 && fkColumns.has(i.columns[0] ?? "");
      if (!allowed.has(i.name) && !isUnique && !isFk) problems.push(`${at(i.name)}: index not in the reference`);
    }

    const fkKey = (f: { column: string; table: string; refColumn: string; onDelete: string }) =>
      `${f.column}->${f.table}.${f.refColumn} ON DELETE ${f.onDelete.toUpperCase()}`;
    const want = new Set(ref.foreignKeys.map(fkKey));
    const got = new Set(table.foreignKeys.map(fkKey));
    for (const k of want) if (!got.has(k)) problems.push(`${ref.name}: foreign key missing: ${k}`);
    for (const k of got) if (!want.has(k)) problems.push(`${ref.name}: foreign key not in the reference: ${k}`);
  }
  for (const t of live) {
    if (!reference.some((r) => r.name === t.name) && !ADDITIONS.tables.includes(t.name))
      problems.push(`${t.name}: table not in the reference`);
  }
  return problems;
}
