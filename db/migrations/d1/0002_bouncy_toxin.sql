CREATE TABLE `workspace_invite_links` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`role` text DEFAULT 'viewer' NOT NULL,
	`created_by` text NOT NULL,
	`disabled_at` text,
	`uses` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "workspace_invite_links_role_check" CHECK("workspace_invite_links"."role" IN ('editor', 'contributor', 'viewer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workspace_invite_links_token_hash_unique` ON `workspace_invite_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `workspace_invite_links_idx_workspace` ON `workspace_invite_links` (`workspace_id`);