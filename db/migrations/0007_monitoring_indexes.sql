CREATE INDEX `cjib_handoff_sent_idx` ON `cjib_handoff` (`sent_at`);--> statement-breakpoint
CREATE INDEX `cjib_handoff_acknowledged_idx` ON `cjib_handoff` (`acknowledged_at`);--> statement-breakpoint
CREATE INDEX `cjib_handoff_returned_idx` ON `cjib_handoff` (`returned_at`);--> statement-breakpoint
CREATE INDEX `criminal_case_created_idx` ON `criminal_case` (`created_at`);--> statement-breakpoint
CREATE INDEX `decision_decided_idx` ON `decision` (`decided_at`);--> statement-breakpoint
CREATE INDEX `sanction_execution_occurred_idx` ON `sanction_execution` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `zsm_decision_decided_idx` ON `zsm_decision` (`decided_at`);