CREATE TABLE `activity_logs` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`type` varchar(255) NOT NULL,
	`description` text NOT NULL,
	`entity_type` varchar(255),
	`entity_id` char(36),
	`ip_address` varchar(45),
	`user_agent` text,
	`metadata` json,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `activity_logs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `cache` (
	`key` varchar(255) NOT NULL,
	`value` longtext NOT NULL,
	`expiration` int NOT NULL,
	CONSTRAINT `cache_key` PRIMARY KEY(`key`)
);
--> statement-breakpoint
CREATE TABLE `cache_locks` (
	`key` varchar(255) NOT NULL,
	`owner` varchar(255) NOT NULL,
	`expiration` int NOT NULL,
	CONSTRAINT `cache_locks_key` PRIMARY KEY(`key`)
);
--> statement-breakpoint
CREATE TABLE `course_lessons` (
	`id` char(36) NOT NULL,
	`course_id` char(36) NOT NULL,
	`module_id` char(36) NOT NULL,
	`title` varchar(255) NOT NULL,
	`description` text,
	`content` longtext,
	`video_url` varchar(255),
	`duration_minutes` int DEFAULT 0,
	`order_index` int NOT NULL,
	`is_free` boolean DEFAULT false,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `course_lessons_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `course_modules` (
	`id` char(36) NOT NULL,
	`course_id` char(36) NOT NULL,
	`title` varchar(255) NOT NULL,
	`description` text,
	`order_index` int NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `course_modules_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `courses` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`title` varchar(255) NOT NULL,
	`slug` varchar(255) NOT NULL,
	`description` text,
	`price` decimal(10,2) DEFAULT '0.00',
	`currency` varchar(3) DEFAULT 'USD',
	`status` enum('draft','published','archived') DEFAULT 'draft',
	`thumbnail` varchar(255),
	`trailer_video` varchar(255),
	`difficulty_level` enum('beginner','intermediate','advanced') DEFAULT 'beginner',
	`duration_minutes` int DEFAULT 0,
	`requirements` text,
	`what_you_learn` text,
	`created_by` char(36) NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `courses_id` PRIMARY KEY(`id`),
	CONSTRAINT `courses_slug_unique` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `crm_contacts` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`first_name` varchar(255) NOT NULL,
	`last_name` varchar(255) NOT NULL,
	`email` varchar(255),
	`phone` varchar(255),
	`company` varchar(255),
	`position` varchar(255),
	`address` text,
	`status` enum('lead','prospect','customer','inactive') DEFAULT 'lead',
	`lead_score` int DEFAULT 0,
	`source` varchar(255),
	`tags` json,
	`notes` text,
	`last_contacted` timestamp,
	`next_follow_up` timestamp,
	`created_by` char(36) NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `crm_contacts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `email_audiences` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`name` varchar(255) NOT NULL,
	`description` text,
	`criteria` json NOT NULL,
	`subscriber_count` int DEFAULT 0,
	`created_by` char(36) NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `email_audiences_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `email_campaigns` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`subject` varchar(255) NOT NULL,
	`sender` varchar(255) NOT NULL,
	`template` varchar(255) NOT NULL,
	`audience` varchar(255) NOT NULL,
	`content` longtext,
	`status` enum('draft','scheduled','sent','failed') DEFAULT 'draft',
	`schedule_at` timestamp,
	`sent_at` timestamp,
	`sent_count` int DEFAULT 0,
	`delivered_count` int DEFAULT 0,
	`opened_count` int DEFAULT 0,
	`clicked_count` int DEFAULT 0,
	`bounce_count` int DEFAULT 0,
	`open_rate` decimal(5,2) DEFAULT '0.00',
	`click_rate` decimal(5,2) DEFAULT '0.00',
	`bounce_rate` decimal(5,2) DEFAULT '0.00',
	`created_by` char(36) NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `email_campaigns_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `email_templates` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36),
	`name` varchar(255) NOT NULL,
	`description` text,
	`content` longtext NOT NULL,
	`category` varchar(255) NOT NULL,
	`thumbnail` varchar(255),
	`is_global` boolean DEFAULT false,
	`created_by` char(36) NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `email_templates_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `failed_jobs` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`uuid` varchar(255) NOT NULL,
	`connection` text NOT NULL,
	`queue` text NOT NULL,
	`payload` longtext NOT NULL,
	`exception` longtext NOT NULL,
	`failed_at` timestamp DEFAULT (now()),
	CONSTRAINT `failed_jobs_id` PRIMARY KEY(`id`),
	CONSTRAINT `failed_jobs_uuid_unique` UNIQUE(`uuid`)
);
--> statement-breakpoint
CREATE TABLE `job_batches` (
	`id` varchar(255) NOT NULL,
	`name` varchar(255) NOT NULL,
	`total_jobs` int NOT NULL,
	`pending_jobs` int NOT NULL,
	`failed_jobs` int NOT NULL,
	`failed_job_ids` longtext NOT NULL,
	`options` mediumtext,
	`cancelled_at` int,
	`created_at` int NOT NULL,
	`finished_at` int,
	CONSTRAINT `job_batches_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`queue` varchar(255) NOT NULL,
	`payload` longtext NOT NULL,
	`attempts` tinyint unsigned NOT NULL,
	`reserved_at` int unsigned,
	`available_at` int unsigned NOT NULL,
	`created_at` int unsigned NOT NULL,
	CONSTRAINT `jobs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `link_in_bio_pages` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`title` varchar(255) NOT NULL,
	`slug` varchar(255) NOT NULL,
	`bio` text,
	`profile_picture` varchar(255),
	`background_image` varchar(255),
	`theme` json,
	`links` json,
	`is_active` boolean DEFAULT true,
	`total_views` int DEFAULT 0,
	`total_clicks` int DEFAULT 0,
	`seo_title` varchar(255),
	`seo_description` text,
	`custom_css` text,
	`custom_domain` varchar(255),
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `link_in_bio_pages_id` PRIMARY KEY(`id`),
	CONSTRAINT `link_in_bio_pages_slug_unique` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `payment_transactions` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`amount` decimal(10,2) NOT NULL,
	`currency` varchar(3) DEFAULT 'USD',
	`payment_status` enum('pending','paid','failed','refunded') DEFAULT 'pending',
	`payment_method` varchar(255),
	`stripe_payment_intent_id` varchar(255),
	`stripe_session_id` varchar(255),
	`description` text,
	`metadata` json,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `payment_transactions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `personal_access_tokens` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tokenable_type` varchar(255) NOT NULL,
	`tokenable_id` char(36) NOT NULL,
	`name` varchar(255) NOT NULL,
	`token` varchar(64) NOT NULL,
	`abilities` text,
	`last_used_at` timestamp,
	`expires_at` timestamp,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `personal_access_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `personal_access_tokens_token_unique` UNIQUE(`token`)
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`name` varchar(255) NOT NULL,
	`slug` varchar(255) NOT NULL,
	`description` text,
	`price` decimal(10,2) NOT NULL,
	`compare_price` decimal(10,2),
	`currency` varchar(3) DEFAULT 'USD',
	`stock` int DEFAULT 0,
	`track_inventory` boolean DEFAULT true,
	`status` enum('active','inactive','archived') DEFAULT 'active',
	`images` json,
	`category` varchar(255),
	`tags` json,
	`weight` decimal(8,2),
	`dimensions` json,
	`seo_title` varchar(255),
	`seo_description` text,
	`created_by` char(36) NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `products_id` PRIMARY KEY(`id`),
	CONSTRAINT `products_slug_unique` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` varchar(255) NOT NULL,
	`user_id` char(36),
	`ip_address` varchar(45),
	`user_agent` text,
	`payload` longtext NOT NULL,
	`last_activity` int NOT NULL,
	CONSTRAINT `sessions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `social_media_accounts` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`platform` enum('instagram','facebook','twitter','linkedin','tiktok','youtube') NOT NULL,
	`account_id` varchar(255) NOT NULL,
	`username` varchar(255) NOT NULL,
	`display_name` varchar(255),
	`profile_picture` varchar(255),
	`access_tokens` json,
	`status` enum('active','expired','revoked') DEFAULT 'active',
	`connected_at` timestamp,
	`last_sync_at` timestamp,
	`account_info` json,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `social_media_accounts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `social_media_posts` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`social_media_account_id` char(36) NOT NULL,
	`title` varchar(255),
	`content` text NOT NULL,
	`media_urls` json,
	`hashtags` json,
	`status` enum('draft','scheduled','published','failed') DEFAULT 'draft',
	`scheduled_at` timestamp,
	`published_at` timestamp,
	`external_post_id` varchar(255),
	`engagement_metrics` json,
	`created_by` char(36) NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `social_media_posts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`plan_id` varchar(255) NOT NULL,
	`status` enum('active','canceled','past_due','unpaid') DEFAULT 'active',
	`current_period_start` timestamp NOT NULL,
	`current_period_end` timestamp NOT NULL,
	`trial_start` timestamp,
	`trial_end` timestamp,
	`canceled_at` timestamp,
	`stripe_subscription_id` varchar(255),
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `subscriptions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` char(36) NOT NULL,
	`name` varchar(255) NOT NULL,
	`email` varchar(255) NOT NULL,
	`email_verified_at` timestamp,
	`password` varchar(255) NOT NULL,
	`google_id` varchar(255),
	`avatar` varchar(255),
	`role` enum('admin','user') DEFAULT 'user',
	`status` enum('active','inactive','suspended') DEFAULT 'active',
	`preferences` json,
	`remember_token` varchar(100),
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_email_unique` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `workspace_invitations` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`email` varchar(255) NOT NULL,
	`role` enum('admin','editor','contributor','viewer') DEFAULT 'viewer',
	`token` varchar(255) NOT NULL,
	`status` enum('pending','accepted','declined','expired') DEFAULT 'pending',
	`message` text,
	`invited_by` char(36) NOT NULL,
	`expires_at` timestamp NOT NULL,
	`responded_at` timestamp,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `workspace_invitations_id` PRIMARY KEY(`id`),
	CONSTRAINT `workspace_invitations_token_unique` UNIQUE(`token`)
);
--> statement-breakpoint
CREATE TABLE `workspace_members` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`role` enum('owner','admin','editor','contributor','viewer','guest') DEFAULT 'viewer',
	`status` enum('active','inactive','suspended') DEFAULT 'active',
	`permissions` json,
	`invited_at` timestamp,
	`joined_at` timestamp,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `workspace_members_id` PRIMARY KEY(`id`),
	CONSTRAINT `unique_workspace_user` UNIQUE(`workspace_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` char(36) NOT NULL,
	`name` varchar(255) NOT NULL,
	`slug` varchar(255) NOT NULL,
	`description` text,
	`logo` varchar(255),
	`branding` json,
	`status` enum('active','inactive','suspended') DEFAULT 'active',
	`owner_id` char(36) NOT NULL,
	`settings` json,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `workspaces_id` PRIMARY KEY(`id`),
	CONSTRAINT `workspaces_slug_unique` UNIQUE(`slug`)
);
--> statement-breakpoint
ALTER TABLE `activity_logs` ADD CONSTRAINT `fk_activity_logs_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `activity_logs` ADD CONSTRAINT `fk_activity_logs_user_id` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `course_lessons` ADD CONSTRAINT `fk_course_lessons_course_id` FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `course_lessons` ADD CONSTRAINT `fk_course_lessons_module_id` FOREIGN KEY (`module_id`) REFERENCES `course_modules`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `course_modules` ADD CONSTRAINT `fk_course_modules_course_id` FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `courses` ADD CONSTRAINT `fk_courses_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `courses` ADD CONSTRAINT `fk_courses_created_by` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `crm_contacts` ADD CONSTRAINT `fk_crm_contacts_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `crm_contacts` ADD CONSTRAINT `fk_crm_contacts_created_by` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `email_audiences` ADD CONSTRAINT `fk_email_audiences_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `email_audiences` ADD CONSTRAINT `fk_email_audiences_created_by` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `email_campaigns` ADD CONSTRAINT `fk_email_campaigns_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `email_campaigns` ADD CONSTRAINT `fk_email_campaigns_created_by` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `email_templates` ADD CONSTRAINT `fk_email_templates_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `email_templates` ADD CONSTRAINT `fk_email_templates_created_by` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `link_in_bio_pages` ADD CONSTRAINT `fk_link_in_bio_pages_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `payment_transactions` ADD CONSTRAINT `fk_payment_transactions_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `payment_transactions` ADD CONSTRAINT `fk_payment_transactions_user_id` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `fk_products_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `fk_products_created_by` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `social_media_accounts` ADD CONSTRAINT `fk_social_media_accounts_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD CONSTRAINT `fk_social_media_posts_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD CONSTRAINT `fk_social_media_posts_social_media_account_id` FOREIGN KEY (`social_media_account_id`) REFERENCES `social_media_accounts`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `social_media_posts` ADD CONSTRAINT `fk_social_media_posts_created_by` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD CONSTRAINT `fk_subscriptions_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD CONSTRAINT `fk_subscriptions_user_id` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `workspace_invitations` ADD CONSTRAINT `fk_workspace_invitations_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `workspace_invitations` ADD CONSTRAINT `fk_workspace_invitations_invited_by` FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `workspace_members` ADD CONSTRAINT `fk_workspace_members_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `workspace_members` ADD CONSTRAINT `fk_workspace_members_user_id` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `workspaces` ADD CONSTRAINT `fk_workspaces_owner_id` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `activity_logs` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_user` ON `activity_logs` (`user_id`);--> statement-breakpoint
CREATE INDEX `idx_type` ON `activity_logs` (`type`);--> statement-breakpoint
CREATE INDEX `idx_entity` ON `activity_logs` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `idx_expiration` ON `cache` (`expiration`);--> statement-breakpoint
CREATE INDEX `idx_expiration` ON `cache_locks` (`expiration`);--> statement-breakpoint
CREATE INDEX `idx_course` ON `course_lessons` (`course_id`);--> statement-breakpoint
CREATE INDEX `idx_module` ON `course_lessons` (`module_id`);--> statement-breakpoint
CREATE INDEX `idx_order` ON `course_lessons` (`order_index`);--> statement-breakpoint
CREATE INDEX `idx_course` ON `course_modules` (`course_id`);--> statement-breakpoint
CREATE INDEX `idx_order` ON `course_modules` (`order_index`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `courses` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_slug` ON `courses` (`slug`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `courses` (`status`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `crm_contacts` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_email` ON `crm_contacts` (`email`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `crm_contacts` (`status`);--> statement-breakpoint
CREATE INDEX `idx_lead_score` ON `crm_contacts` (`lead_score`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `email_audiences` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `email_campaigns` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `email_campaigns` (`status`);--> statement-breakpoint
CREATE INDEX `idx_scheduled` ON `email_campaigns` (`schedule_at`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `email_templates` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_category` ON `email_templates` (`category`);--> statement-breakpoint
CREATE INDEX `idx_global` ON `email_templates` (`is_global`);--> statement-breakpoint
CREATE INDEX `idx_uuid` ON `failed_jobs` (`uuid`);--> statement-breakpoint
CREATE INDEX `idx_queue` ON `jobs` (`queue`);--> statement-breakpoint
CREATE INDEX `idx_reserved` ON `jobs` (`reserved_at`);--> statement-breakpoint
CREATE INDEX `idx_available` ON `jobs` (`available_at`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `link_in_bio_pages` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_slug` ON `link_in_bio_pages` (`slug`);--> statement-breakpoint
CREATE INDEX `idx_active` ON `link_in_bio_pages` (`is_active`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `payment_transactions` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_user` ON `payment_transactions` (`user_id`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `payment_transactions` (`payment_status`);--> statement-breakpoint
CREATE INDEX `idx_stripe_session` ON `payment_transactions` (`stripe_session_id`);--> statement-breakpoint
CREATE INDEX `idx_tokenable` ON `personal_access_tokens` (`tokenable_type`,`tokenable_id`);--> statement-breakpoint
CREATE INDEX `idx_token` ON `personal_access_tokens` (`token`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `products` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_slug` ON `products` (`slug`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `products` (`status`);--> statement-breakpoint
CREATE INDEX `idx_category` ON `products` (`category`);--> statement-breakpoint
CREATE INDEX `idx_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `idx_last_activity` ON `sessions` (`last_activity`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `social_media_accounts` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_platform` ON `social_media_accounts` (`platform`);--> statement-breakpoint
CREATE INDEX `idx_username` ON `social_media_accounts` (`username`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `social_media_accounts` (`status`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `social_media_posts` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_account` ON `social_media_posts` (`social_media_account_id`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `social_media_posts` (`status`);--> statement-breakpoint
CREATE INDEX `idx_scheduled` ON `social_media_posts` (`scheduled_at`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `subscriptions` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_user` ON `subscriptions` (`user_id`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `subscriptions` (`status`);--> statement-breakpoint
CREATE INDEX `idx_stripe_subscription` ON `subscriptions` (`stripe_subscription_id`);--> statement-breakpoint
CREATE INDEX `idx_email` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `idx_google_id` ON `users` (`google_id`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `users` (`status`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `workspace_invitations` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_email` ON `workspace_invitations` (`email`);--> statement-breakpoint
CREATE INDEX `idx_token` ON `workspace_invitations` (`token`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `workspace_invitations` (`status`);--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `workspace_members` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `idx_user` ON `workspace_members` (`user_id`);--> statement-breakpoint
CREATE INDEX `idx_role` ON `workspace_members` (`role`);--> statement-breakpoint
CREATE INDEX `idx_slug` ON `workspaces` (`slug`);--> statement-breakpoint
CREATE INDEX `idx_owner` ON `workspaces` (`owner_id`);--> statement-breakpoint
CREATE INDEX `idx_status` ON `workspaces` (`status`);