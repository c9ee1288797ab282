CREATE TABLE `personal_data_read` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`read_at` text NOT NULL,
	`actor` text NOT NULL,
	`roles` text NOT NULL,
	`operation` text NOT NULL,
	`case_id` integer NOT NULL,
	`request_id` text
);
--> statement-breakpoint
CREATE INDEX `personal_data_read_read_at_idx` ON `personal_data_read` (`read_at`);--> statement-breakpoint
CREATE INDEX `personal_data_read_case_idx` ON `personal_data_read` (`case_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `personal_data_read_actor_idx` ON `personal_data_read` (`actor`,`read_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `personal_data_read_request_case_idx` ON `personal_data_read` (`request_id`,`case_id`);