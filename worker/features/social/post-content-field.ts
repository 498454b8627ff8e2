// A post's text, edited together (docs: `social_media_posts:{id}:content`). The room
// writes it back under the same rules as PATCH …/posts/{id}: only a post that can
// still change takes edits (not while it is publishing, nor once it is out or
// unconfirmed), the post's network limits the text, and an approved post changed by
// someone who could not have scheduled it goes back for approval.
import { and, eq } from "drizzle-orm";
import { publishFromJob } from "../../lib/realtime";
import type { CollaborativeField, FieldEditor, FieldRow } from "../docs/collaborative-fields";
import type { PostRow } from "./account-row";
import { checkLimits, PLATFORMS, type Platform } from "./platforms/platform-limits";
import { EDITABLE } from "./post-access";
import { toPostJson } from "./to-post-json";

/** MySQL TEXT: 65,535 bytes. */
const CONTENT_BYTES = 65_535;

const isEditable = (status: PostRow["status"]) => (EDITABLE as readonly string[]).includes(status ?? "draft");

/** The status a post takes when this editor's text is written: approval is lost to those who cannot publish. */
function statusAfterEdit(post: PostRow, editor: FieldEditor): PostRow["status"] {
  if (post.status === "scheduled" && !editor.permissions.includes("social.posts.publish")) return "pending_approval";
  return post.status;
}

/** Why the network would refuse this text, when it grew past the network's character limit. */
function limitRefusal(platform: string, post: PostRow, text: string, previousLength: number): string | null {
  if (text.length <= previousLength || !(PLATFORMS as readonly string[]).includes(platform)) return null;
  const problem = checkLimits(platform as Platform, { content: text, hashtags: post.hashtags ?? [], media: [] }).find(
    (p) => p.field === "content",
  );
  return problem ? `${problem.message} The last edit was not saved.` : null;
}

const postOf = (row: FieldRow) => row.record as PostRow;

export const postContentField: CollaborativeField = {
  table: "social_media_posts",
  column: "content",
  entityType: "social_media_post",
  label: "post",
  read: "social.posts.read",
  write: "social.posts.update",
  writeOwn: "social.posts.update_own",
  maxBytes: CONTENT_BYTES,
  async find(db, workspaceId, rowId) {
    const p = db.t.socialMediaPosts;
    const a = db.t.socialMediaAccounts;
    const [found] = await db.q
      .select({ post: p, platform: a.platform })
      .from(p)
      .leftJoin(a, and(eq(a.id, p.social_media_account_id), eq(a.workspace_id, workspaceId)))
      .where(and(eq(p.id, rowId), eq(p.workspace_id, workspaceId)))
      .limit(1);
    if (!found) return null;
    const { post, platform } = found;
    return {
      value: post.content,
      created_by: post.created_by,
      locked: isEditable(post.status) ? null : `This post is ${post.status}: it can no longer be edited.`,
      refuseText: platform ? (text, previousLength) => limitRefusal(platform, post, text, previousLength) : null,
      record: post,
    };
  },
  update(q, db, workspaceId, rowId, text, row, editor) {
    const p = db.t.socialMediaPosts;
    const post = postOf(row);
    // Guarded by the status `find` saw: a post the cron claimed meanwhile changes nothing.
    return [
      q
        .update(p)
        .set({ content: text, status: statusAfterEdit(post, editor), updated_at: new Date() })
        .where(and(eq(p.id, rowId), eq(p.workspace_id, workspaceId), eq(p.status, post.status ?? "draft"))),
    ];
  },
  async afterWrite(env, row, editor, db) {
    const post = postOf(row);
    const status = statusAfterEdit(post, editor);
    if (status === post.status) return;
    // The room's own change carries no data; the status change must reach the calendars and approval queues.
    const p = db.t.socialMediaPosts;
    const [now] = await db.q.select().from(p).where(eq(p.id, post.id)).limit(1);
    if (!now) return;
    await publishFromJob(env, post.workspace_id, [
      {
        entity_type: "social_media_post",
        entity_id: post.id,
        op: "update",
        changed: { status: { from: post.status, to: status } },
        data: toPostJson(now),
        actor_id: editor.id,
      },
    ]);
  },
};
