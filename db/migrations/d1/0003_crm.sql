CREATE TABLE `crm_contact_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`tag` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `crm_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_contact_tags_idx_ws_tag` ON `crm_contact_tags` (`workspace_id`,`tag`,`contact_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `unique_contact_tag` ON `crm_contact_tags` (`contact_id`,`tag`);--> statement-breakpoint
CREATE TABLE `crm_contact_terms` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`term` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `crm_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_contact_terms_idx_ws_term` ON `crm_contact_terms` (`workspace_id`,`term`,`contact_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `unique_contact_term` ON `crm_contact_terms` (`contact_id`,`term`);--> statement-breakpoint
CREATE TABLE `crm_import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`created_by` text NOT NULL,
	`status` text DEFAULT 'uploaded' NOT NULL,
	`file_name` text NOT NULL,
	`headers` text NOT NULL,
	`mapping` text,
	`duplicate_strategy` text DEFAULT 'skip' NOT NULL,
	`total_rows` integer DEFAULT 0 NOT NULL,
	`processed_rows` integer DEFAULT 0 NOT NULL,
	`created_count` integer DEFAULT 0 NOT NULL,
	`updated_count` integer DEFAULT 0 NOT NULL,
	`skipped_count` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`started_at` text,
	`finished_at` text,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "crm_import_jobs_status_check" CHECK("crm_import_jobs"."status" IN ('uploaded', 'running', 'completed', 'failed', 'cancelled')),
	CONSTRAINT "crm_import_jobs_duplicate_strategy_check" CHECK("crm_import_jobs"."duplicate_strategy" IN ('skip', 'update', 'merge_tags'))
);
--> statement-breakpoint
CREATE INDEX `crm_import_jobs_idx_ws_id` ON `crm_import_jobs` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `crm_import_rows` (
	`id` text PRIMARY KEY NOT NULL,
	`job_id` text NOT NULL,
	`row_number` integer NOT NULL,
	`cells` text NOT NULL,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`contact_id` text,
	FOREIGN KEY (`job_id`) REFERENCES `crm_import_jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "crm_import_rows_outcome_check" CHECK("crm_import_rows"."outcome" IN ('pending', 'created', 'updated', 'skipped', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX `crm_import_rows_idx_job_outcome` ON `crm_import_rows` (`job_id`,`outcome`,`row_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `unique_job_row` ON `crm_import_rows` (`job_id`,`row_number`);--> statement-breakpoint
CREATE INDEX `activity_logs_idx_ws_id` ON `activity_logs` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_id` ON `crm_contacts` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_name` ON `crm_contacts` (`workspace_id`,`last_name`,`first_name`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_updated` ON `crm_contacts` (`workspace_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_score` ON `crm_contacts` (`workspace_id`,`lead_score`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_status` ON `crm_contacts` (`workspace_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_contacted` ON `crm_contacts` (`workspace_id`,`last_contacted`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_follow_up` ON `crm_contacts` (`workspace_id`,`next_follow_up`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_source` ON `crm_contacts` (`workspace_id`,`source`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_company` ON `crm_contacts` (`workspace_id`,`company`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `unique_workspace_email` ON `crm_contacts` (`workspace_id`,`email`);