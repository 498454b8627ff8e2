// How the worker talks to a workspace's live room: publish committed changes,
// and tell it when someone's access or session ended.

import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { Database } from "../../db/database";
import type { ChangeInput } from "../../durable-objects/workspace-room-protocol";
import type { Identity } from "./auth";
import type { AppEnv, Env } from "./env";

export const roomOf = (env: Env, workspaceId: string) =>
  env.WORKSPACE_ROOM.get(env.WORKSPACE_ROOM.idFromName(workspaceId));

/** The permission a socket needs to see changes to an entity type. */
export const READ_PERMISSION: Record<string, string> = {
  workspace: "workspace.read",
  workspace_member: "members.read",
  workspace_invitation: "invitations.manage",
  activity_log: "activity.read",
  crm_contact: "crm.contacts.read",
  crm_import_job: "crm.contacts.import",
  course_lesson: "courses.read",
  link_in_bio_page: "bio.pages.read",
  social_media_account: "social.accounts.read",
  social_media_post: "social.posts.read",
  email_campaign: "email.campaigns.read",
  course: "courses.read",
  product: "store.products.read",
};

export type Change = Omit<ChangeInput, "read_permission" | "actor_id"> & { actor_id?: string | null };

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
/** Rows go on the wire as the API shows them: ISO times, no secrets. */
export const wireData = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => !["password", "token", "token_hash", "access_tokens", "remember_token"].includes(k))
      .map(([k, v]) => [k, iso(v)]),
  );

/**
 * Publishes changes that have committed. A room that cannot be reached does not
 * undo the change: tabs resync from the API when they reconnect.
 */
export async function publishChanges(c: Context<AppEnv>, workspaceId: string, changes: Change[]) {
  const actor = c.var.identity?.user.id ?? null;
  await publishFromJob(
    c.env,
    workspaceId,
    changes.map((change) => ({ ...change, actor_id: change.actor_id ?? actor })),
  );
}

/** The same, where there is no request (a cron, a queue): each change names its actor. */
export async function publishFromJob(env: Env, workspaceId: string, changes: (Change & { actor_id: string | null })[]) {
  if (changes.length === 0) return;
  try {
    await roomOf(env, workspaceId).publish(
      changes.map((change) => ({
        ...change,
        read_permission: READ_PERMISSION[change.entity_type] ?? "workspace.read",
      })),
    );
  } catch (err) {
    console.error(
      JSON.stringify({ level: "error", msg: "publish failed", workspace_id: workspaceId, error: String(err) }),
    );
  }
}

/** Re-scope or close a member's live sockets (null: no access any more). */
export async function updateLiveAccess(env: Env, workspaceId: string, userId: string, permissions: string[] | null) {
  await roomOf(env, workspaceId).updateMemberAccess(userId, permissions);
}

/** The credential a live socket is opened with, so that ending it closes the socket: a session's id, or a token's. */
export const credentialOf = (identity: Identity) =>
  identity.kind === "session" ? identity.sessionId : tokenCredential(identity.tokenId);
export const tokenCredential = (tokenId: number) => `token:${tokenId}`;

/** Close the live sockets of ended sessions or revoked tokens (see credentialOf), in every workspace the user belongs to. */
export async function endLiveSessions(env: Env, db: Database, userId: string, credentials: string[]) {
  if (credentials.length === 0) return;
  const { workspaceMembers } = db.t;
  const memberships = await db.q
    .select({ workspace_id: workspaceMembers.workspace_id })
    .from(workspaceMembers)
    .where(eq(workspaceMembers.user_id, userId));
  await Promise.all(memberships.map((m) => roomOf(env, m.workspace_id).endCredentials(credentials)));
}
