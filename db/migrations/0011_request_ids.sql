CREATE TABLE `processed_request` (
	`request_id` text PRIMARY KEY NOT NULL,
	`operation` text NOT NULL,
	`input_hash` text NOT NULL,
	`answer` text,
	`actor` text NOT NULL,
	`processed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `processed_request_processed_at_idx` ON `processed_request` (`processed_at`);