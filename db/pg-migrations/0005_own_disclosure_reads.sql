-- Every read of personal data is traced once per person, case and window (server/services/disclosures/
-- disclosure-log.ts): the operation first looks whether this person was already traced reading the case,
-- so every role needs to see its own rows of the disclosure log. Only its own: the log as a whole (who
-- read what) stays the administrator's (disclosures.list). A restrictive policy narrows the permissive
-- `personal_data_read_district` and `_own_unit` policies to the person's own reads (ketenplanner.actor,
-- set by withUserRole).
GRANT SELECT ON personal_data_read TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer;
--> statement-breakpoint
CREATE POLICY personal_data_read_own_reads ON personal_data_read AS RESTRICTIVE FOR SELECT TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer
  USING (actor = nullif(current_setting('ketenplanner.actor', true), ''));
