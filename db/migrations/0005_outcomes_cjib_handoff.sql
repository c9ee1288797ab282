CREATE TABLE `cjib_batch_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`handoff_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `cjib_batch`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handoff_id`) REFERENCES `cjib_handoff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cjib_batch_item_uq` ON `cjib_batch_item` (`batch_id`,`handoff_id`);--> statement-breakpoint
CREATE INDEX `cjib_batch_item_handoff_idx` ON `cjib_batch_item` (`handoff_id`);--> statement-breakpoint
CREATE TABLE `cjib_batch` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_uid` text NOT NULL,
	`format_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`decision_count` integer NOT NULL,
	`checksum` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cjib_batch_batch_uid_unique` ON `cjib_batch` (`batch_uid`);--> statement-breakpoint
CREATE TABLE `cjib_handoff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`correlation_id` text NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`attempt` integer DEFAULT 0 NOT NULL,
	`last_batch_id` integer,
	`sent_at` text,
	`acknowledged_at` text,
	`returned_at` text,
	`return_code` text,
	`return_reason` text,
	`return_count` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `decision`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_batch_id`) REFERENCES `cjib_batch`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cjib_handoff_status_ck" CHECK("cjib_handoff"."status" in ('waiting', 'sent', 'acknowledged', 'returned'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cjib_handoff_decision_id_unique` ON `cjib_handoff` (`decision_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `cjib_handoff_correlation_id_unique` ON `cjib_handoff` (`correlation_id`);--> statement-breakpoint
CREATE INDEX `cjib_handoff_status_idx` ON `cjib_handoff` (`status`);--> statement-breakpoint
CREATE TABLE `cjib_message` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_key` text NOT NULL,
	`kind` text NOT NULL,
	`handoff_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`occurred_at` text NOT NULL,
	`file_name` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	`payload` text NOT NULL,
	FOREIGN KEY (`handoff_id`) REFERENCES `cjib_handoff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cjib_message_kind_ck" CHECK("cjib_message"."kind" in ('ack', 'return', 'execution'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cjib_message_message_key_unique` ON `cjib_message` (`message_key`);--> statement-breakpoint
CREATE INDEX `cjib_message_handoff_idx` ON `cjib_message` (`handoff_id`);--> statement-breakpoint
CREATE TABLE `decision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`hearing_id` integer,
	`kind` text NOT NULL,
	`decided_at` text NOT NULL,
	`decided_by` text NOT NULL,
	`suspect_present` integer,
	`conditions` text,
	`judgment_signed_at` text,
	`remedy` text DEFAULT 'none' NOT NULL,
	`remedy_filed_at` text,
	`fit_for_community_service` text DEFAULT 'unknown' NOT NULL,
	`fit_for_detention` text DEFAULT 'unknown' NOT NULL,
	`payment_arrangement` text DEFAULT 'unknown' NOT NULL,
	`problematic_debts` text DEFAULT 'unknown' NOT NULL,
	`signals_note` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `criminal_case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hearing_id`) REFERENCES `hearing`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decision_kind_ck" CHECK("decision"."kind" in ('judgment', 'penalty_order')),
	CONSTRAINT "decision_remedy_ck" CHECK("decision"."remedy" in ('none', 'appeal', 'verzet')),
	CONSTRAINT "decision_signals_ck" CHECK("decision"."fit_for_community_service" in ('yes', 'no', 'unknown') and "decision"."fit_for_detention" in ('yes', 'no', 'unknown') and "decision"."payment_arrangement" in ('yes', 'no', 'unknown') and "decision"."problematic_debts" in ('yes', 'no', 'unknown'))
);
--> statement-breakpoint
CREATE INDEX `decision_case_idx` ON `decision` (`case_id`);--> statement-breakpoint
CREATE TABLE `hearing_outcome` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hearing_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`suspect_present` integer,
	`adjournment_reason` text,
	`resume_from` text,
	`note` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`hearing_id`) REFERENCES `hearing`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hearing_outcome_outcome_ck" CHECK("hearing_outcome"."outcome" in ('decided', 'adjourned', 'not_appeared', 'withdrawn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hearing_outcome_hearing_id_unique` ON `hearing_outcome` (`hearing_id`);--> statement-breakpoint
CREATE TABLE `sanction_execution` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sanction_id` integer NOT NULL,
	`status` text NOT NULL,
	`occurred_at` text NOT NULL,
	`message_id` integer NOT NULL,
	FOREIGN KEY (`sanction_id`) REFERENCES `sanction`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`message_id`) REFERENCES `cjib_message`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sanction_execution_status_ck" CHECK("sanction_execution"."status" in ('fine_paid_in_full', 'fine_paid_by_arrangement', 'fine_collection_stopped', 'community_service_started', 'community_service_completed', 'community_service_failed', 'custodial_self_reported', 'custodial_arrested', 'custodial_served'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sanction_execution_uq` ON `sanction_execution` (`sanction_id`,`status`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `sanction` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer,
	`hours` integer,
	`days` integer,
	`conditional` integer DEFAULT false NOT NULL,
	`probation_months` integer,
	`substitute_detention_days` integer,
	`description` text,
	FOREIGN KEY (`decision_id`) REFERENCES `decision`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sanction_kind_ck" CHECK("sanction"."kind" in ('fine', 'community_service', 'custodial', 'compensation_order', 'other_measure'))
);
--> statement-breakpoint
CREATE INDEX `sanction_decision_idx` ON `sanction` (`decision_id`);