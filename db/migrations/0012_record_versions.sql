ALTER TABLE `cjib_handoff` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `court_session` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `criminal_case` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `decision` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `district_setting` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `person` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `reservation` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `session_template` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `suspect` ADD `version` integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
-- Every change of a record adds 1 to its version (written by hand: drizzle-kit does not model triggers).
-- A case counts as changed when one of its own fields changes (not its cached limits or chain steps), and
-- when its suspect, hearings, hearing outcomes, preconditions or ZSM decisions change; a decision when its sanctions do.
CREATE TRIGGER `criminal_case_version_au` AFTER UPDATE ON `criminal_case` WHEN new.`version` = old.`version` AND (new.`parketnummer` IS NOT old.`parketnummer` OR new.`suspect_id` IS NOT old.`suspect_id` OR new.`modality` IS NOT old.`modality` OR new.`filler_kind` IS NOT old.`filler_kind` OR new.`status` IS NOT old.`status` OR new.`police_unit` IS NOT old.`police_unit` OR new.`offence_summary` IS NOT old.`offence_summary` OR new.`offence_at` IS NOT old.`offence_at` OR new.`arrested_at` IS NOT old.`arrested_at` OR new.`created_at` IS NOT old.`created_at` OR new.`custody_ordered_at` IS NOT old.`custody_ordered_at` OR new.`custody_extended_at` IS NOT old.`custody_extended_at` OR new.`remand_ordered_at` IS NOT old.`remand_ordered_at` OR new.`summons_served_at` IS NOT old.`summons_served_at` OR new.`short_term_consent` IS NOT old.`short_term_consent` OR new.`judgment_at` IS NOT old.`judgment_at` OR new.`penalty_order_delivered_at` IS NOT old.`penalty_order_delivered_at` OR new.`co_defendant_group` IS NOT old.`co_defendant_group` OR new.`estimated_minutes` IS NOT old.`estimated_minutes`) BEGIN UPDATE `criminal_case` SET `version` = old.`version` + 1 WHERE `id` = new.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `suspect_version_au` AFTER UPDATE ON `suspect` WHEN new.`version` = old.`version` AND (new.`full_name` IS NOT old.`full_name` OR new.`date_of_birth` IS NOT old.`date_of_birth` OR new.`summons_address` IS NOT old.`summons_address` OR new.`lawyer_name` IS NOT old.`lawyer_name`) BEGIN UPDATE `suspect` SET `version` = old.`version` + 1 WHERE `id` = new.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `court_session_version_au` AFTER UPDATE ON `court_session` WHEN new.`version` = old.`version` AND (new.`courtroom_id` IS NOT old.`courtroom_id` OR new.`date` IS NOT old.`date` OR new.`daypart` IS NOT old.`daypart` OR new.`start_time` IS NOT old.`start_time` OR new.`end_time` IS NOT old.`end_time` OR new.`session_type` IS NOT old.`session_type` OR new.`capacity_slots` IS NOT old.`capacity_slots` OR new.`capacity_minutes` IS NOT old.`capacity_minutes` OR new.`accepted_modalities` IS NOT old.`accepted_modalities` OR new.`accepted_filler_kinds` IS NOT old.`accepted_filler_kinds` OR new.`overbooking_slots` IS NOT old.`overbooking_slots` OR new.`judge_id` IS NOT old.`judge_id` OR new.`prosecutor_id` IS NOT old.`prosecutor_id` OR new.`template_id` IS NOT old.`template_id` OR new.`status` IS NOT old.`status` OR new.`cancel_reason` IS NOT old.`cancel_reason` OR new.`created_at` IS NOT old.`created_at`) BEGIN UPDATE `court_session` SET `version` = old.`version` + 1 WHERE `id` = new.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `session_template_version_au` AFTER UPDATE ON `session_template` WHEN new.`version` = old.`version` AND (new.`courtroom_id` IS NOT old.`courtroom_id` OR new.`name` IS NOT old.`name` OR new.`weekdays` IS NOT old.`weekdays` OR new.`daypart` IS NOT old.`daypart` OR new.`start_time` IS NOT old.`start_time` OR new.`end_time` IS NOT old.`end_time` OR new.`session_type` IS NOT old.`session_type` OR new.`capacity_slots` IS NOT old.`capacity_slots` OR new.`capacity_minutes` IS NOT old.`capacity_minutes` OR new.`accepted_modalities` IS NOT old.`accepted_modalities` OR new.`accepted_filler_kinds` IS NOT old.`accepted_filler_kinds` OR new.`overbooking_slots` IS NOT old.`overbooking_slots` OR new.`valid_from` IS NOT old.`valid_from` OR new.`valid_until` IS NOT old.`valid_until` OR new.`active` IS NOT old.`active` OR new.`created_at` IS NOT old.`created_at`) BEGIN UPDATE `session_template` SET `version` = old.`version` + 1 WHERE `id` = new.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `person_version_au` AFTER UPDATE ON `person` WHEN new.`version` = old.`version` AND (new.`name` IS NOT old.`name` OR new.`role` IS NOT old.`role` OR new.`active` IS NOT old.`active` OR new.`created_at` IS NOT old.`created_at`) BEGIN UPDATE `person` SET `version` = old.`version` + 1 WHERE `id` = new.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `reservation_version_au` AFTER UPDATE ON `reservation` WHEN new.`version` = old.`version` AND (new.`session_id` IS NOT old.`session_id` OR new.`modality` IS NOT old.`modality` OR new.`slots` IS NOT old.`slots` OR new.`reserved_by` IS NOT old.`reserved_by` OR new.`reserved_at` IS NOT old.`reserved_at` OR new.`note` IS NOT old.`note` OR new.`release_due_on` IS NOT old.`release_due_on` OR new.`released_at` IS NOT old.`released_at` OR new.`released_by` IS NOT old.`released_by` OR new.`release_kind` IS NOT old.`release_kind` OR new.`released_slots` IS NOT old.`released_slots`) BEGIN UPDATE `reservation` SET `version` = old.`version` + 1 WHERE `id` = new.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `decision_version_au` AFTER UPDATE ON `decision` WHEN new.`version` = old.`version` AND (new.`case_id` IS NOT old.`case_id` OR new.`hearing_id` IS NOT old.`hearing_id` OR new.`kind` IS NOT old.`kind` OR new.`decided_at` IS NOT old.`decided_at` OR new.`decided_by` IS NOT old.`decided_by` OR new.`suspect_present` IS NOT old.`suspect_present` OR new.`conditions` IS NOT old.`conditions` OR new.`judgment_signed_at` IS NOT old.`judgment_signed_at` OR new.`remedy` IS NOT old.`remedy` OR new.`remedy_filed_at` IS NOT old.`remedy_filed_at` OR new.`fit_for_community_service` IS NOT old.`fit_for_community_service` OR new.`fit_for_detention` IS NOT old.`fit_for_detention` OR new.`payment_arrangement` IS NOT old.`payment_arrangement` OR new.`problematic_debts` IS NOT old.`problematic_debts` OR new.`signals_note` IS NOT old.`signals_note` OR new.`recorded_by` IS NOT old.`recorded_by` OR new.`recorded_at` IS NOT old.`recorded_at`) BEGIN UPDATE `decision` SET `version` = old.`version` + 1 WHERE `id` = new.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `cjib_handoff_version_au` AFTER UPDATE ON `cjib_handoff` WHEN new.`version` = old.`version` AND (new.`decision_id` IS NOT old.`decision_id` OR new.`correlation_id` IS NOT old.`correlation_id` OR new.`status` IS NOT old.`status` OR new.`attempt` IS NOT old.`attempt` OR new.`last_batch_id` IS NOT old.`last_batch_id` OR new.`sent_at` IS NOT old.`sent_at` OR new.`acknowledged_at` IS NOT old.`acknowledged_at` OR new.`returned_at` IS NOT old.`returned_at` OR new.`return_code` IS NOT old.`return_code` OR new.`return_reason` IS NOT old.`return_reason` OR new.`return_count` IS NOT old.`return_count` OR new.`created_at` IS NOT old.`created_at`) BEGIN UPDATE `cjib_handoff` SET `version` = old.`version` + 1 WHERE `id` = new.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `district_setting_version_au` AFTER UPDATE ON `district_setting` WHEN new.`version` = old.`version` AND (new.`key` IS NOT old.`key` OR new.`value` IS NOT old.`value` OR new.`updated_at` IS NOT old.`updated_at` OR new.`updated_by` IS NOT old.`updated_by`) BEGIN UPDATE `district_setting` SET `version` = old.`version` + 1 WHERE `key` = new.`key`; END;
--> statement-breakpoint
CREATE TRIGGER `suspect_case_version_au` AFTER UPDATE ON `suspect` WHEN new.`version` <> old.`version` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `suspect_id` = new.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `hearing_criminal_case_version_ai` AFTER INSERT ON `hearing` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = new.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `hearing_criminal_case_version_au` AFTER UPDATE ON `hearing` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = new.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `hearing_criminal_case_version_ad` AFTER DELETE ON `hearing` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = old.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `case_precondition_criminal_case_version_ai` AFTER INSERT ON `case_precondition` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = new.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `case_precondition_criminal_case_version_au` AFTER UPDATE ON `case_precondition` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = new.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `case_precondition_criminal_case_version_ad` AFTER DELETE ON `case_precondition` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = old.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `hearing_outcome_criminal_case_version_ai` AFTER INSERT ON `hearing_outcome` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = (SELECT `case_id` FROM `hearing` WHERE `id` = new.`hearing_id`); END;
--> statement-breakpoint
CREATE TRIGGER `hearing_outcome_criminal_case_version_au` AFTER UPDATE ON `hearing_outcome` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = (SELECT `case_id` FROM `hearing` WHERE `id` = new.`hearing_id`); END;
--> statement-breakpoint
CREATE TRIGGER `hearing_outcome_criminal_case_version_ad` AFTER DELETE ON `hearing_outcome` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = (SELECT `case_id` FROM `hearing` WHERE `id` = old.`hearing_id`); END;
--> statement-breakpoint
CREATE TRIGGER `sanction_decision_version_ai` AFTER INSERT ON `sanction` BEGIN UPDATE `decision` SET `version` = `version` + 1 WHERE `id` = new.`decision_id`; END;
--> statement-breakpoint
CREATE TRIGGER `sanction_decision_version_au` AFTER UPDATE ON `sanction` BEGIN UPDATE `decision` SET `version` = `version` + 1 WHERE `id` = new.`decision_id`; END;
--> statement-breakpoint
CREATE TRIGGER `sanction_decision_version_ad` AFTER DELETE ON `sanction` BEGIN UPDATE `decision` SET `version` = `version` + 1 WHERE `id` = old.`decision_id`; END;
--> statement-breakpoint
CREATE TRIGGER `zsm_decision_case_version_ai` AFTER INSERT ON `zsm_decision` BEGIN UPDATE `criminal_case` SET `version` = `version` + 1 WHERE `id` = new.`case_id`; END;
