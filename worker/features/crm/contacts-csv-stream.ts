import type { Database } from "../../../db/database";
import { toCsvLine } from "../../lib/csv";
import { type ContactPosition, type ContactSort, positionFromKey, positionKey } from "./contact-list-query";
import type { ContactRow } from "./contact-statements";
import { findContacts } from "./find-contacts";
import { gaugeMatches } from "./gauge-matches";
import type { ContactWhere } from "./resolve-contact-filter";

export const CONTACT_CSV_COLUMNS = [
  "id",
  "first_name",
  "last_name",
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
  "last_contacted",
  "next_follow_up",
  "created_at",
  "updated_at",
] as const;

/** Rows read per query; notes can be long, so a chunk stays small. */
export const CONTACT_CSV_CHUNK = 200;

const iso = (d: Date | null) => d?.toISOString() ?? null;

const csvRecord = (row: ContactRow) =>
  toCsvLine([
    row.id,
    row.first_name,
    row.last_name,
    row.email,
    row.phone,
    row.company,
    row.position,
    row.address,
    row.status,
    String(row.lead_score ?? 0),
    row.source,
    (row.tags ?? []).join(";"),
    row.notes,
    iso(row.last_contacted),
    iso(row.next_follow_up),
    iso(row.created_at),
    iso(row.updated_at),
  ]);

/**
 * Every contact the filter matches, in the list's order, as CSV (tags joined with ";",
 * cells a spreadsheet would run as formulas turned into text). Read a chunk at a time
 * as the client takes them, so memory stays flat for any number of contacts.
 */
export function contactsCsvStream(
  db: Database,
  workspaceId: string,
  where: ContactWhere,
  sort: ContactSort,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let position: ContactPosition | null = null;
  let gauged: ContactWhere | null = null;
  let header = toCsvLine(CONTACT_CSV_COLUMNS);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          // Gauged once for the whole download, not once per chunk.
          gauged ??= await gaugeMatches(db, workspaceId, where);
          const rows = await findContacts(db, workspaceId, gauged, sort, { position, limit: CONTACT_CSV_CHUNK });
          const text = header + rows.map(csvRecord).join("");
          header = "";
          if (text) controller.enqueue(encoder.encode(text));
          const last = rows[rows.length - 1];
          if (rows.length < CONTACT_CSV_CHUNK || !last) controller.close();
          else position = positionFromKey(db, sort.by, positionKey(db, sort.by, last));
        } catch (err) {
          // The headers are long gone: all that is left is to cut the download short and say why in the log.
          console.error(JSON.stringify({ level: "error", message: "contact export failed", error: String(err) }));
          controller.error(err);
        }
      },
    },
    { highWaterMark: 0 },
  );
}
