CREATE TABLE `case_precondition` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`expected_on` text,
	`met_on` text,
	`note` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `criminal_case`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "case_precondition_kind_ck" CHECK("case_precondition"."kind" in ('dossier', 'advice_3ro', 'advice_nifp', 'advice_nfi', 'advice_rvdk', 'advice_shn', 'interpreter', 'lawyer_informed', 'victim_informed')),
	CONSTRAINT "case_precondition_status_ck" CHECK("case_precondition"."status" in ('pending', 'met', 'not_needed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_precondition_case_kind_uq` ON `case_precondition` (`case_id`,`kind`);--> statement-breakpoint
CREATE TABLE `location_closure` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`location_id` integer NOT NULL,
	`date` text NOT NULL,
	`reason` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `court_location`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `location_closure_location_date_uq` ON `location_closure` (`location_id`,`date`);--> statement-breakpoint
CREATE TABLE `person_unavailability` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`reason` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "person_unavailability_range_ck" CHECK("person_unavailability"."from_date" <= "person_unavailability"."to_date")
);
--> statement-breakpoint
CREATE INDEX `person_unavailability_person_idx` ON `person_unavailability` (`person_id`,`from_date`);--> statement-breakpoint
CREATE TABLE `person` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "person_role_ck" CHECK("person"."role" in ('politierechter', 'rc_politierechter', 'ovj'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_name_role_uq` ON `person` (`name`,`role`);--> statement-breakpoint
CREATE TABLE `reservation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`modality` text NOT NULL,
	`slots` integer NOT NULL,
	`reserved_by` text NOT NULL,
	`reserved_at` text NOT NULL,
	`note` text,
	`release_due_on` text NOT NULL,
	`released_at` text,
	`released_by` text,
	`release_kind` text,
	`released_slots` integer,
	FOREIGN KEY (`session_id`) REFERENCES `court_session`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reservation_modality_ck" CHECK("reservation"."modality" in ('supersnelrecht', 'snelrecht', 'snelrecht_nd')),
	CONSTRAINT "reservation_slots_ck" CHECK("reservation"."slots" > 0),
	CONSTRAINT "reservation_release_kind_ck" CHECK("reservation"."release_kind" is null or "reservation"."release_kind" in ('manual', 'auto'))
);
--> statement-breakpoint
CREATE INDEX `reservation_session_idx` ON `reservation` (`session_id`);--> statement-breakpoint
CREATE INDEX `reservation_release_idx` ON `reservation` (`released_at`,`release_due_on`);--> statement-breakpoint
CREATE TABLE `session_template` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`courtroom_id` integer NOT NULL,
	`name` text NOT NULL,
	`weekdays` text NOT NULL,
	`daypart` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`session_type` text NOT NULL,
	`capacity_slots` integer NOT NULL,
	`capacity_minutes` integer NOT NULL,
	`accepted_modalities` text NOT NULL,
	`accepted_filler_kinds` text DEFAULT '' NOT NULL,
	`overbooking_slots` integer DEFAULT 0 NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`courtroom_id`) REFERENCES `courtroom`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "session_template_daypart_ck" CHECK("session_template"."daypart" in ('morning', 'afternoon', 'full_day')),
	CONSTRAINT "session_template_type_ck" CHECK("session_template"."session_type" in ('supersnelrecht', 'snelrecht', 'snelrecht_nd', 'mixed')),
	CONSTRAINT "session_template_capacity_ck" CHECK("session_template"."capacity_slots" >= 0 and "session_template"."capacity_minutes" >= 0 and "session_template"."overbooking_slots" >= 0)
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_court_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`courtroom_id` integer NOT NULL,
	`date` text NOT NULL,
	`daypart` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`session_type` text NOT NULL,
	`capacity_slots` integer NOT NULL,
	`capacity_minutes` integer NOT NULL,
	`accepted_modalities` text DEFAULT '' NOT NULL,
	`accepted_filler_kinds` text DEFAULT '' NOT NULL,
	`overbooking_slots` integer DEFAULT 0 NOT NULL,
	`judge_name` text,
	`prosecutor_name` text,
	`judge_id` integer,
	`prosecutor_id` integer,
	`template_id` integer,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`cancel_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`courtroom_id`) REFERENCES `courtroom`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`judge_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prosecutor_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `session_template`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "court_session_daypart_ck" CHECK("__new_court_session"."daypart" in ('morning', 'afternoon', 'full_day')),
	CONSTRAINT "court_session_type_ck" CHECK("__new_court_session"."session_type" in ('supersnelrecht', 'snelrecht', 'snelrecht_nd', 'mixed')),
	CONSTRAINT "court_session_status_ck" CHECK("__new_court_session"."status" in ('scheduled', 'cancelled')),
	CONSTRAINT "court_session_capacity_ck" CHECK("__new_court_session"."capacity_slots" >= 0 and "__new_court_session"."capacity_minutes" >= 0 and "__new_court_session"."overbooking_slots" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_court_session`("id", "courtroom_id", "date", "daypart", "start_time", "end_time", "session_type", "capacity_slots", "capacity_minutes", "accepted_modalities", "judge_name", "prosecutor_name", "status", "created_at") SELECT "id", "courtroom_id", "date", "daypart", "start_time", "end_time", "session_type", "capacity_slots", "capacity_minutes", CASE "session_type" WHEN 'supersnelrecht' THEN 'supersnelrecht' WHEN 'snelrecht' THEN 'snelrecht,supersnelrecht' WHEN 'snelrecht_nd' THEN 'snelrecht_nd,filler' ELSE 'supersnelrecht,snelrecht,snelrecht_nd,filler' END, "judge_name", "prosecutor_name", "status", "created_at" FROM `court_session`;--> statement-breakpoint
DROP TABLE `court_session`;--> statement-breakpoint
ALTER TABLE `__new_court_session` RENAME TO `court_session`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `court_session_room_date_daypart_uq` ON `court_session` (`courtroom_id`,`date`,`daypart`);--> statement-breakpoint
CREATE INDEX `court_session_date_idx` ON `court_session` (`date`);--> statement-breakpoint
CREATE INDEX `court_session_template_idx` ON `court_session` (`template_id`,`date`);--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `co_defendant_group` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `estimated_minutes` integer;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `ready_from` text;--> statement-breakpoint
CREATE INDEX `criminal_case_group_idx` ON `criminal_case` (`co_defendant_group`);--> statement-breakpoint
INSERT INTO `person` (`name`, `role`) SELECT min(trim(`judge_name`)), 'politierechter' FROM `court_session` WHERE trim(coalesce(`judge_name`, '')) != '' GROUP BY lower(trim(`judge_name`));--> statement-breakpoint
INSERT INTO `person` (`name`, `role`) SELECT min(trim(`prosecutor_name`)), 'ovj' FROM `court_session` WHERE trim(coalesce(`prosecutor_name`, '')) != '' GROUP BY lower(trim(`prosecutor_name`));--> statement-breakpoint
UPDATE `court_session` SET `judge_id` = (SELECT `id` FROM `person` WHERE lower(`person`.`name`) = lower(trim(`court_session`.`judge_name`)) AND `person`.`role` = 'politierechter') WHERE trim(coalesce(`judge_name`, '')) != '';--> statement-breakpoint
UPDATE `court_session` SET `prosecutor_id` = (SELECT `id` FROM `person` WHERE lower(`person`.`name`) = lower(trim(`court_session`.`prosecutor_name`)) AND `person`.`role` = 'ovj') WHERE trim(coalesce(`prosecutor_name`, '')) != '';
