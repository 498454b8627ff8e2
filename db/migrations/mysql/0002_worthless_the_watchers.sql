CREATE TABLE `workspace_invite_links` (
	`id` char(36) NOT NULL,
	`workspace_id` char(36) NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`role` enum('editor','contributor','viewer') NOT NULL DEFAULT 'viewer',
	`created_by` char(36) NOT NULL,
	`disabled_at` timestamp,
	`uses` int NOT NULL DEFAULT 0,
	`created_at` timestamp DEFAULT (now()),
	`updated_at` timestamp DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `workspace_invite_links_id` PRIMARY KEY(`id`),
	CONSTRAINT `workspace_invite_links_token_hash_unique` UNIQUE(`token_hash`)
);
--> statement-breakpoint
ALTER TABLE `workspace_invite_links` ADD CONSTRAINT `fk_workspace_invite_links_workspace_id` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `workspace_invite_links` ADD CONSTRAINT `fk_workspace_invite_links_created_by` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `idx_workspace` ON `workspace_invite_links` (`workspace_id`);