import { z } from "@hono/zod-openapi";
import { uuidField } from "../../lib/fields";
import { paginationQuery } from "../../lib/pagination";
import { WorkspaceIdParam } from "../workspaces/schema";
import { PLATFORMS } from "./platforms/platform-limits";

export const POST_STATUSES = [
  "draft",
  "pending_approval",
  "scheduled",
  "publishing",
  "published",
  "failed",
  "unconfirmed",
] as const;

export const PlatformParam = WorkspaceIdParam.extend({ platform: z.enum(PLATFORMS) });
export const AccountIdParam = WorkspaceIdParam.extend({ accountId: uuidField });
export const PostIdParam = WorkspaceIdParam.extend({ postId: uuidField });

export const AccountSchema = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    platform: z.enum(PLATFORMS),
    account_id: z.string(),
    username: z.string(),
    display_name: z.string().nullable(),
    profile_picture: z.string().nullable(),
    status: z.enum(["active", "expired", "revoked"]),
    sandbox: z.boolean(),
    token_expires_at: z.string().nullable(),
    last_error: z.string().nullable(),
    connected_at: z.string().nullable(),
    last_sync_at: z.string().nullable(),
    profile_url: z.string().nullable(),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi("SocialAccount");

export const AccountListSchema = z.object({
  data: z.array(AccountSchema),
  platforms: z.array(
    z.object({
      platform: z.enum(PLATFORMS),
      configured: z.boolean().openapi({ description: "Real accounts can be connected (client id and secret set)." }),
      sandbox: z.boolean().openapi({ description: "Sandbox accounts can be connected (not in production)." }),
    }),
  ),
});

export const SandboxBody = z
  .object({
    platform: z.enum(PLATFORMS),
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.]{1,30}$/, "Use letters, digits, _ and . (up to 30).")
      .optional(),
  })
  .strict()
  .openapi("ConnectSandboxAccount");

export const PendingIdParam = WorkspaceIdParam.extend({ pendingId: uuidField });

export const PendingConnectionSchema = z
  .object({
    id: z.string(),
    platform: z.enum(PLATFORMS),
    expires_at: z.string(),
    candidates: z.array(
      z.object({
        account_id: z.string(),
        username: z.string(),
        display_name: z.string().nullable(),
        profile_picture: z.string().nullable(),
        /** Already connected to this workspace: choosing it reconnects that account. */
        connected: z.boolean(),
      }),
    ),
  })
  .openapi("PendingConnection");

export const ChooseAccountBody = z
  .object({ account_id: z.string().trim().min(1).max(255) })
  .strict()
  .openapi("ChooseAccount");

export const CallbackQuery = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(256).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(1024).optional(),
});

const hashtag = z
  .string()
  .trim()
  .transform((t) => t.replace(/^#/, ""))
  .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, "A hashtag is letters, digits and _ (no spaces)."));

const mediaUrl = z
  .string()
  .trim()
  .max(2048)
  .url("Use a full https:// address.")
  .refine(
    (u) => u.startsWith("https://") || u.startsWith("http://localhost") || u.startsWith("http://127.0.0.1"),
    "Use an https:// address: the networks fetch media from it.",
  );

/** A time: ISO 8601 with an offset (an instant), or `YYYY-MM-DDTHH:MM` in the workspace's time zone. */
export const scheduleField = z.string().trim().max(40).openapi({
  description:
    "ISO 8601 with offset, or a local `YYYY-MM-DDTHH:MM` read in the workspace's time zone (DST-safe); at most two years ahead.",
  example: "2026-03-29T09:30",
});

const postFields = {
  title: z.string().trim().max(255).nullable().optional(),
  content: z
    .string()
    .refine((c) => new TextEncoder().encode(c).length <= 65_535, "The post is too long to store (64 KB).")
    .refine((c) => c.trim().length > 0, "Write something."),
  media_urls: z.array(mediaUrl).max(10, "Attach at most 10 media.").default([]),
  hashtags: z.array(hashtag).max(30, "Use at most 30 hashtags.").default([]),
  scheduled_at: scheduleField.nullable().optional(),
};

export const CreatePostBody = z
  .object({
    account_ids: z.array(uuidField).min(1, "Choose at least one account.").max(20),
    ...postFields,
    status: z.enum(["draft", "scheduled"]).default("draft").openapi({
      description: "scheduled: publish at scheduled_at (members who cannot publish send it for approval instead).",
    }),
  })
  .strict()
  .openapi("CreatePosts");

export const UpdatePostBody = z
  .object({
    title: postFields.title,
    content: postFields.content.optional(),
    media_urls: z.array(mediaUrl).max(10).optional(),
    hashtags: z.array(hashtag).max(30).optional(),
    scheduled_at: postFields.scheduled_at,
    status: z.enum(["draft", "scheduled"]).optional(),
  })
  .strict()
  .openapi("UpdatePost");

export const PostSchema = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    social_media_account_id: z.string(),
    group_id: z.string().nullable(),
    title: z.string().nullable(),
    content: z.string(),
    media_urls: z.array(z.string()),
    hashtags: z.array(z.string()),
    status: z.enum(POST_STATUSES),
    scheduled_at: z.string().nullable(),
    published_at: z.string().nullable(),
    external_post_id: z.string().nullable(),
    failure_reason: z.string().nullable(),
    publish_state: z.string().nullable(),
    publish_attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    engagement_metrics: z.record(z.string(), z.unknown()).nullable(),
    metrics_synced_at: z.string().nullable(),
    approved_by: z.string().nullable(),
    approved_at: z.string().nullable(),
    rejected_by: z.string().nullable(),
    rejected_at: z.string().nullable(),
    review_comment: z.string().nullable(),
    created_by: z.string(),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi("SocialPost");

const statusList = z
  .preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(z.enum(POST_STATUSES)).max(POST_STATUSES.length),
  )
  .optional()
  .openapi({ description: "One status or several, comma-separated.", example: "scheduled,failed" });

const instant = z
  .string()
  .trim()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), "Use an ISO 8601 date or time.");

export const ListPostsQuery = paginationQuery.extend({
  status: statusList,
  account_id: uuidField.optional(),
  group_id: uuidField.optional(),
  from: instant.optional().openapi({ description: "scheduled_at on or after." }),
  to: instant.optional().openapi({ description: "scheduled_at before." }),
});

export const CalendarQuery = z.object({
  from: instant.openapi({ description: "Start of the range (inclusive)." }),
  to: instant.openapi({ description: "End of the range (exclusive); at most 62 days after from." }),
  status: statusList,
  account_id: uuidField.optional(),
});

export const NextSlotQuery = z.object({
  account_id: uuidField.optional(),
  after: instant.optional().openapi({ description: "Find a slot after this time (default: now)." }),
});

export const NextSlotSchema = z.object({
  slot: z.string().nullable().openapi({ description: "The instant (UTC ISO) of the next free posting slot, or null." }),
  local: z.string().nullable().openapi({ description: "The same slot as wall-clock time in the workspace's zone." }),
  time_zone: z.string(),
});

export const ReviewBody = z
  .object({
    comment: z.string().trim().max(2000).optional(),
    scheduled_at: z.string().trim().max(40).optional().openapi({
      description:
        "A new time (an ISO instant or a workspace-local YYYY-MM-DDTHH:MM). Required when the post's own time has passed, unless `publish_now`.",
      example: "2026-03-29T09:30",
    }),
    publish_now: z.boolean().optional().openapi({
      description:
        "Publish a post whose time has passed at once (the next minute's cron), instead of choosing a new time.",
    }),
  })
  .strict()
  .openapi("ReviewPost");

export const RejectBody = z
  .object({ comment: z.string().trim().min(1, "Say what should change.").max(2000) })
  .strict()
  .openapi("RejectPost");

export const BulkRetryBody = z
  .object({
    post_ids: z.array(uuidField).min(1).max(500).optional(),
    all_failed: z.boolean().optional().openapi({ description: "Retry every failed post of the workspace." }),
  })
  .strict()
  .refine((b) => b.post_ids || b.all_failed, "Give post_ids or all_failed.")
  .openapi("RetryPosts");

export const ConfirmBody = z
  .object({
    published: z
      .boolean()
      .openapi({ description: "true: it is live (give its id if known); false: it is not, so fail it." }),
    external_post_id: z.string().trim().max(255).optional(),
  })
  .strict()
  .openapi("ConfirmPost");

export const SlotsBody = z
  .object({
    slots: z
      .array(
        z.object({
          weekday: z.number().int().min(0).max(6),
          time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, 24-hour."),
        }),
      )
      .max(200),
  })
  .strict()
  .openapi("PostingSlots");

const calendarDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
  .refine((v) => {
    const [y, m, d] = v.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, "That day does not exist.");

export const AccountMetricsQuery = z.object({
  from: calendarDay
    .optional()
    .openapi({ description: "First day, in the workspace's time zone (default: 29 days before to)." }),
  to: calendarDay
    .optional()
    .openapi({ description: "Last day, included (default: today); at most 366 days after from." }),
});

const metricValues = z.record(z.string(), z.number());

export const AccountMetricsSchema = z
  .object({
    account_id: z.string(),
    time_zone: z.string(),
    from: z.string(),
    to: z.string(),
    metrics: z.array(z.string()).openapi({ description: "The metrics the account's network reports, e.g. likes." }),
    totals: z.object({ posts: z.number().int(), values: metricValues }),
    series: z.array(z.object({ date: z.string(), posts: z.number().int(), values: metricValues })).openapi({
      description: "Every day of the range: the posts published that day and the sum of their latest metrics.",
    }),
  })
  .openapi("SocialAccountMetrics");

export const PostMetricsSchema = z
  .object({
    post_id: z.string(),
    status: z.enum(POST_STATUSES),
    published_at: z.string().nullable(),
    synced_at: z.string().nullable(),
    metrics: z.array(z.string()),
    latest: metricValues,
    series: z.array(z.object({ date: z.string(), values: metricValues })).openapi({
      description: "The post's numbers at the last sync of each day (UTC) since it was published.",
    }),
  })
  .openapi("SocialPostMetrics");

export const SlotsSchema = z.object({
  time_zone: z.string(),
  slots: z.array(z.object({ weekday: z.number().int(), time: z.string() })),
});
