import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { sha256Hex } from "../../lib/crypto";
import type { InviteLinkRow } from "./to-invite-link-json";

/** The workspace's live invite link, if one is on. */
export async function findActiveInviteLink(db: Database, workspaceId: string): Promise<InviteLinkRow | null> {
  const { workspaceInviteLinks: links } = db.t;
  const [row] = await db.q
    .select()
    .from(links)
    .where(and(eq(links.workspace_id, workspaceId), isNull(links.disabled_at)))
    .orderBy(desc(links.id))
    .limit(1);
  return row ?? null;
}

/** The live link a token names; a turned-off or replaced link is not found. */
export async function findInviteLinkByToken(db: Database, token: string): Promise<InviteLinkRow | null> {
  const { workspaceInviteLinks: links } = db.t;
  const [row] = await db.q
    .select()
    .from(links)
    .where(and(eq(links.token_hash, await sha256Hex(token)), isNull(links.disabled_at)))
    .limit(1);
  return row ?? null;
}
