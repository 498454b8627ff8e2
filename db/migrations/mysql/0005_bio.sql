CREATE TABLE `link_in_bio_stats` (
	`id` char(36) NOT NULL,
	`page_id` char(36) NOT NULL,
	`day` varchar(10) NOT NULL,
	`dimension` enum('page','link','referrer','country','device') NOT NULL,
	`value` varchar(255) NOT NULL DEFAULT '',
	`views` int NOT NULL DEFAULT 0,
	`clicks` int NOT NULL DEFAULT 0,
	CONSTRAINT `link_in_bio_stats_id` PRIMARY KEY(`id`),
	CONSTRAINT `unique_page_day_value` UNIQUE(`page_id`,`day`,`dimension`,`value`)
);
--> statement-breakpoint
CREATE TABLE `link_in_bio_visitors` (
	`id` char(36) NOT NULL,
	`page_id` char(36) NOT NULL,
	`day` varchar(10) NOT NULL,
	`link_id` varchar(64) NOT NULL DEFAULT '',
	`visitor` varchar(64) NOT NULL,
	CONSTRAINT `link_in_bio_visitors_id` PRIMARY KEY(`id`),
	CONSTRAINT `unique_page_day_visitor` UNIQUE(`page_id`,`day`,`link_id`,`visitor`)
);
--> statement-breakpoint
ALTER TABLE `link_in_bio_pages` ADD `custom_domain_token` varchar(64);--> statement-breakpoint
ALTER TABLE `link_in_bio_pages` ADD `custom_domain_verified_at` timestamp;--> statement-breakpoint
ALTER TABLE `link_in_bio_pages` ADD CONSTRAINT `unique_custom_domain` UNIQUE(`custom_domain`);--> statement-breakpoint
ALTER TABLE `link_in_bio_stats` ADD CONSTRAINT `fk_link_in_bio_stats_page_id` FOREIGN KEY (`page_id`) REFERENCES `link_in_bio_pages`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `link_in_bio_visitors` ADD CONSTRAINT `fk_link_in_bio_visitors_page_id` FOREIGN KEY (`page_id`) REFERENCES `link_in_bio_pages`(`id`) ON DELETE cascade ON UPDATE no action;