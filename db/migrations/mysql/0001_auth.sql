CREATE TABLE `mail_outbox` (
	`id` char(36) NOT NULL,
	`to_address` varchar(255) NOT NULL,
	`subject` varchar(255) NOT NULL,
	`html` longtext NOT NULL,
	`text` longtext NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	CONSTRAINT `mail_outbox_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `user_tokens` (
	`id` char(36) NOT NULL,
	`user_id` char(36) NOT NULL,
	`purpose` enum('email_verification','password_reset') NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`email` varchar(255) NOT NULL,
	`expires_at` timestamp NOT NULL,
	`created_at` timestamp DEFAULT (now()),
	CONSTRAINT `user_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `user_tokens_token_hash_unique` UNIQUE(`token_hash`)
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `expires_at` timestamp;--> statement-breakpoint
ALTER TABLE `user_tokens` ADD CONSTRAINT `fk_user_tokens_user_id` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `idx_to` ON `mail_outbox` (`to_address`);--> statement-breakpoint
CREATE INDEX `idx_user_purpose` ON `user_tokens` (`user_id`,`purpose`);--> statement-breakpoint
CREATE INDEX `idx_expires` ON `user_tokens` (`expires_at`);--> statement-breakpoint
CREATE INDEX `idx_expires` ON `sessions` (`expires_at`);