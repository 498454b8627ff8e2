DROP INDEX `crm_contacts_idx_ws_status`;--> statement-breakpoint
DROP INDEX `crm_contacts_idx_ws_source`;--> statement-breakpoint
DROP INDEX `crm_contacts_idx_ws_company`;--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_created` ON `crm_contacts` (`workspace_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_status` ON `crm_contacts` (`workspace_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_source` ON `crm_contacts` (`workspace_id`,`source`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_idx_ws_company` ON `crm_contacts` (`workspace_id`,`company`,`created_at`,`id`);