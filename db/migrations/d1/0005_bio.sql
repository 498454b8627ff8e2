CREATE TABLE `link_in_bio_stats` (
	`id` text PRIMARY KEY NOT NULL,
	`page_id` text NOT NULL,
	`day` text NOT NULL,
	`dimension` text NOT NULL,
	`value` text DEFAULT '' NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `link_in_bio_pages`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "link_in_bio_stats_dimension_check" CHECK("link_in_bio_stats"."dimension" IN ('page', 'link', 'referrer', 'country', 'device'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unique_page_day_value` ON `link_in_bio_stats` (`page_id`,`day`,`dimension`,`value`);--> statement-breakpoint
CREATE TABLE `link_in_bio_visitors` (
	`id` text PRIMARY KEY NOT NULL,
	`page_id` text NOT NULL,
	`day` text NOT NULL,
	`link_id` text DEFAULT '' NOT NULL,
	`visitor` text NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `link_in_bio_pages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unique_page_day_visitor` ON `link_in_bio_visitors` (`page_id`,`day`,`link_id`,`visitor`);--> statement-breakpoint
ALTER TABLE `link_in_bio_pages` ADD `custom_domain_token` text;--> statement-breakpoint
ALTER TABLE `link_in_bio_pages` ADD `custom_domain_verified_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `unique_custom_domain` ON `link_in_bio_pages` (`custom_domain`);