// /api/v1/workspaces/:workspaceId/posts — social posts: compose once for several
// accounts (one row each, grouped), list and calendar, edit, delete, approvals,
// retries (one or in bulk), confirming unconfirmed posts, posting slots and the next free one.
import { z } from "@hono/zod-openapi";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Context } from "hono";
import type { Query, Statement } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { activityEntry, takeBackEntry } from "../../lib/activity";
import { currentIdentity } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { assertIfMatch, etagOf } from "../../lib/etag";
import { createRouter } from "../../lib/factory";
import { body, errorResponses, json } from "../../lib/openapi";
import { pageOf } from "../../lib/pagination";
import { type Change, publishChanges } from "../../lib/realtime";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import { workspaceClock } from "../../lib/workspace-clock";
import { WorkspaceIdParam } from "../workspaces/schema";
import type { PostRow } from "./account-row";
import { assertWithinLimits } from "./check-post-limits";
import { historyOf, metricValues } from "./engagement-history";
import { getPostOrThrow } from "./get-post-or-throw";
import { calendarPosts, listPosts } from "./list-posts";
import { nextFreeSlot, toLocalString } from "./next-free-slot";
import { isSandboxAccount } from "./platforms/adapter-for";
import { assertMayChange, EDITABLE, scheduledStatusFor } from "./post-access";
import { assertFuture, resolveSchedule } from "./resolve-schedule";
import {
  BulkRetryBody,
  CalendarQuery,
  ConfirmBody,
  CreatePostBody,
  ListPostsQuery,
  NextSlotQuery,
  NextSlotSchema,
  PostIdParam,
  PostMetricsSchema,
  PostSchema,
  RejectBody,
  ReviewBody,
  SlotsBody,
  SlotsSchema,
  UpdatePostBody,
} from "./schema";
import { toPostJson } from "./to-post-json";

const tags = ["Social posts"];

const postChange = (row: PostRow, op: Change["op"], changed?: Record<string, unknown>): Change => ({
  entity_type: "social_media_post",
  entity_id: row.id,
  op,
  data: toPostJson(row),
  ...(changed && { changed }),
});

async function reload(c: Context<AppEnv>, ids: string[]) {
  const t = c.var.db.t.socialMediaPosts;
  if (ids.length === 0) return [];
  return c.var.db.q.select().from(t).where(inArray(t.id, ids));
}

const setPost = (
  c: Context<AppEnv>,
  q: Query,
  id: string,
  guard: readonly PostRow["status"][],
  set: Partial<PostRow>,
) => {
  const t = c.var.db.t.socialMediaPosts;
  const statuses = guard.filter((s): s is NonNullable<typeof s> => s !== null);
  return q
    .update(t)
    .set({ ...set, updated_at: new Date() })
    .where(and(eq(t.id, id), inArray(t.status, statuses)));
};

/**
 * Runs a guarded change with its activity entry (given `activityId`) in one unit, built
 * from the unit's own `q` so on MySQL both run inside the transaction; 409 when the post
 * moved on meanwhile, and then the entry is taken back: the change did not happen.
 */
async function guarded(c: Context<AppEnv>, build: (q: Query, activityId: string) => Statement[], what: string) {
  const activityId = uuidv7();
  const [first] = await c.var.db.atomic((q) => build(q, activityId));
  if (first?.rowsAffected !== 1) {
    await takeBackEntry(c.var.db, activityId);
    throw new AppError("conflict", `This post changed meanwhile (${what}). Reload it and try again.`);
  }
}

export const socialPostRoutes = createRouter()
  // GET /api/v1/workspaces/:workspaceId/posts — a page of posts, newest first, by status, account, group and time
  .openapi(
    workspaceRoute("social.posts.read", {
      method: "get",
      path: "/{workspaceId}/posts",
      tags,
      summary: "List posts",
      request: { params: WorkspaceIdParam, query: ListPostsQuery },
      responses: {
        200: json(pageOf(PostSchema), "Posts, newest first"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "invalid_cursor", "validation_failed"),
      },
    }),
    async (c) => {
      const { limit, cursor, from, to, ...filter } = c.req.valid("query");
      const { workspace } = currentWorkspace(c);
      const page = await listPosts(
        c.var.db,
        workspace.id,
        { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
        { limit, cursor },
      );
      return c.json(page, 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/posts — compose once for several accounts: one post per account, one group
  .openapi(
    workspaceRoute("social.posts.create", {
      method: "post",
      path: "/{workspaceId}/posts",
      tags,
      summary: "Create posts",
      description:
        "One post per account in `account_ids`, sharing a `group_id`. Each is checked against its platform's limits. `status: scheduled` from a member who cannot publish goes to `pending_approval`.",
      request: { params: WorkspaceIdParam, ...body(CreatePostBody) },
      responses: {
        201: json(z.object({ data: z.array(PostSchema), group_id: z.string() }), "The new posts"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.var.db;
      const access = currentWorkspace(c);
      const { workspace } = access;
      const me = currentIdentity(c).user;
      const ids = [...new Set(input.account_ids.map((id) => id.toLowerCase()))];
      const a = db.t.socialMediaAccounts;
      const accounts = await db.q
        .select()
        .from(a)
        .where(and(eq(a.workspace_id, workspace.id), inArray(a.id, ids)));
      if (accounts.length !== ids.length) {
        throw new AppError("not_found", "One of the chosen accounts is not connected to this workspace.", {
          missing: ids.filter((id) => !accounts.some((acc) => acc.id === id)),
        });
      }
      const { timeZone } = workspaceClock(workspace);
      const scheduledAt = input.scheduled_at ? resolveSchedule(input.scheduled_at, timeZone) : null;
      if (input.status === "scheduled") {
        if (!scheduledAt) {
          throw new AppError("validation_failed", "Choose when to publish.", [
            { path: "scheduled_at", message: "Required to schedule.", code: "custom" },
          ]);
        }
        assertFuture(scheduledAt);
        const inactive = accounts.find((acc) => acc.status !== "active");
        if (inactive) {
          throw new AppError("validation_failed", `Reconnect @${inactive.username} before scheduling to it.`, [
            { path: "account_ids", message: `@${inactive.username} needs reconnecting.`, code: "custom" },
          ]);
        }
      }
      await assertWithinLimits(
        c.env,
        workspace.id,
        accounts.map((acc) => ({
          id: acc.id,
          platform: acc.platform,
          username: acc.username,
          sandbox: isSandboxAccount(acc),
        })),
        input,
      );
      const status: PostRow["status"] = input.status === "scheduled" ? scheduledStatusFor(access) : "draft";
      const groupId = uuidv7();
      const rows = accounts.map((account) => ({
        id: uuidv7(),
        workspace_id: workspace.id,
        social_media_account_id: account.id,
        group_id: groupId,
        title: input.title ?? null,
        content: input.content,
        media_urls: input.media_urls,
        hashtags: input.hashtags,
        status,
        scheduled_at: scheduledAt,
        created_by: me.id,
      }));
      const t = db.t.socialMediaPosts;
      await db.atomic((q) => [
        ...rows.map((row) => q.insert(t).values(row)),
        activityEntry(c, q, db, {
          workspaceId: workspace.id,
          type: "social_media_post.created",
          description: `${me.name} ${status === "draft" ? "drafted" : status === "pending_approval" ? "sent for approval" : "scheduled"} a post for ${accounts.map((acc) => `@${acc.username}`).join(", ")}`,
          entityType: "social_media_post",
          entityId: rows[0]?.id ?? null,
          metadata: { group_id: groupId, post_ids: rows.map((r) => r.id), status },
        }),
      ]);
      const created = await reload(
        c,
        rows.map((r) => r.id),
      );
      await publishChanges(
        c,
        workspace.id,
        created.map((row) => postChange(row, "create")),
      );
      return c.json({ data: created.map(toPostJson), group_id: groupId }, 201);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/posts/calendar — every post scheduled in a range
  .openapi(
    workspaceRoute("social.posts.read", {
      method: "get",
      path: "/{workspaceId}/posts/calendar",
      tags,
      summary: "Posts in a time range",
      request: { params: WorkspaceIdParam, query: CalendarQuery },
      responses: {
        200: json(z.object({ data: z.array(PostSchema), time_zone: z.string() }), "Posts by scheduled time"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { from, to, ...filter } = c.req.valid("query");
      const { workspace } = currentWorkspace(c);
      const start = new Date(from);
      const end = new Date(to);
      if (end <= start || end.getTime() - start.getTime() > 62 * 86_400_000) {
        throw new AppError("validation_failed", "Ask for a range of up to 62 days, `to` after `from`.", [
          { path: "to", message: "Up to 62 days after from.", code: "custom" },
        ]);
      }
      const data = await calendarPosts(c.var.db, workspace.id, { ...filter, from: start, to: end });
      return c.json({ data, time_zone: workspaceClock(workspace).timeZone }, 200);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/posts/next-slot — the next posting slot without a post
  .openapi(
    workspaceRoute("social.posts.read", {
      method: "get",
      path: "/{workspaceId}/posts/next-slot",
      tags,
      summary: "Next free posting slot",
      request: { params: WorkspaceIdParam, query: NextSlotQuery },
      responses: {
        200: json(NextSlotSchema, "The slot, or null when no slots are set"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { account_id, after } = c.req.valid("query");
      const { workspace } = currentWorkspace(c);
      const { timeZone } = workspaceClock(workspace);
      const slot = await nextFreeSlot(
        c.var.db,
        workspace.id,
        timeZone,
        after ? new Date(after) : new Date(),
        account_id,
      );
      return c.json(
        { slot: slot?.toISOString() ?? null, local: slot ? toLocalString(slot, timeZone) : null, time_zone: timeZone },
        200,
      );
    },
  )
  // GET /api/v1/workspaces/:workspaceId/posts/slots — the workspace's posting times
  .openapi(
    workspaceRoute("social.posts.read", {
      method: "get",
      path: "/{workspaceId}/posts/slots",
      tags,
      summary: "Posting slots",
      request: { params: WorkspaceIdParam },
      responses: {
        200: json(SlotsSchema, "Weekday and local time of each slot"),
        ...errorResponses("unauthorized", "forbidden", "not_found"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const s = c.var.db.t.socialPostingSlots;
      const rows = await c.var.db.q
        .select({ weekday: s.weekday, time: s.time })
        .from(s)
        .where(eq(s.workspace_id, workspace.id));
      rows.sort((x, y) => x.weekday - y.weekday || x.time.localeCompare(y.time));
      return c.json({ time_zone: workspaceClock(workspace).timeZone, slots: rows }, 200);
    },
  )
  // PUT /api/v1/workspaces/:workspaceId/posts/slots — replace the posting times
  .openapi(
    workspaceRoute("social.posts.approve", {
      method: "put",
      path: "/{workspaceId}/posts/slots",
      tags,
      summary: "Set posting slots",
      request: { params: WorkspaceIdParam, ...body(SlotsBody) },
      responses: {
        200: json(SlotsSchema, "The slots now"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { slots } = c.req.valid("json");
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const unique = [...new Map(slots.map((s) => [`${s.weekday} ${s.time}`, s])).values()];
      const s = db.t.socialPostingSlots;
      await db.atomic((q) => [
        q.delete(s).where(eq(s.workspace_id, workspace.id)),
        ...unique.map((slot) => q.insert(s).values({ id: uuidv7(), workspace_id: workspace.id, ...slot })),
        activityEntry(c, q, db, {
          workspaceId: workspace.id,
          type: "social_posting_slots.updated",
          description: `${currentIdentity(c).user.name} set ${unique.length} posting slots`,
        }),
      ]);
      unique.sort((x, y) => x.weekday - y.weekday || x.time.localeCompare(y.time));
      return c.json({ time_zone: workspaceClock(workspace).timeZone, slots: unique }, 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/posts/retry — retry failed posts in bulk
  .openapi(
    workspaceRoute("social.posts.publish", {
      method: "post",
      path: "/{workspaceId}/posts/retry",
      tags,
      summary: "Retry failed posts",
      description:
        "Failed posts go back to scheduled for now; the next minute's cron publishes them. Unconfirmed posts are only retried one by one, after a person checked.",
      request: { params: WorkspaceIdParam, ...body(BulkRetryBody) },
      responses: {
        200: json(z.object({ retried: z.number().int() }), "How many posts were rescheduled"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const t = db.t.socialMediaPosts;
      // Failed means nothing went out; a post with a platform id is not failed, whatever its status says.
      const where = [eq(t.workspace_id, workspace.id), eq(t.status, "failed"), isNull(t.external_post_id)];
      if (input.post_ids)
        where.push(
          inArray(
            t.id,
            input.post_ids.map((id) => id.toLowerCase()),
          ),
        );
      const failed = await db.q
        .select({ id: t.id })
        .from(t)
        .where(and(...where))
        .limit(1000);
      if (failed.length === 0) return c.json({ retried: 0 }, 200);
      const now = new Date();
      const results = await db.atomic((q) => [
        ...failed.map((row) =>
          q
            .update(t)
            .set({
              status: "scheduled",
              scheduled_at: now,
              publish_state: null,
              publish_attempts: 0,
              failure_reason: null,
              publish_data: null,
              next_attempt_at: null,
              updated_at: now,
            })
            .where(and(eq(t.id, row.id), eq(t.status, "failed"))),
        ),
        activityEntry(c, q, db, {
          workspaceId: workspace.id,
          type: "social_media_post.retried",
          description: `${currentIdentity(c).user.name} retried ${failed.length} failed post${failed.length === 1 ? "" : "s"}`,
          metadata: { post_ids: failed.map((r) => r.id) },
        }),
      ]);
      const retried = results.slice(0, failed.length).filter((r) => r.rowsAffected === 1).length;
      const rows = await reload(
        c,
        failed.map((r) => r.id),
      );
      await publishChanges(
        c,
        workspace.id,
        rows.map((row) => postChange(row, "update")),
      );
      return c.json({ retried }, 200);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/posts/:postId — one post, with its ETag
  .openapi(
    workspaceRoute("social.posts.read", {
      method: "get",
      path: "/{workspaceId}/posts/{postId}",
      tags,
      summary: "A post",
      request: { params: PostIdParam },
      responses: {
        200: json(PostSchema, "The post"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const row = await getPostOrThrow(c.var.db, {
        workspaceId: currentWorkspace(c).workspace.id,
        postId: c.req.valid("param").postId,
      });
      const post = toPostJson(row);
      c.header("ETag", await etagOf(post));
      return c.json(post, 200);
    },
  )
  // PATCH /api/v1/workspaces/:workspaceId/posts/:postId — edit or (re)schedule; If-Match guards against lost updates
  .openapi(
    workspaceRoute("social.posts.update_own", {
      method: "patch",
      path: "/{workspaceId}/posts/{postId}",
      tags,
      summary: "Update a post",
      description:
        "Editing someone else's post needs social.posts.update. A post that is publishing or published cannot change. Changing an approved post of a member who cannot publish sends it for approval again.",
      request: { params: PostIdParam, ...body(UpdatePostBody) },
      responses: {
        200: json(PostSchema, "The post as it is now"),
        ...errorResponses(
          "invalid_json",
          "unauthorized",
          "forbidden",
          "not_found",
          "conflict",
          "precondition_failed",
          "validation_failed",
        ),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.var.db;
      const access = currentWorkspace(c);
      const { workspace } = access;
      const before = await getPostOrThrow(db, { workspaceId: workspace.id, postId: c.req.valid("param").postId });
      assertMayChange(access, before, "social.posts.update");
      await assertIfMatch(c, toPostJson(before));
      if (!(EDITABLE as readonly string[]).includes(before.status ?? "draft")) {
        throw new AppError("conflict", `A ${before.status} post cannot be edited.`, { status: before.status });
      }
      const { timeZone } = workspaceClock(workspace);
      const next: Partial<PostRow> = {};
      if (input.title !== undefined) next.title = input.title;
      if (input.content !== undefined) next.content = input.content;
      if (input.media_urls !== undefined) next.media_urls = input.media_urls;
      if (input.hashtags !== undefined) next.hashtags = input.hashtags;
      if (input.scheduled_at !== undefined)
        next.scheduled_at = input.scheduled_at ? resolveSchedule(input.scheduled_at, timeZone) : null;
      const wantsSchedule =
        input.status === "scheduled" ||
        (input.status === undefined && ["scheduled", "pending_approval"].includes(before.status ?? ""));
      const merged = { ...before, ...next };
      if (input.status === "draft") next.status = "draft";
      else if (wantsSchedule) {
        if (!merged.scheduled_at) {
          throw new AppError("validation_failed", "Choose when to publish.", [
            { path: "scheduled_at", message: "Required to schedule.", code: "custom" },
          ]);
        }
        if (input.scheduled_at !== undefined || input.status === "scheduled") assertFuture(merged.scheduled_at);
        // An approved post stays approved only for those who could have scheduled it themselves:
        // the approver agreed to these words at this time, so moving it is a change too.
        const contentChanged = ["title", "content", "media_urls", "hashtags"].some((k) => k in next);
        const timeChanged = "scheduled_at" in next && next.scheduled_at?.getTime() !== before.scheduled_at?.getTime();
        next.status =
          scheduledStatusFor(access) === "scheduled"
            ? "scheduled"
            : before.status === "scheduled" && !contentChanged && !timeChanged && input.status === undefined
              ? "scheduled"
              : "pending_approval";
      }
      const a = db.t.socialMediaAccounts;
      const [account] = await db.q.select().from(a).where(eq(a.id, before.social_media_account_id)).limit(1);
      if (account) {
        await assertWithinLimits(
          c.env,
          workspace.id,
          [
            {
              id: account.id,
              platform: account.platform,
              username: account.username,
              sandbox: isSandboxAccount(account),
            },
          ],
          {
            content: merged.content,
            hashtags: merged.hashtags ?? [],
            media_urls: merged.media_urls ?? [],
          },
        );
      }
      if (next.status && next.status !== before.status && before.status === "failed") {
        Object.assign(next, { failure_reason: null, publish_state: null, publish_attempts: 0, publish_data: null });
      }
      const me = currentIdentity(c).user;
      await guarded(
        c,
        (q, activityId) => [
          setPost(c, q, before.id, [before.status], next),
          activityEntry(c, q, db, {
            id: activityId,
            workspaceId: workspace.id,
            type: "social_media_post.updated",
            description: `${me.name} changed ${Object.keys(next).join(", ")} of a post`,
            entityType: "social_media_post",
            entityId: before.id,
          }),
        ],
        "edit",
      );
      const [row] = await reload(c, [before.id]);
      if (!row) throw new AppError("not_found", "This post does not exist in this workspace.");
      await publishChanges(c, workspace.id, [postChange(row, "update")]);
      const post = toPostJson(row);
      c.header("ETag", await etagOf(post));
      return c.json(post, 200);
    },
  )
  // DELETE /api/v1/workspaces/:workspaceId/posts/:postId — delete a post (not while it is publishing)
  .openapi(
    workspaceRoute("social.posts.delete_own", {
      method: "delete",
      path: "/{workspaceId}/posts/{postId}",
      tags,
      summary: "Delete a post",
      request: { params: PostIdParam },
      responses: {
        204: { description: "Deleted" },
        ...errorResponses("unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const db = c.var.db;
      const access = currentWorkspace(c);
      const post = await getPostOrThrow(db, { workspaceId: access.workspace.id, postId: c.req.valid("param").postId });
      assertMayChange(access, post, "social.posts.delete");
      const t = db.t.socialMediaPosts;
      const deletable = ["draft", "pending_approval", "scheduled", "failed", "published", "unconfirmed"] as const;
      await guarded(
        c,
        (q, activityId) => [
          q.delete(t).where(and(eq(t.id, post.id), inArray(t.status, [...deletable]))),
          activityEntry(c, q, db, {
            id: activityId,
            workspaceId: access.workspace.id,
            type: "social_media_post.deleted",
            description: `${currentIdentity(c).user.name} deleted a ${post.status} post`,
            entityType: "social_media_post",
            entityId: post.id,
          }),
        ],
        "it is being published",
      );
      await publishChanges(c, access.workspace.id, [
        { entity_type: "social_media_post", entity_id: post.id, op: "delete" },
      ]);
      return c.body(null, 204);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/posts/:postId/metrics — a post's engagement, day by day since it went out
  .openapi(
    workspaceRoute("social.posts.read", {
      method: "get",
      path: "/{workspaceId}/posts/{postId}/metrics",
      tags,
      summary: "A post's engagement over time",
      request: { params: PostIdParam },
      responses: {
        200: json(PostMetricsSchema, "The latest numbers and one point per day"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const post = await getPostOrThrow(c.var.db, { workspaceId: workspace.id, postId: c.req.valid("param").postId });
      const latest = metricValues(post.engagement_metrics);
      const series = historyOf(post.engagement_metrics);
      const metrics = [...new Set([...Object.keys(latest), ...series.flatMap((p) => Object.keys(p.values))])].sort();
      return c.json(
        {
          post_id: post.id,
          status: post.status ?? "draft",
          published_at: post.published_at?.toISOString() ?? null,
          synced_at: post.metrics_synced_at?.toISOString() ?? null,
          metrics,
          latest,
          series,
        },
        200,
      );
    },
  )
  // POST /api/v1/workspaces/:workspaceId/posts/:postId/approve — approve a pending post (never one's own)
  .openapi(
    workspaceRoute("social.posts.approve", {
      method: "post",
      path: "/{workspaceId}/posts/{postId}/approve",
      tags,
      summary: "Approve a post",
      request: { params: PostIdParam, ...body(ReviewBody) },
      responses: {
        200: json(PostSchema, "The post, scheduled"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const { comment, scheduled_at, publish_now } = c.req.valid("json");
      const db = c.var.db;
      const { workspace, permissions, role } = currentWorkspace(c);
      const me = currentIdentity(c).user;
      const post = await getPostOrThrow(db, { workspaceId: workspace.id, postId: c.req.valid("param").postId });
      if (post.created_by === me.id) {
        throw new AppError("forbidden", "Nobody approves their own post: ask another editor.", {
          action: "social.posts.approve",
          reason: "own_post",
        });
      }
      // Approving schedules the post: it is a decision to publish, so it needs that right too.
      if (!permissions.includes("social.posts.publish")) {
        throw new AppError(
          "forbidden",
          `Approving schedules the post to publish, which your role (${role}) does not allow.`,
          {
            action: "social.posts.publish",
            role,
          },
        );
      }
      if (post.status !== "pending_approval")
        throw new AppError("conflict", `Only posts waiting for approval can be approved; this one is ${post.status}.`);
      // Approving to a broken connection would only move the failure to the minute the post is due.
      const a = db.t.socialMediaAccounts;
      const [account] = await db.q.select().from(a).where(eq(a.id, post.social_media_account_id)).limit(1);
      if (account?.status !== "active") {
        const who = account ? `@${account.username}` : "its account";
        throw new AppError("validation_failed", `Reconnect ${who} before approving a post for it.`, [
          { path: "social_media_account_id", message: `${who} needs reconnecting.`, code: "custom" },
        ]);
      }
      const now = new Date();
      const { timeZone } = workspaceClock(workspace);
      if (scheduled_at !== undefined && publish_now) {
        throw new AppError("validation_failed", "Give a new time or publish_now, not both.", [
          { path: "publish_now", message: "Not with scheduled_at.", code: "custom" },
        ]);
      }
      let at = post.scheduled_at;
      if (scheduled_at !== undefined) {
        at = resolveSchedule(scheduled_at, timeZone);
        assertFuture(at, now);
      } else if (publish_now) at = now;
      else if (!at || at.getTime() < now.getTime() - 60_000) {
        // A post that waited past its time is never sent the moment it is approved without the approver saying so.
        const due = at ? `was due ${toLocalString(at, timeZone).replace("T", " ")} (${timeZone})` : "has no time";
        throw new AppError(
          "validation_failed",
          `This post ${due}, which has passed. Choose a new time, or approve it to publish now.`,
          [
            {
              path: "scheduled_at",
              message: "The post's time has passed: give a new one or publish_now.",
              code: "custom",
            },
          ],
        );
      }
      await guarded(
        c,
        (q, activityId) => [
          setPost(c, q, post.id, ["pending_approval"], {
            status: "scheduled",
            scheduled_at: at,
            approved_by: me.id,
            approved_at: now,
            review_comment: comment ?? null,
            rejected_by: null,
            rejected_at: null,
          }),
          activityEntry(c, q, db, {
            id: activityId,
            workspaceId: workspace.id,
            type: "social_media_post.approved",
            description: `${me.name} approved a post${publish_now ? " to publish now" : ""}${comment ? `: ${comment}` : ""}`,
            entityType: "social_media_post",
            entityId: post.id,
            metadata: { comment: comment ?? null, scheduled_at: at?.toISOString() ?? null },
          }),
        ],
        "approve",
      );
      const [row] = await reload(c, [post.id]);
      if (!row) throw new AppError("not_found", "This post does not exist in this workspace.");
      await publishChanges(c, workspace.id, [
        postChange(row, "update", { status: { from: "pending_approval", to: "scheduled" } }),
      ]);
      return c.json(toPostJson(row), 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/posts/:postId/reject — send a pending post back to its author with a comment
  .openapi(
    workspaceRoute("social.posts.approve", {
      method: "post",
      path: "/{workspaceId}/posts/{postId}/reject",
      tags,
      summary: "Reject a post",
      request: { params: PostIdParam, ...body(RejectBody) },
      responses: {
        200: json(PostSchema, "The post, back to draft with the comment"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const { comment } = c.req.valid("json");
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const me = currentIdentity(c).user;
      const post = await getPostOrThrow(db, { workspaceId: workspace.id, postId: c.req.valid("param").postId });
      if (post.created_by === me.id) {
        throw new AppError("forbidden", "Nobody reviews their own post: edit it instead.", {
          action: "social.posts.approve",
          reason: "own_post",
        });
      }
      if (post.status !== "pending_approval")
        throw new AppError("conflict", `Only posts waiting for approval can be rejected; this one is ${post.status}.`);
      await guarded(
        c,
        (q, activityId) => [
          setPost(c, q, post.id, ["pending_approval"], {
            status: "draft",
            rejected_by: me.id,
            rejected_at: new Date(),
            review_comment: comment,
          }),
          activityEntry(c, q, db, {
            id: activityId,
            workspaceId: workspace.id,
            type: "social_media_post.rejected",
            description: `${me.name} sent a post back: ${comment}`,
            entityType: "social_media_post",
            entityId: post.id,
            metadata: { comment },
          }),
        ],
        "reject",
      );
      const [row] = await reload(c, [post.id]);
      if (!row) throw new AppError("not_found", "This post does not exist in this workspace.");
      await publishChanges(c, workspace.id, [
        postChange(row, "update", { status: { from: "pending_approval", to: "draft" } }),
      ]);
      return c.json(toPostJson(row), 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/posts/:postId/retry — publish a failed or unconfirmed post again, now
  .openapi(
    workspaceRoute("social.posts.publish", {
      method: "post",
      path: "/{workspaceId}/posts/{postId}/retry",
      tags,
      summary: "Retry a post",
      description:
        "For a failed post, or an unconfirmed one a person checked is not live. The next minute's cron publishes it.",
      request: { params: PostIdParam },
      responses: {
        200: json(PostSchema, "The post, scheduled for now"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const post = await getPostOrThrow(db, { workspaceId: workspace.id, postId: c.req.valid("param").postId });
      if (post.status !== "failed" && post.status !== "unconfirmed") {
        throw new AppError("conflict", `Only failed or unconfirmed posts can be retried; this one is ${post.status}.`);
      }
      const now = new Date();
      await guarded(
        c,
        (q, activityId) => [
          setPost(c, q, post.id, ["failed", "unconfirmed"], {
            status: "scheduled",
            scheduled_at: now,
            publish_state: null,
            publish_attempts: 0,
            failure_reason: null,
            publish_data: null,
            next_attempt_at: null,
          }),
          activityEntry(c, q, db, {
            id: activityId,
            workspaceId: workspace.id,
            type: "social_media_post.retried",
            description: `${currentIdentity(c).user.name} retried a ${post.status} post`,
            entityType: "social_media_post",
            entityId: post.id,
          }),
        ],
        "retry",
      );
      const [row] = await reload(c, [post.id]);
      if (!row) throw new AppError("not_found", "This post does not exist in this workspace.");
      await publishChanges(c, workspace.id, [
        postChange(row, "update", { status: { from: post.status, to: "scheduled" } }),
      ]);
      return c.json(toPostJson(row), 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/posts/:postId/confirm — settle an unconfirmed post after checking the network
  .openapi(
    workspaceRoute("social.posts.publish", {
      method: "post",
      path: "/{workspaceId}/posts/{postId}/confirm",
      tags,
      summary: "Settle an unconfirmed post",
      request: { params: PostIdParam, ...body(ConfirmBody) },
      responses: {
        200: json(PostSchema, "The post, published or failed"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const me = currentIdentity(c).user;
      const post = await getPostOrThrow(db, { workspaceId: workspace.id, postId: c.req.valid("param").postId });
      if (post.status !== "unconfirmed")
        throw new AppError("conflict", `Only unconfirmed posts can be settled; this one is ${post.status}.`);
      const set: Partial<PostRow> = input.published
        ? {
            status: "published",
            published_at: post.claimed_at ?? new Date(),
            external_post_id: input.external_post_id ?? post.external_post_id,
            failure_reason: null,
          }
        : { status: "failed", failure_reason: `${me.name} checked: it was not published.` };
      await guarded(
        c,
        (q, activityId) => [
          setPost(c, q, post.id, ["unconfirmed"], set),
          activityEntry(c, q, db, {
            id: activityId,
            workspaceId: workspace.id,
            type: "social_media_post.confirmed",
            description: `${me.name} confirmed an unconfirmed post ${input.published ? "is live" : "did not go out"}`,
            entityType: "social_media_post",
            entityId: post.id,
          }),
        ],
        "confirm",
      );
      const [row] = await reload(c, [post.id]);
      if (!row) throw new AppError("not_found", "This post does not exist in this workspace.");
      await publishChanges(c, workspace.id, [postChange(row, "update")]);
      return c.json(toPostJson(row), 200);
    },
  );
