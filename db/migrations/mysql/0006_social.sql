CREATE TABLE `social_posting_slots` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`weekday` tinyint unsigned NOT NULL,
	`time` varchar(5) NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `social_posting_slots_id` PRIMARY KEY(`id`),
	CONSTRAINT `unique_ws_slot` UNIQUE(`workspace_id`,`weekday`,`time`)
);
--> statement-breakpoint
ALTER TABLE `social_media_posts` MODIFY COLUMN `status` enum('draft','scheduled','published','failed','pending_approval','publishing','unconfirmed') DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `token_key_id` varchar(64);--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `token_expires_at` timestamp;--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `refresh_lock_owner` varchar(64);--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `refresh_lock_until` timestamp;--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `group_id` char(36);--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `failure_reason` text;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `publish_state` enum('queued','working','sending','waiting','done');--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `publish_attempts` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `publish_data` json;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `next_attempt_at` timestamp;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `claimed_at` timestamp;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `approved_by` char(36);--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `approved_at` timestamp;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `rejected_by` char(36);--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `rejected_at` timestamp;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `review_comment` text;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD `metrics_synced_at` timestamp;--> statement-breakpoint
ALTER TABLE `social_posting_slots` ADD CONSTRAINT `fk_social_posting_slots_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `idx_status_expires` ON `social_media_accounts` (`status`,`token_expires_at`);--> statement-breakpoint
CREATE INDEX `idx_status_scheduled` ON `social_media_posts` (`status`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `idx_status_next` ON `social_media_posts` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `idx_ws_scheduled` ON `social_media_posts` (`workspace_id`,`scheduled_at`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_status` ON `social_media_posts` (`workspace_id`,`status`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `idx_group` ON `social_media_posts` (`group_id`);