-- Written by hand (issue 13, the operation suite on PostgreSQL).
--
-- monitoring.export (coordinator and reviewer, docs/roles.md) makes the district's monitoring key on the
-- first export (server/services/monitoring/monitoring-key.ts). Those roles may add that one setting and
-- nothing else: row-level security on district_setting keeps their insert to the key 'monitoringKey'; the
-- administrator keeps every setting, every role still reads them, the owner keeps every row.
GRANT INSERT ON district_setting TO kp_coordinator, kp_reviewer;
--> statement-breakpoint
ALTER TABLE district_setting ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE district_setting FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY district_setting_read ON district_setting FOR SELECT TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer USING (true);
--> statement-breakpoint
CREATE POLICY district_setting_monitoring_key ON district_setting FOR INSERT TO kp_coordinator, kp_reviewer WITH CHECK (key = 'monitoringKey');
--> statement-breakpoint
CREATE POLICY district_setting_administrator ON district_setting TO kp_administrator USING (true) WITH CHECK (true);
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('CREATE POLICY district_setting_owner ON district_setting TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
--> statement-breakpoint
-- A refused request is audited in the connection's own rights (server/services/api-handler.ts, refuse):
-- the person may hold no role at all, so no group role is taken. ketenplanner_api may add exactly that
-- row (action 'access.refused' about an operation) and read nothing.
GRANT INSERT ON audit_event TO ketenplanner_api;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ketenplanner_api;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_event_id_seq TO ketenplanner_api;
--> statement-breakpoint
CREATE POLICY audit_event_access_refused ON audit_event FOR INSERT TO ketenplanner_api WITH CHECK (action = 'access.refused' AND entity_type = 'operation');
