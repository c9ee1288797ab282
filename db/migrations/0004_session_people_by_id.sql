ALTER TABLE `court_session` DROP COLUMN `judge_name`;--> statement-breakpoint
ALTER TABLE `court_session` DROP COLUMN `prosecutor_name`;