import type { ContactRow } from "./contact-statements";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A contact as the API (and the live feed) shows it: the seed's column names, ISO times, tags as a list. */
export function toContactJson(row: ContactRow) {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
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
    last_contacted: iso(row.last_contacted),
    next_follow_up: iso(row.next_follow_up),
    created_by: row.created_by,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export type ContactJson = ReturnType<typeof toContactJson>;
