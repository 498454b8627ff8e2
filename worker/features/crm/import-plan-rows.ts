// What each row of an import does — create a contact, update one, skip, or is
// rejected and why — decided the same way for the preview (which writes nothing)
// and for the run (which writes what was decided). Rows are validated by the same
// schema and normalised by the same functions as the contacts API.
import type { z } from "@hono/zod-openapi";
import { uuidv7 } from "../../../db/uuidv7";
import type { ContactRow, NewContact } from "./contact-statements";
import { type ColumnMapping, type ImportedValues, readRow } from "./import-mapping";
import type { DuplicateStrategy, RowOutcome } from "./import-schema";
import {
  CONTACT_STATUSES,
  ContactFields,
  type ContactValues,
  normalizeContact,
  normalizeContactPatch,
} from "./normalize-contact";
import { tagKey, uniqueTags } from "./unique-tags";

/** A staged row of the job. */
export type StagedRow = { id: string; row_number: number; cells: string[] };

/** A row read and its email checked: what the decision needs. */
export type ReadRow =
  | { row: StagedRow; kind: "rejected"; reason: string }
  | { row: StagedRow; kind: "read"; input: Record<string, unknown>; email: string | null };

export type PlannedRow = {
  row: StagedRow;
  outcome: RowOutcome;
  reason: string | null;
  email: string | null;
  contact_id: string | null;
  /** The contact is one this plan creates (so a preview has no id to show for it). */
  new_contact: boolean;
  /** The earlier row of the file with the same email, when there is one. */
  duplicate_of_row: number | null;
};

/** A contact the plan knows by email: one that exists, or one an earlier row creates. */
type KnownContact = {
  id: string;
  isNew: boolean;
  /** As stored before this plan touched it; null for a contact the plan creates. */
  stored: ContactRow | null;
  /** Its values with the plan's changes applied; null once forgotten (a preview keeps only what decisions need). */
  values: ContactValues | null;
  tagKeys: Set<string>;
  /** The first row of this file that matched or created it. */
  firstRow: number | null;
};

const CREATE = ContactFields;
const PATCH = ContactFields.partial();
const EMAIL_ONLY = ContactFields.pick({ email: true });
const TAGS_ONLY = ContactFields.pick({ tags: true });

const LABELS: Record<string, string> = {
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  position: "Position",
  address: "Address",
  status: "Status",
  lead_score: "Score",
  source: "Source",
  tags: "Tags",
  notes: "Notes",
};

/** The reason a person reads in the report: each problem with the field it is about. */
function reasonOf(error: z.ZodError): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (seen.has(field)) continue;
    seen.add(field);
    // A union (an email, or blank) says only "Invalid input"; what its last branch (the email) says helps more.
    const message =
      issue.code === "invalid_union" ? (issue.errors.at(-1)?.[0]?.message ?? issue.message) : issue.message;
    parts.push(`${LABELS[field] ?? field}: ${message}`);
  }
  return parts.join(" ");
}

/**
 * The row's cells as the contact API's input. Spreadsheets write scores as text and
 * statuses in any case; both are taken as meant, and explained when they cannot be.
 */
function toInput(values: ImportedValues): Record<string, unknown> | string {
  const input: Record<string, unknown> = { ...values };
  if (values.lead_score !== undefined) {
    const score = Number(values.lead_score.replace(",", "."));
    if (!Number.isFinite(score)) return `Score: "${values.lead_score}" is not a number.`;
    input.lead_score = score;
  }
  if (values.status !== undefined) {
    const status = values.status.toLowerCase();
    if (!(CONTACT_STATUSES as readonly string[]).includes(status)) {
      return `Status: "${values.status}" is not one of ${CONTACT_STATUSES.join(", ")}.`;
    }
    input.status = status;
  }
  return input;
}

/**
 * A new contact's names when the row leaves them out, as HubSpot takes such rows: a lone
 * last name stands as the first name, and a row with no name at all is named after its
 * email's local part ("ada.l@example.com" → "ada.l"). A row with neither is refused.
 */
function withNames(input: Record<string, unknown>, email: string | null): Record<string, unknown> {
  const first = typeof input.first_name === "string" ? input.first_name : "";
  const last = typeof input.last_name === "string" ? input.last_name : "";
  if (first.trim() !== "") return { ...input, last_name: last };
  if (last.trim() !== "") return { ...input, first_name: last, last_name: "" };
  const local = email?.slice(0, email.lastIndexOf("@")) ?? "";
  return { ...input, first_name: local, last_name: "" };
}

const valuesOf = (row: ContactRow): ContactValues => ({
  first_name: row.first_name,
  last_name: row.last_name,
  email: row.email,
  phone: row.phone,
  company: row.company,
  position: row.position,
  address: row.address,
  status: row.status ?? "lead",
  lead_score: row.lead_score ?? 0,
  source: row.source,
  tags: row.tags ?? [],
  notes: row.notes,
  last_contacted: row.last_contacted,
  next_follow_up: row.next_follow_up,
});

const keysOf = (tags: readonly string[]) => new Set(tags.map(tagKey).filter(Boolean));
const same = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : a) === JSON.stringify(b instanceof Date ? b.toISOString() : b);

export class ImportPlanner {
  private readonly byEmail = new Map<string, KnownContact>();
  /** Contacts this plan creates, in row order (those without an email too). */
  private readonly created: KnownContact[] = [];

  constructor(
    private readonly columns: ColumnMapping,
    private readonly strategy: DuplicateStrategy,
    private readonly timeZone: string,
  ) {}

  /** A row through the mapping, with its email normalised (the key duplicates are found by) or refused. */
  read(row: StagedRow): ReadRow {
    const input = toInput(readRow(row.cells, this.columns));
    if (typeof input === "string") return { row, kind: "rejected", reason: input };
    if (input.email === undefined) return { row, kind: "read", input, email: null };
    const email = EMAIL_ONLY.safeParse({ email: input.email });
    if (!email.success) return { row, kind: "rejected", reason: reasonOf(email.error) };
    return { row, kind: "read", input, email: email.data.email || null };
  }

  /** The emails of these rows the plan does not know yet: the caller looks them up. */
  unknownEmails(rows: ReadRow[]): string[] {
    const emails = new Set<string>();
    for (const r of rows) if (r.kind === "read" && r.email && !this.byEmail.has(r.email)) emails.add(r.email);
    return [...emails];
  }

  /** A stored contact with one of those emails, and the first row of this job that already met it (if any). */
  addExisting(contact: ContactRow, firstRow: number | null) {
    if (!contact.email) return;
    const values = valuesOf(contact);
    this.byEmail.set(contact.email, {
      id: contact.id,
      isNew: false,
      stored: contact,
      values,
      tagKeys: keysOf(values.tags),
      firstRow,
    });
  }

  /** What the row does, given the contacts known so far; the plan then knows what this row did. */
  decide(r: ReadRow): PlannedRow {
    const planned = (outcome: RowOutcome, fields: Partial<PlannedRow> = {}): PlannedRow => ({
      row: r.row,
      outcome,
      reason: null,
      email: r.kind === "read" ? r.email : null,
      contact_id: null,
      new_contact: false,
      duplicate_of_row: null,
      ...fields,
    });
    if (r.kind === "rejected") return planned("rejected", { reason: r.reason });
    const known = r.email ? this.byEmail.get(r.email) : undefined;
    if (!known) {
      const named = withNames(r.input, r.email);
      if (named.first_name === "") return planned("rejected", { reason: "Give this row a name or an email." });
      const parsed = CREATE.safeParse(named);
      if (!parsed.success) return planned("rejected", { reason: reasonOf(parsed.error) });
      const values = normalizeContact(parsed.data, this.timeZone);
      const contact: KnownContact = {
        id: uuidv7(),
        isNew: true,
        stored: null,
        values,
        tagKeys: keysOf(values.tags),
        firstRow: r.row.row_number,
      };
      if (values.email) this.byEmail.set(values.email, contact);
      this.created.push(contact);
      return planned("created", { contact_id: contact.id, new_contact: true });
    }

    const duplicateOf = known.firstRow;
    const matched = { contact_id: known.id, new_contact: known.isNew, duplicate_of_row: duplicateOf };
    if (this.strategy === "skip") {
      known.firstRow ??= r.row.row_number;
      const reason =
        duplicateOf === null
          ? "A contact with this email already exists."
          : `Same email as row ${duplicateOf} of this file.`;
      return planned("skipped", { ...matched, reason });
    }
    if (this.strategy === "merge_tags") {
      const parsed = TAGS_ONLY.safeParse({ tags: r.input.tags ?? [] });
      if (!parsed.success) return planned("rejected", { ...matched, reason: reasonOf(parsed.error) });
      known.firstRow ??= r.row.row_number;
      const tags = parsed.data.tags ?? [];
      const added = uniqueTags(tags).filter((t) => !known.tagKeys.has(tagKey(t)));
      if (added.length === 0) {
        const reason = tags.length === 0 ? "No tags in this row to add." : "The contact already has these tags.";
        return planned("skipped", { ...matched, reason });
      }
      this.addTags(known, added);
      return planned("updated", matched);
    }
    const parsed = PATCH.safeParse(r.input);
    if (!parsed.success) return planned("rejected", { ...matched, reason: reasonOf(parsed.error) });
    known.firstRow ??= r.row.row_number;
    // The email already matches; tags are added to the contact's, never taken away: an import erases nothing.
    const { email: _same, tags, ...patch } = normalizeContactPatch(parsed.data, this.timeZone);
    if (known.values) Object.assign(known.values, patch);
    if (tags)
      this.addTags(
        known,
        tags.filter((t) => !known.tagKeys.has(tagKey(t))),
      );
    return planned("updated", matched);
  }

  private addTags(known: KnownContact, added: string[]) {
    for (const t of added) known.tagKeys.add(tagKey(t));
    if (known.values) known.values.tags = uniqueTags([...known.values.tags, ...added]);
  }

  /** Keeps only what later decisions need (ids, tag keys, first rows): a preview of 50,000 rows stays small. */
  forgetValues() {
    for (const known of this.byEmail.values()) {
      known.values = null;
      known.stored = null;
    }
    this.created.length = 0;
  }

  /** The writes the plan adds up to: each contact once, with every row's changes to it folded in. */
  writes(workspaceId: string, userId: string) {
    const inserts: NewContact[] = this.created.flatMap((k) =>
      k.values ? [{ ...k.values, id: k.id, workspace_id: workspaceId, created_by: userId }] : [],
    );
    const updates: { before: ContactRow; changes: Partial<ContactValues> }[] = [];
    for (const known of this.byEmail.values()) {
      if (!known.stored || !known.values) continue;
      const before = valuesOf(known.stored);
      const changes = Object.fromEntries(
        Object.entries(known.values).filter(([key, value]) => !same(before[key as keyof ContactValues], value)),
      ) as Partial<ContactValues>;
      if (Object.keys(changes).length > 0) updates.push({ before: known.stored, changes });
    }
    return { inserts, updates };
  }
}
