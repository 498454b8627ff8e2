import type { ActivityRow } from "./find-activity";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One log entry as the API shows it; the author's email stays out of the feed (the export has it). */
export function toActivityJson({ entry, user }: ActivityRow) {
  return {
    id: entry.id,
    type: entry.type,
    description: entry.description,
    entity_type: entry.entity_type,
    entity_id: entry.entity_id,
    user: { id: entry.user_id, name: user?.name ?? null, avatar: user?.avatar ?? null },
    ip_address: entry.ip_address,
    user_agent: entry.user_agent,
    metadata: entry.metadata ?? null,
    created_at: iso(entry.created_at),
  };
}
