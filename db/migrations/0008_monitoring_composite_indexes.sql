DROP INDEX `audit_event_entity_idx`;--> statement-breakpoint
CREATE INDEX `audit_event_entity_idx` ON `audit_event` (`entity_type`,`entity_id`,`action`);--> statement-breakpoint
DROP INDEX `decision_case_idx`;--> statement-breakpoint
CREATE INDEX `decision_case_idx` ON `decision` (`case_id`,`kind`,`decided_at`);--> statement-breakpoint
DROP INDEX `hearing_case_idx`;--> statement-breakpoint
CREATE INDEX `hearing_case_idx` ON `hearing` (`case_id`,`status`);