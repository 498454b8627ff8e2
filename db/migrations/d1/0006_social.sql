CREATE TABLE `social_posting_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`time` text NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unique_ws_slot` ON `social_posting_slots` (`workspace_id`,`weekday`,`time`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_social_media_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`social_media_account_id` text NOT NULL,
	`title` text,
	`content` text NOT NULL,
	`media_urls` text,
	`hashtags` text,
	`status` text DEFAULT 'draft',
	`scheduled_at` text,
	`published_at` text,
	`external_post_id` text,
	`engagement_metrics` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	`group_id` text,
	`failure_reason` text,
	`publish_state` text,
	`publish_attempts` integer DEFAULT 0 NOT NULL,
	`publish_data` text,
	`next_attempt_at` text,
	`claimed_at` text,
	`approved_by` text,
	`approved_at` text,
	`rejected_by` text,
	`rejected_at` text,
	`review_comment` text,
	`metrics_synced_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`social_media_account_id`) REFERENCES `social_media_accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "social_media_posts_status_check" CHECK("__new_social_media_posts"."status" IN ('draft', 'scheduled', 'published', 'failed', 'pending_approval', 'publishing', 'unconfirmed')),
	CONSTRAINT "social_media_posts_publish_state_check" CHECK("__new_social_media_posts"."publish_state" IN ('queued', 'working', 'sending', 'waiting', 'done'))
);
--> statement-breakpoint
INSERT INTO `__new_social_media_posts`("id", "workspace_id", "social_media_account_id", "title", "content", "media_urls", "hashtags", "status", "scheduled_at", "published_at", "external_post_id", "engagement_metrics", "created_by", "created_at", "updated_at", "group_id", "failure_reason", "publish_state", "publish_attempts", "publish_data", "next_attempt_at", "claimed_at", "approved_by", "approved_at", "rejected_by", "rejected_at", "review_comment", "metrics_synced_at") SELECT "id", "workspace_id", "social_media_account_id", "title", "content", "media_urls", "hashtags", "status", "scheduled_at", "published_at", "external_post_id", "engagement_metrics", "created_by", "created_at", "updated_at", "group_id", "failure_reason", "publish_state", "publish_attempts", "publish_data", "next_attempt_at", "claimed_at", "approved_by", "approved_at", "rejected_by", "rejected_at", "review_comment", "metrics_synced_at" FROM `social_media_posts`;--> statement-breakpoint
DROP TABLE `social_media_posts`;--> statement-breakpoint
ALTER TABLE `__new_social_media_posts` RENAME TO `social_media_posts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_workspace` ON `social_media_posts` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_account` ON `social_media_posts` (`social_media_account_id`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_status` ON `social_media_posts` (`status`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_scheduled` ON `social_media_posts` (`scheduled_at`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_status_scheduled` ON `social_media_posts` (`status`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_status_next` ON `social_media_posts` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_ws_scheduled` ON `social_media_posts` (`workspace_id`,`scheduled_at`,`id`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_ws_status` ON `social_media_posts` (`workspace_id`,`status`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_group` ON `social_media_posts` (`group_id`);--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `token_key_id` text;--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `token_expires_at` text;--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `refresh_lock_owner` text;--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `refresh_lock_until` text;--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `last_error` text;--> statement-breakpoint
CREATE INDEX `social_media_accounts_idx_status_expires` ON `social_media_accounts` (`status`,`token_expires_at`);