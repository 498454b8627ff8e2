CREATE TABLE `activity_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`type` text NOT NULL,
	`description` text NOT NULL,
	`entity_type` text,
	`entity_id` text,
	`ip_address` text,
	`user_agent` text,
	`metadata` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_logs_idx_workspace` ON `activity_logs` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `activity_logs_idx_user` ON `activity_logs` (`user_id`);--> statement-breakpoint
CREATE INDEX `activity_logs_idx_type` ON `activity_logs` (`type`);--> statement-breakpoint
CREATE INDEX `activity_logs_idx_entity` ON `activity_logs` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `cache` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`expiration` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cache_idx_expiration` ON `cache` (`expiration`);--> statement-breakpoint
CREATE TABLE `cache_locks` (
	`key` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`expiration` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cache_locks_idx_expiration` ON `cache_locks` (`expiration`);--> statement-breakpoint
CREATE TABLE `course_lessons` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`module_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`content` text,
	`video_url` text,
	`duration_minutes` integer DEFAULT 0,
	`order_index` integer NOT NULL,
	`is_free` integer DEFAULT false,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`module_id`) REFERENCES `course_modules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `course_lessons_idx_course` ON `course_lessons` (`course_id`);--> statement-breakpoint
CREATE INDEX `course_lessons_idx_module` ON `course_lessons` (`module_id`);--> statement-breakpoint
CREATE INDEX `course_lessons_idx_order` ON `course_lessons` (`order_index`);--> statement-breakpoint
CREATE TABLE `course_modules` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`order_index` integer NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `course_modules_idx_course` ON `course_modules` (`course_id`);--> statement-breakpoint
CREATE INDEX `course_modules_idx_order` ON `course_modules` (`order_index`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`title` text NOT NULL,
	`slug` text NOT NULL,
	`description` text,
	`price` numeric DEFAULT '0.00',
	`currency` text DEFAULT 'USD',
	`status` text DEFAULT 'draft',
	`thumbnail` text,
	`trailer_video` text,
	`difficulty_level` text DEFAULT 'beginner',
	`duration_minutes` integer DEFAULT 0,
	`requirements` text,
	`what_you_learn` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "courses_status_check" CHECK("courses"."status" IN ('draft', 'published', 'archived')),
	CONSTRAINT "courses_difficulty_level_check" CHECK("courses"."difficulty_level" IN ('beginner', 'intermediate', 'advanced'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `courses_slug_unique` ON `courses` (`slug`);--> statement-breakpoint
CREATE INDEX `courses_idx_workspace` ON `courses` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `courses_idx_slug` ON `courses` (`slug`);--> statement-breakpoint
CREATE INDEX `courses_idx_status` ON `courses` (`status`);--> statement-breakpoint
CREATE TABLE `crm_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`email` text,
	`phone` text,
	`company` text,
	`position` text,
	`address` text,
	`status` text DEFAULT 'lead',
	`lead_score` integer DEFAULT 0,
	`source` text,
	`tags` text,
	`notes` text,
	`last_contacted` text,
	`next_follow_up` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "crm_contacts_status_check" CHECK("crm_contacts"."status" IN ('lead', 'prospect', 'customer', 'inactive'))
);
--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_workspace` ON `crm_contacts` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_email` ON `crm_contacts` (`email`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_status` ON `crm_contacts` (`status`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_lead_score` ON `crm_contacts` (`lead_score`);--> statement-breakpoint
CREATE TABLE `email_audiences` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`criteria` text NOT NULL,
	`subscriber_count` integer DEFAULT 0,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `email_audiences_idx_workspace` ON `email_audiences` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `email_campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`subject` text NOT NULL,
	`sender` text NOT NULL,
	`template` text NOT NULL,
	`audience` text NOT NULL,
	`content` text,
	`status` text DEFAULT 'draft',
	`schedule_at` text,
	`sent_at` text,
	`sent_count` integer DEFAULT 0,
	`delivered_count` integer DEFAULT 0,
	`opened_count` integer DEFAULT 0,
	`clicked_count` integer DEFAULT 0,
	`bounce_count` integer DEFAULT 0,
	`open_rate` numeric DEFAULT '0.00',
	`click_rate` numeric DEFAULT '0.00',
	`bounce_rate` numeric DEFAULT '0.00',
	`created_by` text NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "email_campaigns_status_check" CHECK("email_campaigns"."status" IN ('draft', 'scheduled', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `email_campaigns_idx_workspace` ON `email_campaigns` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `email_campaigns_idx_status` ON `email_campaigns` (`status`);--> statement-breakpoint
CREATE INDEX `email_campaigns_idx_scheduled` ON `email_campaigns` (`schedule_at`);--> statement-breakpoint
CREATE TABLE `email_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text,
	`name` text NOT NULL,
	`description` text,
	`content` text NOT NULL,
	`category` text NOT NULL,
	`thumbnail` text,
	`is_global` integer DEFAULT false,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `email_templates_idx_workspace` ON `email_templates` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `email_templates_idx_category` ON `email_templates` (`category`);--> statement-breakpoint
CREATE INDEX `email_templates_idx_global` ON `email_templates` (`is_global`);--> statement-breakpoint
CREATE TABLE `failed_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`connection` text NOT NULL,
	`queue` text NOT NULL,
	`payload` text NOT NULL,
	`exception` text NOT NULL,
	`failed_at` text DEFAULT CURRENT_TIMESTAMP
);
--> statement-breakpoint
CREATE UNIQUE INDEX `failed_jobs_uuid_unique` ON `failed_jobs` (`uuid`);--> statement-breakpoint
CREATE INDEX `failed_jobs_idx_uuid` ON `failed_jobs` (`uuid`);--> statement-breakpoint
CREATE TABLE `job_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`total_jobs` integer NOT NULL,
	`pending_jobs` integer NOT NULL,
	`failed_jobs` integer NOT NULL,
	`failed_job_ids` text NOT NULL,
	`options` text,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`queue` text NOT NULL,
	`payload` text NOT NULL,
	`attempts` integer NOT NULL,
	`reserved_at` integer,
	`available_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jobs_idx_queue` ON `jobs` (`queue`);--> statement-breakpoint
CREATE INDEX `jobs_idx_reserved` ON `jobs` (`reserved_at`);--> statement-breakpoint
CREATE INDEX `jobs_idx_available` ON `jobs` (`available_at`);--> statement-breakpoint
CREATE TABLE `link_in_bio_pages` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`title` text NOT NULL,
	`slug` text NOT NULL,
	`bio` text,
	`profile_picture` text,
	`background_image` text,
	`theme` text,
	`links` text,
	`is_active` integer DEFAULT true,
	`total_views` integer DEFAULT 0,
	`total_clicks` integer DEFAULT 0,
	`seo_title` text,
	`seo_description` text,
	`custom_css` text,
	`custom_domain` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `link_in_bio_pages_slug_unique` ON `link_in_bio_pages` (`slug`);--> statement-breakpoint
CREATE INDEX `link_in_bio_pages_idx_workspace` ON `link_in_bio_pages` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `link_in_bio_pages_idx_slug` ON `link_in_bio_pages` (`slug`);--> statement-breakpoint
CREATE INDEX `link_in_bio_pages_idx_active` ON `link_in_bio_pages` (`is_active`);--> statement-breakpoint
CREATE TABLE `payment_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`amount` numeric NOT NULL,
	`currency` text DEFAULT 'USD',
	`payment_status` text DEFAULT 'pending',
	`payment_method` text,
	`stripe_payment_intent_id` text,
	`stripe_session_id` text,
	`description` text,
	`metadata` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "payment_transactions_payment_status_check" CHECK("payment_transactions"."payment_status" IN ('pending', 'paid', 'failed', 'refunded'))
);
--> statement-breakpoint
CREATE INDEX `payment_transactions_idx_workspace` ON `payment_transactions` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `payment_transactions_idx_user` ON `payment_transactions` (`user_id`);--> statement-breakpoint
CREATE INDEX `payment_transactions_idx_status` ON `payment_transactions` (`payment_status`);--> statement-breakpoint
CREATE INDEX `payment_transactions_idx_stripe_session` ON `payment_transactions` (`stripe_session_id`);--> statement-breakpoint
CREATE TABLE `personal_access_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tokenable_type` text NOT NULL,
	`tokenable_id` text NOT NULL,
	`name` text NOT NULL,
	`token` text NOT NULL,
	`abilities` text,
	`last_used_at` text,
	`expires_at` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP
);
--> statement-breakpoint
CREATE UNIQUE INDEX `personal_access_tokens_token_unique` ON `personal_access_tokens` (`token`);--> statement-breakpoint
CREATE INDEX `personal_access_tokens_idx_tokenable` ON `personal_access_tokens` (`tokenable_type`,`tokenable_id`);--> statement-breakpoint
CREATE INDEX `personal_access_tokens_idx_token` ON `personal_access_tokens` (`token`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`description` text,
	`price` numeric NOT NULL,
	`compare_price` numeric,
	`currency` text DEFAULT 'USD',
	`stock` integer DEFAULT 0,
	`track_inventory` integer DEFAULT true,
	`status` text DEFAULT 'active',
	`images` text,
	`category` text,
	`tags` text,
	`weight` numeric,
	`dimensions` text,
	`seo_title` text,
	`seo_description` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "products_status_check" CHECK("products"."status" IN ('active', 'inactive', 'archived'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_unique` ON `products` (`slug`);--> statement-breakpoint
CREATE INDEX `products_idx_workspace` ON `products` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `products_idx_slug` ON `products` (`slug`);--> statement-breakpoint
CREATE INDEX `products_idx_status` ON `products` (`status`);--> statement-breakpoint
CREATE INDEX `products_idx_category` ON `products` (`category`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`ip_address` text,
	`user_agent` text,
	`payload` text NOT NULL,
	`last_activity` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_idx_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_idx_last_activity` ON `sessions` (`last_activity`);--> statement-breakpoint
CREATE TABLE `social_media_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`platform` text NOT NULL,
	`account_id` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text,
	`profile_picture` text,
	`access_tokens` text,
	`status` text DEFAULT 'active',
	`connected_at` text,
	`last_sync_at` text,
	`account_info` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "social_media_accounts_platform_check" CHECK("social_media_accounts"."platform" IN ('instagram', 'facebook', 'twitter', 'linkedin', 'tiktok', 'youtube')),
	CONSTRAINT "social_media_accounts_status_check" CHECK("social_media_accounts"."status" IN ('active', 'expired', 'revoked'))
);
--> statement-breakpoint
CREATE INDEX `social_media_accounts_idx_workspace` ON `social_media_accounts` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `social_media_accounts_idx_platform` ON `social_media_accounts` (`platform`);--> statement-breakpoint
CREATE INDEX `social_media_accounts_idx_username` ON `social_media_accounts` (`username`);--> statement-breakpoint
CREATE INDEX `social_media_accounts_idx_status` ON `social_media_accounts` (`status`);--> statement-breakpoint
CREATE TABLE `social_media_posts` (
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
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`social_media_account_id`) REFERENCES `social_media_accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "social_media_posts_status_check" CHECK("social_media_posts"."status" IN ('draft', 'scheduled', 'published', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_workspace` ON `social_media_posts` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_account` ON `social_media_posts` (`social_media_account_id`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_status` ON `social_media_posts` (`status`);--> statement-breakpoint
CREATE INDEX `social_media_posts_idx_scheduled` ON `social_media_posts` (`scheduled_at`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`status` text DEFAULT 'active',
	`current_period_start` text NOT NULL,
	`current_period_end` text NOT NULL,
	`trial_start` text,
	`trial_end` text,
	`canceled_at` text,
	`stripe_subscription_id` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "subscriptions_status_check" CHECK("subscriptions"."status" IN ('active', 'canceled', 'past_due', 'unpaid'))
);
--> statement-breakpoint
CREATE INDEX `subscriptions_idx_workspace` ON `subscriptions` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_idx_user` ON `subscriptions` (`user_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_idx_status` ON `subscriptions` (`status`);--> statement-breakpoint
CREATE INDEX `subscriptions_idx_stripe_subscription` ON `subscriptions` (`stripe_subscription_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified_at` text,
	`password` text NOT NULL,
	`google_id` text,
	`avatar` text,
	`role` text DEFAULT 'user',
	`status` text DEFAULT 'active',
	`preferences` text,
	`remember_token` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	CONSTRAINT "users_role_check" CHECK("users"."role" IN ('admin', 'user')),
	CONSTRAINT "users_status_check" CHECK("users"."status" IN ('active', 'inactive', 'suspended'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_idx_email` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_idx_google_id` ON `users` (`google_id`);--> statement-breakpoint
CREATE INDEX `users_idx_status` ON `users` (`status`);--> statement-breakpoint
CREATE TABLE `workspace_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text DEFAULT 'viewer',
	`token` text NOT NULL,
	`status` text DEFAULT 'pending',
	`message` text,
	`invited_by` text NOT NULL,
	`expires_at` text NOT NULL,
	`responded_at` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "workspace_invitations_role_check" CHECK("workspace_invitations"."role" IN ('admin', 'editor', 'contributor', 'viewer')),
	CONSTRAINT "workspace_invitations_status_check" CHECK("workspace_invitations"."status" IN ('pending', 'accepted', 'declined', 'expired'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workspace_invitations_token_unique` ON `workspace_invitations` (`token`);--> statement-breakpoint
CREATE INDEX `workspace_invitations_idx_workspace` ON `workspace_invitations` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `workspace_invitations_idx_email` ON `workspace_invitations` (`email`);--> statement-breakpoint
CREATE INDEX `workspace_invitations_idx_token` ON `workspace_invitations` (`token`);--> statement-breakpoint
CREATE INDEX `workspace_invitations_idx_status` ON `workspace_invitations` (`status`);--> statement-breakpoint
CREATE TABLE `workspace_members` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text DEFAULT 'viewer',
	`status` text DEFAULT 'active',
	`permissions` text,
	`invited_at` text,
	`joined_at` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "workspace_members_role_check" CHECK("workspace_members"."role" IN ('owner', 'admin', 'editor', 'contributor', 'viewer', 'guest')),
	CONSTRAINT "workspace_members_status_check" CHECK("workspace_members"."status" IN ('active', 'inactive', 'suspended'))
);
--> statement-breakpoint
CREATE INDEX `workspace_members_idx_workspace` ON `workspace_members` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `workspace_members_idx_user` ON `workspace_members` (`user_id`);--> statement-breakpoint
CREATE INDEX `workspace_members_idx_role` ON `workspace_members` (`role`);--> statement-breakpoint
CREATE UNIQUE INDEX `unique_workspace_user` ON `workspace_members` (`workspace_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`description` text,
	`logo` text,
	`branding` text,
	`status` text DEFAULT 'active',
	`owner_id` text NOT NULL,
	`settings` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "workspaces_status_check" CHECK("workspaces"."status" IN ('active', 'inactive', 'suspended'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workspaces_slug_unique` ON `workspaces` (`slug`);--> statement-breakpoint
CREATE INDEX `workspaces_idx_slug` ON `workspaces` (`slug`);--> statement-breakpoint
CREATE INDEX `workspaces_idx_owner` ON `workspaces` (`owner_id`);--> statement-breakpoint
CREATE INDEX `workspaces_idx_status` ON `workspaces` (`status`);