DROP INDEX `crm_contacts_idx_ws_name`;--> statement-breakpoint
DROP INDEX `crm_contacts_idx_ws_source`;--> statement-breakpoint
DROP INDEX `crm_contacts_idx_ws_company`;--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_name` ON `crm_contacts` (`workspace_id`,"last_name" COLLATE NOCASE,"first_name" COLLATE NOCASE,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_source` ON `crm_contacts` (`workspace_id`,"source" COLLATE NOCASE,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_company` ON `crm_contacts` (`workspace_id`,"company" COLLATE NOCASE,`created_at`,`id`);