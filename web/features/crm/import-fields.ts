import type { ImportField } from "../../../worker/features/crm/import-mapping";
import type { DuplicateStrategy } from "../../../worker/features/crm/import-schema";

export type MappingTarget = ImportField | "ignore";
export type { DuplicateStrategy };

/** What a CSV column can feed, in the order the mapping's menus list them. */
export const IMPORT_FIELD_LABELS = {
  email: "Email",
  full_name: "Full name (split into first and last)",
  first_name: "First name",
  last_name: "Last name",
  phone: "Phone",
  company: "Company",
  position: "Position",
  address: "Address",
  status: "Status",
  lead_score: "Lead score",
  source: "Source",
  tags: "Tags (split on ; or ,)",
  notes: "Notes",
} as const satisfies Record<ImportField, string>;

export const IMPORT_FIELDS = Object.keys(IMPORT_FIELD_LABELS) as ImportField[];

export const STRATEGY_LABELS = {
  skip: { label: "Skip it", hint: "Keep the contact as it is; the row is listed in the report as skipped." },
  update: { label: "Update it", hint: "Fill the contact's fields from the row; empty cells leave a field alone." },
  merge_tags: { label: "Only add its tags", hint: "Keep the contact's fields, add the row's tags to theirs." },
} as const satisfies Record<DuplicateStrategy, { label: string; hint: string }>;

/** A mapping's problems the API would refuse, said before it is sent. */
export function mappingProblem(mapping: Record<string, MappingTarget>): string | null {
  const targets = Object.values(mapping).filter((t) => t !== "ignore");
  if (!targets.some((t) => t === "email" || t === "first_name" || t === "last_name" || t === "full_name")) {
    return "Map a column to email or to a name, so each row can become a contact.";
  }
  const once = targets.filter((t) => t !== "tags");
  const twice = once.find((t, i) => once.indexOf(t) !== i);
  return twice ? `Two columns feed ${IMPORT_FIELD_LABELS[twice]}; choose one.` : null;
}
