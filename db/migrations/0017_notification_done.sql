CREATE TABLE `notification_done` (
	`key` text PRIMARY KEY NOT NULL,
	`done_by` text NOT NULL,
	`done_at` text NOT NULL,
	`reason` text
);
