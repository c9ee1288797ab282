CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurred_at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`reason` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_event_entity_idx` ON `audit_event` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_event_occurred_idx` ON `audit_event` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `court_location` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`name` text NOT NULL,
	`city` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `district`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `court_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`courtroom_id` integer NOT NULL,
	`date` text NOT NULL,
	`daypart` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`session_type` text NOT NULL,
	`capacity_slots` integer NOT NULL,
	`capacity_minutes` integer NOT NULL,
	`judge_name` text,
	`prosecutor_name` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`courtroom_id`) REFERENCES `courtroom`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "court_session_daypart_ck" CHECK("court_session"."daypart" in ('morning', 'afternoon', 'full_day')),
	CONSTRAINT "court_session_type_ck" CHECK("court_session"."session_type" in ('supersnelrecht', 'snelrecht', 'snelrecht_nd', 'mixed')),
	CONSTRAINT "court_session_status_ck" CHECK("court_session"."status" in ('scheduled', 'cancelled')),
	CONSTRAINT "court_session_capacity_ck" CHECK("court_session"."capacity_slots" >= 0 and "court_session"."capacity_minutes" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `court_session_room_date_daypart_uq` ON `court_session` (`courtroom_id`,`date`,`daypart`);--> statement-breakpoint
CREATE INDEX `court_session_date_idx` ON `court_session` (`date`);--> statement-breakpoint
CREATE TABLE `courtroom` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`location_id` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `court_location`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `courtroom_location_name_uq` ON `courtroom` (`location_id`,`name`);--> statement-breakpoint
CREATE TABLE `criminal_case` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parketnummer` text NOT NULL,
	`suspect_id` integer NOT NULL,
	`modality` text NOT NULL,
	`filler_kind` text,
	`status` text DEFAULT 'intake' NOT NULL,
	`police_unit` text NOT NULL,
	`offence_summary` text NOT NULL,
	`offence_at` text,
	`arrested_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`suspect_id`) REFERENCES `suspect`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "criminal_case_modality_ck" CHECK("criminal_case"."modality" in ('zsm', 'supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler')),
	CONSTRAINT "criminal_case_status_ck" CHECK("criminal_case"."status" in ('intake', 'zsm_decided', 'awaiting_planning', 'planned', 'heard', 'decided', 'adjourned', 'handed_to_cjib', 'in_execution', 'completed', 'returned_from_cjib', 'withdrawn')),
	CONSTRAINT "criminal_case_filler_kind_ck" CHECK("criminal_case"."filler_kind" is null or "criminal_case"."filler_kind" in ('older_case', 'verzet', 'vtl', 'summoned_suspect', 'stock_case', 'adjourned_case'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `criminal_case_parketnummer_unique` ON `criminal_case` (`parketnummer`);--> statement-breakpoint
CREATE INDEX `criminal_case_status_idx` ON `criminal_case` (`status`);--> statement-breakpoint
CREATE INDEX `criminal_case_modality_idx` ON `criminal_case` (`modality`);--> statement-breakpoint
CREATE TABLE `district` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `district_code_unique` ON `district` (`code`);--> statement-breakpoint
CREATE TABLE `hearing` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`pinned` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `criminal_case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `court_session`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hearing_status_ck" CHECK("hearing"."status" in ('planned', 'held', 'adjourned', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `hearing_session_status_idx` ON `hearing` (`session_id`,`status`);--> statement-breakpoint
CREATE INDEX `hearing_case_idx` ON `hearing` (`case_id`);--> statement-breakpoint
CREATE TABLE `suspect` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`full_name` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`summons_address` text,
	`lawyer_name` text
);
