import type { Contact } from "./contact-types";

/** The keys of a contact in the order the API writes them (worker/features/crm/to-contact-json.ts). */
const KEYS = [
  "id",
  "workspace_id",
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
  "created_by",
  "created_at",
  "updated_at",
] as const satisfies readonly (keyof Contact)[];

/**
 * The ETag the API gives this version of a contact: the SHA-256 of its JSON
 * (worker/lib/etag.ts). A row from a list page or the live feed comes without the
 * header, so the tab works it out to send If-Match with an inline edit. Should the
 * two ever disagree, the API answers 412 with its version, which costs a retry, not data.
 * Null where the page cannot hash (plain http on a LAN address).
 */
export async function contactEtag(contact: Contact): Promise<string | null> {
  // Only secure pages (https, localhost) have SubtleCrypto; elsewhere the edit goes without If-Match.
  if (!globalThis.crypto?.subtle) return null;
  const ordered = Object.fromEntries(KEYS.map((key) => [key, contact[key]]));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(ordered)));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return `"${hex.slice(0, 32)}"`;
}
