// "Own" versus "any" for posts: the route's gate allows the *_own action; changing
// someone else's post also needs the plain one. Approving needs social.posts.approve
// and nobody approves their own post.
import { AppError } from "../../lib/errors";
import type { Action } from "../../lib/permissions";
import type { WorkspaceAccess } from "../../lib/workspace-access";
import type { PostRow } from "./account-row";

export function assertMayChange(access: WorkspaceAccess, post: PostRow, any: Action) {
  if (post.created_by === access.member.user_id) return;
  if (!access.permissions.includes(any)) {
    throw new AppError("forbidden", `Your role (${access.role}) can change only your own posts.`, {
      action: any,
      role: access.role,
    });
  }
}

/** Members who cannot publish send scheduled posts for approval instead. */
export const scheduledStatusFor = (access: WorkspaceAccess) =>
  access.permissions.includes("social.posts.publish") ? ("scheduled" as const) : ("pending_approval" as const);

export const EDITABLE = ["draft", "pending_approval", "scheduled", "failed"] as const;
