import type { PostRow } from "./account-row";
import { latestMetrics } from "./engagement-history";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A post as the API and the live feed show it: the seed's columns, ISO times, and where publishing stands. */
export function toPostJson(row: PostRow) {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    social_media_account_id: row.social_media_account_id,
    group_id: row.group_id,
    title: row.title,
    content: row.content,
    media_urls: row.media_urls ?? [],
    hashtags: row.hashtags ?? [],
    status: row.status ?? "draft",
    scheduled_at: iso(row.scheduled_at),
    published_at: iso(row.published_at),
    external_post_id: row.external_post_id,
    failure_reason: row.failure_reason,
    publish_state: row.publish_state,
    publish_attempts: row.publish_attempts,
    next_attempt_at: iso(row.next_attempt_at),
    engagement_metrics: latestMetrics(row.engagement_metrics),
    metrics_synced_at: iso(row.metrics_synced_at),
    approved_by: row.approved_by,
    approved_at: iso(row.approved_at),
    rejected_by: row.rejected_by,
    rejected_at: iso(row.rejected_at),
    review_comment: row.review_comment,
    created_by: row.created_by,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export type PostJson = ReturnType<typeof toPostJson>;
