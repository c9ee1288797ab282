CREATE TABLE `district_setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `zsm_decision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`other_route` text,
	`prosecutor_name` text NOT NULL,
	`reason` text NOT NULL,
	`decided_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `criminal_case`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "zsm_decision_outcome_ck" CHECK("zsm_decision"."outcome" in ('strafbeschikking', 'sepot', 'summons_supersnelrecht', 'summons_snelrecht', 'summons_snelrecht_nd', 'other_route')),
	CONSTRAINT "zsm_decision_route_ck" CHECK(("zsm_decision"."outcome" = 'other_route') = ("zsm_decision"."other_route" is not null))
);
--> statement-breakpoint
CREATE INDEX `zsm_decision_case_idx` ON `zsm_decision` (`case_id`);--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `custody_ordered_at` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `custody_extended_at` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `remand_ordered_at` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `summons_served_at` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `short_term_consent` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `judgment_at` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `penalty_order_delivered_at` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `voorgeleiding_by` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `hearing_by` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `hearing_from` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `hearing_target_by` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `next_limit` text;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `next_limit_kind` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `queue_order` text DEFAULT '9999-12-31T23:59:59.999Z' NOT NULL;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `planning_gaps` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `criminal_case_queue_order_idx` ON `criminal_case` (`status`,`queue_order`,`id`);--> statement-breakpoint
CREATE INDEX `criminal_case_status_unit_idx` ON `criminal_case` (`status`,`police_unit`);