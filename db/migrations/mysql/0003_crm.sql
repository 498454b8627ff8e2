CREATE TABLE `crm_contact_tags` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`contact_id` char(36) NOT NULL,
	`tag` varchar(64) NOT NULL,
	CONSTRAINT `crm_contact_tags_id` PRIMARY KEY(`id`),
	CONSTRAINT `unique_contact_tag` UNIQUE(`contact_id`,`tag`)
);
--> statement-breakpoint
CREATE TABLE `crm_contact_terms` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`contact_id` char(36) NOT NULL,
	`term` varchar(64) NOT NULL,
	CONSTRAINT `crm_contact_terms_id` PRIMARY KEY(`id`),
	CONSTRAINT `unique_contact_term` UNIQUE(`contact_id`,`term`)
);
--> statement-breakpoint
CREATE TABLE `crm_import_jobs` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`created_by` char(36) NOT NULL,
	`status` enum('uploaded','running','completed','failed','cancelled') NOT NULL DEFAULT 'uploaded',
	`file_name` varchar(255) NOT NULL,
	`headers` json NOT NULL,
	`mapping` json,
	`duplicate_strategy` enum('skip','update','merge_tags') NOT NULL DEFAULT 'skip',
	`total_rows` int NOT NULL DEFAULT 0,
	`processed_rows` int NOT NULL DEFAULT 0,
	`created_count` int NOT NULL DEFAULT 0,
	`updated_count` int NOT NULL DEFAULT 0,
	`skipped_count` int NOT NULL DEFAULT 0,
	`error_count` int NOT NULL DEFAULT 0,
	`last_error` text,
	`started_at` timestamp,
	`finished_at` timestamp,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `crm_import_jobs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `crm_import_rows` (
	`id` char(36) NOT NULL,
	`job_id` char(36) NOT NULL,
	`row_number` int NOT NULL,
	`cells` json NOT NULL,
	`outcome` enum('pending','created','updated','skipped','rejected') NOT NULL DEFAULT 'pending',
	`error` text,
	`contact_id` char(36),
	CONSTRAINT `crm_import_rows_id` PRIMARY KEY(`id`),
	CONSTRAINT `unique_job_row` UNIQUE(`job_id`,`row_number`)
);
--> statement-breakpoint
ALTER TABLE `crm_contacts` ADD CONSTRAINT `unique_workspace_email` UNIQUE(`workspace_id`,`email`);--> statement-breakpoint
ALTER TABLE `crm_contact_tags` ADD CONSTRAINT `fk_crm_contact_tags_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `crm_contact_tags` ADD CONSTRAINT `fk_crm_contact_tags_contact_id` FOREIGN KEY (`contact_id`) REFERENCES `crm_contacts`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `crm_contact_terms` ADD CONSTRAINT `fk_crm_contact_terms_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `crm_contact_terms` ADD CONSTRAINT `fk_crm_contact_terms_contact_id` FOREIGN KEY (`contact_id`) REFERENCES `crm_contacts`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `crm_import_jobs` ADD CONSTRAINT `fk_crm_import_jobs_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `crm_import_jobs` ADD CONSTRAINT `fk_crm_import_jobs_created_by` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `crm_import_rows` ADD CONSTRAINT `fk_crm_import_rows_job_id` FOREIGN KEY (`job_id`) REFERENCES `crm_import_jobs`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `idx_ws_tag` ON `crm_contact_tags` (`workspace_id`,`tag`,`contact_id`);--> statement-breakpoint
CREATE INDEX `idx_ws_term` ON `crm_contact_terms` (`workspace_id`,`term`,`contact_id`);--> statement-breakpoint
CREATE INDEX `idx_ws_id` ON `crm_import_jobs` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `idx_job_outcome` ON `crm_import_rows` (`job_id`,`outcome`,`row_number`);--> statement-breakpoint
CREATE INDEX `idx_ws_id` ON `activity_logs` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_id` ON `crm_contacts` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_name` ON `crm_contacts` (`workspace_id`,`last_name`,`first_name`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_updated` ON `crm_contacts` (`workspace_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_score` ON `crm_contacts` (`workspace_id`,`lead_score`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_status` ON `crm_contacts` (`workspace_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_contacted` ON `crm_contacts` (`workspace_id`,`last_contacted`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_follow_up` ON `crm_contacts` (`workspace_id`,`next_follow_up`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_source` ON `crm_contacts` (`workspace_id`,`source`,`id`);--> statement-breakpoint
CREATE INDEX `idx_ws_company` ON `crm_contacts` (`workspace_id`,`company`,`id`);