CREATE TABLE `review_agreement` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period` text NOT NULL,
	`what` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`evidence` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "review_agreement_status_ck" CHECK("review_agreement"."status" in ('open', 'in_progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE INDEX `review_agreement_period_idx` ON `review_agreement` (`period`);--> statement-breakpoint
CREATE TABLE `work_signal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`raised_on` text NOT NULL,
	`raised_by` text NOT NULL,
	`description` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`action_taken` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "work_signal_status_ck" CHECK("work_signal"."status" in ('open', 'in_progress', 'resolved', 'not_taken_up'))
);
--> statement-breakpoint
CREATE INDEX `work_signal_raised_idx` ON `work_signal` (`raised_on`);