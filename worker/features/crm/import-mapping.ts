// Which CSV column feeds which contact field: the suggestion made from the header
// names, the check of a mapping a person chose, and a row read through it.
import { AppError } from "../../lib/errors";
import { foldText } from "./fold-text";

export const IMPORT_FIELDS = [
  "first_name",
  "last_name",
  "full_name",
  "email",
  "phone",
  "company",
  "position",
  "address",
  "status",
  "lead_score",
  "source",
  "tags",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type MappingTarget = ImportField | "ignore";

/** A checked mapping: for each column index, the field it feeds. */
export type ColumnMapping = Map<number, ImportField>;

/** Header names people's exports use, folded (lower case, no accents, letters and digits only). */
const SYNONYMS: Record<ImportField, string[]> = {
  email: ["email", "emailaddress", "mail", "emailadresse", "courriel", "primaryemail", "workemail", "correo"],
  first_name: ["firstname", "givenname", "first", "forename", "prenom", "vorname", "nombre"],
  last_name: ["lastname", "surname", "familyname", "last", "nachname", "apellido", "apellidos"],
  full_name: ["name", "fullname", "contactname", "displayname", "contact", "nom"],
  phone: ["phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "telephone", "tel"],
  company: ["company", "companyname", "organisation", "organization", "org", "business", "employer", "account"],
  position: ["position", "jobtitle", "title", "role"],
  address: ["address", "streetaddress", "mailingaddress", "postaladdress"],
  status: ["status", "lifecyclestage", "leadstatus", "stage"],
  lead_score: ["score", "leadscore", "hubspotscore", "rating"],
  source: ["source", "leadsource", "originalsource", "origin", "channel"],
  tags: ["tags", "tag", "labels", "label", "groups"],
  notes: ["notes", "note", "comments", "comment", "description", "remarks"],
};

const LOOKUP = new Map<string, ImportField>(
  (Object.entries(SYNONYMS) as [ImportField, string[]][]).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const),
  ),
);

/** A header name folded for comparison: "E-mail Address" → "emailaddress", "Prénom" → "prenom". */
export const foldHeader = (header: string) => foldText(header).replace(/[^a-z0-9]/g, "");

/** The mapping the header names suggest, one entry per column; a field goes to the first column that names it. */
export function suggestMapping(headers: string[]): Record<string, MappingTarget> {
  const taken = new Set<ImportField>();
  const out: Record<string, MappingTarget> = {};
  headers.forEach((header, index) => {
    const field = LOOKUP.get(foldHeader(header));
    // Tags may come from several columns ("Tags", "Labels"); every other field from one.
    const free = field !== undefined && (field === "tags" || !taken.has(field));
    out[String(index)] = free ? field : "ignore";
    if (free) taken.add(field);
  });
  // A "Name" column next to first/last name columns is the same person twice: keep the precise ones.
  const targets = Object.values(out);
  if (targets.includes("full_name") && (targets.includes("first_name") || targets.includes("last_name"))) {
    for (const [key, target] of Object.entries(out)) if (target === "full_name") out[key] = "ignore";
  }
  return out;
}

const problem = (path: string, message: string) =>
  new AppError("validation_failed", "The column mapping needs a change.", [{ path, message, code: "custom" }]);

/**
 * A mapping as sent (`{ "<column index or header>": field | "ignore" }`) checked against
 * the file's headers. A key of digits is a column index; any other key is a header,
 * which must name exactly one column.
 */
export function resolveMapping(input: Record<string, MappingTarget>, headers: string[]): ColumnMapping {
  const columns: ColumnMapping = new Map();
  const seen = new Map<ImportField, number>();
  for (const [key, target] of Object.entries(input)) {
    const path = `mapping.${key}`;
    const index = columnIndex(key, headers, path);
    if (target === "ignore") {
      columns.delete(index);
      continue;
    }
    const earlier = seen.get(target);
    if (earlier !== undefined && earlier !== index && target !== "tags") {
      throw problem(path, `"${headers[earlier]}" already feeds ${target}; map one column to it.`);
    }
    if (columns.has(index) && columns.get(index) !== target) {
      throw problem(path, `The column "${headers[index]}" is mapped twice.`);
    }
    seen.set(target, index);
    columns.set(index, target);
  }
  const fields = new Set(columns.values());
  if (!["email", "first_name", "last_name", "full_name"].some((f) => fields.has(f as ImportField))) {
    throw problem("mapping", "Map a column to email or to a name, so each row can become a contact.");
  }
  return columns;
}

function columnIndex(key: string, headers: string[], path: string): number {
  if (/^\d+$/.test(key)) {
    const index = Number(key);
    if (index < headers.length) return index;
    throw problem(path, `The file has ${headers.length} columns, numbered from 0.`);
  }
  const wanted = key.trim().toLowerCase();
  const matches = headers.flatMap((h, i) => (h.trim().toLowerCase() === wanted ? [i] : []));
  if (matches.length === 1) return matches[0]!;
  throw problem(
    path,
    matches.length === 0
      ? `No column is named "${key}".`
      : `${matches.length} columns are named "${key}"; map them by number instead.`,
  );
}

/** A checked mapping as stored on the job and shown back: column index → field. */
export const mappingToJson = (columns: ColumnMapping): Record<string, ImportField> =>
  Object.fromEntries([...columns.entries()].sort(([a], [b]) => a - b).map(([i, f]) => [String(i), f]));

/** The stored mapping back as a checked one (it was checked when saved). */
export const mappingFromJson = (stored: Record<string, unknown> | null): ColumnMapping =>
  new Map(
    Object.entries(stored ?? {}).flatMap(([key, field]) =>
      (IMPORT_FIELDS as readonly unknown[]).includes(field) ? [[Number(key), field as ImportField] as const] : [],
    ),
  );

/** What one row says about a contact, before validation: only the fields it fills in. */
export type ImportedValues = Partial<Record<Exclude<ImportField, "full_name" | "tags">, string>> & { tags?: string[] };

/**
 * "Ada Lovelace" → Ada / Lovelace; "Mary Ann Evans" → Mary Ann / Evans (the last word is
 * the family name, as most exports write it); "Lovelace, Ada" → Ada / Lovelace; "Cher" → Cher / "".
 */
export function splitFullName(full: string): { first_name: string; last_name: string } {
  const comma = full.indexOf(",");
  if (comma > 0) return { first_name: full.slice(comma + 1).trim(), last_name: full.slice(0, comma).trim() };
  const words = full.trim().split(/\s+/);
  const last = words.length > 1 ? (words.pop() ?? "") : "";
  return { first_name: words.join(" "), last_name: last };
}

/** A tags cell split on semicolons or commas: "vip; newsletter" → ["vip", "newsletter"]. */
export const splitTags = (cell: string) =>
  cell
    .split(/[;,]/)
    .map((t) => t.trim())
    .filter((t) => t !== "");

/**
 * A row read through the mapping. Empty cells are left out, so an update never blanks a
 * field the file simply does not fill; a first or last name column wins over the split
 * of a full name.
 */
export function readRow(cells: readonly string[], columns: ColumnMapping): ImportedValues {
  const values: ImportedValues = {};
  let full: string | undefined;
  for (const [index, field] of columns) {
    const cell = (cells[index] ?? "").trim();
    if (cell === "") continue;
    if (field === "tags") values.tags = [...(values.tags ?? []), ...splitTags(cell)];
    else if (field === "full_name") full = cell;
    else values[field] = cell;
  }
  if (full !== undefined) {
    const split = splitFullName(full);
    if (values.first_name === undefined && split.first_name) values.first_name = split.first_name;
    if (values.last_name === undefined && split.last_name) values.last_name = split.last_name;
  }
  return values;
}
