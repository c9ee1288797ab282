-- Written by hand: PostgreSQL's own roles and row-level security as a second line behind the API's role
-- check (issue 13, item 4; docs/postgresql.md). The API connects as ketenplanner_api, which holds no
-- rights of its own, and switches per transaction to the signed-in person's group role
-- (server/pg/with-user-role.ts: SET LOCAL ROLE kp_<role>, and the police unit in ketenplanner.police_unit).
-- So a query that forgets its WHERE still cannot show a police liaison another unit's cases, and a
-- reviewer cannot change anything.
--
-- Run by the database owner. Roles belong to the whole cluster: they are made only when missing, so a
-- second district database on the same cluster (or roles made beforehand by IT) is fine. Making them
-- needs CREATEROLE; an owner without it needs IT to make the roles first.
DO $$
DECLARE
  group_role text;
BEGIN
  FOREACH group_role IN ARRAY ARRAY['kp_coordinator', 'kp_prosecutor', 'kp_clerk', 'kp_police_liaison', 'kp_reviewer', 'kp_administrator'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_role) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT NOBYPASSRLS', group_role);
    END IF;
  END LOOP;
  -- No password here: IT gives it one (or a certificate) and keeps it out of the desktops.
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketenplanner_api') THEN
    CREATE ROLE ketenplanner_api LOGIN NOINHERIT NOBYPASSRLS;
  ELSIF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketenplanner_api' AND (rolsuper OR rolbypassrls OR rolinherit)) THEN
    RAISE EXCEPTION 'The role ketenplanner_api exists but is a superuser, bypasses row-level security or inherits its groups'' rights: make it NOSUPERUSER NOBYPASSRLS NOINHERIT (docs/postgresql.md).';
  END IF;
  FOREACH group_role IN ARRAY ARRAY['kp_coordinator', 'kp_prosecutor', 'kp_clerk', 'kp_police_liaison', 'kp_reviewer', 'kp_administrator'] LOOP
    IF NOT pg_has_role('ketenplanner_api', group_role, 'MEMBER') THEN
      EXECUTE format('GRANT %I TO ketenplanner_api', group_role);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- The server's readiness check compares the applied migrations with its own, as ketenplanner_api.
DO $$
BEGIN
  IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN
    GRANT USAGE ON SCHEMA drizzle TO ketenplanner_api;
    GRANT SELECT ON drizzle.__drizzle_migrations TO ketenplanner_api;
  END IF;
END $$;
--> statement-breakpoint
-- What each role may do, by table (docs/roles.md has the operations per role). Every role reads the
-- district's tables (row-level security below narrows the cases), writes the bookkeeping every operation
-- writes (audit trail, disclosure log, request ids, notifications marked done) and draws ids.
GRANT USAGE ON SCHEMA public TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator;
--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA public TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator;
--> statement-breakpoint
-- The disclosure log is read by the administrator only (disclosures.list); the others only add to it.
REVOKE SELECT ON personal_data_read FROM kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer;
--> statement-breakpoint
GRANT INSERT ON audit_event, personal_data_read TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator;
--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE ON processed_request, notification_done TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator;
--> statement-breakpoint
-- Court: capacity, rota, people, planning and moves (hearings, the case's planning columns), reservations
-- a move releases, the review register.
GRANT INSERT, UPDATE, DELETE ON session_template, court_session, location_closure, person, person_unavailability, hearing, reservation, review_agreement, work_signal TO kp_coordinator;
--> statement-breakpoint
GRANT UPDATE ON criminal_case TO kp_coordinator;
--> statement-breakpoint
-- OM: intake, ZSM decisions, preconditions, reservations and filling them, penalty orders.
GRANT INSERT, UPDATE ON suspect, criminal_case TO kp_prosecutor;
--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE ON case_precondition, zsm_decision, reservation, hearing, decision, sanction TO kp_prosecutor;
--> statement-breakpoint
-- Court clerks: outcomes, decisions, the CJIB hand-off and what comes back.
GRANT UPDATE ON criminal_case, hearing TO kp_clerk;
--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE ON hearing_outcome, decision, sanction, cjib_handoff, cjib_batch, cjib_batch_item, cjib_message, sanction_execution TO kp_clerk;
--> statement-breakpoint
-- Police: the intake of their own unit (row-level security keeps it to that unit).
GRANT INSERT, UPDATE ON suspect, criminal_case, case_precondition TO kp_police_liaison;
--> statement-breakpoint
-- The district's administrator: settings, the district, retention (pseudonymising), the demo district.
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kp_administrator;
--> statement-breakpoint
-- Tables of later migrations: readable by every role, writable by the administrator, ids for all. Rights
-- beyond that, and row-level security for a table with personal data, are that migration's own work.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE ON TABLES TO kp_administrator;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator;
--> statement-breakpoint
-- kp_reviewer: nothing more. It reads, and writes only the bookkeeping above.
--
-- The police unit of the transaction (set by withUserRole with set_config(..., true)); null when unset or
-- set to '' (a custom setting reads '' in a session once a transaction has set it locally).
CREATE FUNCTION current_police_unit() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('ketenplanner.police_unit', true), '');
$$;
--> statement-breakpoint
-- Whether a suspect has any case at all, whoever may see it: a police liaison sees a suspect of its own
-- unit's cases, and a suspect it has just written that has no case yet (cases.create writes the suspect
-- first), but not a suspect whose cases are all of other units.
CREATE FUNCTION suspect_has_case(suspect integer) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM criminal_case c WHERE c.suspect_id = suspect);
$$;
--> statement-breakpoint
-- Row-level security, forced (so it holds for the owner too) on the case and everything that hangs off
-- it. The court's and the OM's roles, the reviewer and the administrator see the district; the table
-- grants above decide what they may change. The owner keeps every row (migrations, the import of a
-- standalone district), by a policy of its own.
DO $$
DECLARE
  guarded text;
BEGIN
  FOREACH guarded IN ARRAY ARRAY['criminal_case', 'suspect', 'hearing', 'zsm_decision', 'case_precondition', 'hearing_outcome', 'decision', 'sanction',
                                 'sanction_execution', 'cjib_handoff', 'cjib_batch', 'cjib_batch_item', 'cjib_message', 'case_search', 'personal_data_read', 'audit_event',
                                 'processed_request'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', guarded);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', guarded);
    EXECUTE format('CREATE POLICY %I ON %I TO kp_coordinator, kp_prosecutor, kp_clerk, kp_reviewer, kp_administrator USING (true) WITH CHECK (true)', guarded || '_district', guarded);
    EXECUTE format('CREATE POLICY %I ON %I TO %I USING (true) WITH CHECK (true)', guarded || '_owner', guarded, current_user);
  END LOOP;
END $$;
--> statement-breakpoint
-- A police liaison: only the cases of its own unit, and rows of those cases. Policies of the tables below
-- criminal_case ask for a row they can see one step up, which row-level security of that table decides.
-- No unit set: nothing. cjib_batch (whole batches of many cases) has no policy for them: nothing.
CREATE POLICY criminal_case_own_unit ON criminal_case TO kp_police_liaison
  USING (police_unit = current_police_unit()) WITH CHECK (police_unit = current_police_unit());
--> statement-breakpoint
CREATE POLICY suspect_own_unit_read ON suspect FOR SELECT TO kp_police_liaison
  USING (EXISTS (SELECT 1 FROM criminal_case c WHERE c.suspect_id = suspect.id) OR NOT suspect_has_case(suspect.id));
--> statement-breakpoint
CREATE POLICY suspect_own_unit_insert ON suspect FOR INSERT TO kp_police_liaison WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY suspect_own_unit_update ON suspect FOR UPDATE TO kp_police_liaison
  USING (EXISTS (SELECT 1 FROM criminal_case c WHERE c.suspect_id = suspect.id) OR NOT suspect_has_case(suspect.id)) WITH CHECK (true);
--> statement-breakpoint
DO $$
DECLARE
  by_case text;
BEGIN
  FOREACH by_case IN ARRAY ARRAY['hearing', 'zsm_decision', 'case_precondition', 'decision', 'case_search', 'personal_data_read'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I TO kp_police_liaison USING (EXISTS (SELECT 1 FROM criminal_case c WHERE c.id = %I.case_id)) WITH CHECK (EXISTS (SELECT 1 FROM criminal_case c WHERE c.id = %I.case_id))',
      by_case || '_own_unit', by_case, by_case, by_case);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY hearing_outcome_own_unit ON hearing_outcome TO kp_police_liaison
  USING (EXISTS (SELECT 1 FROM hearing h WHERE h.id = hearing_outcome.hearing_id)) WITH CHECK (EXISTS (SELECT 1 FROM hearing h WHERE h.id = hearing_outcome.hearing_id));
--> statement-breakpoint
CREATE POLICY sanction_own_unit ON sanction TO kp_police_liaison
  USING (EXISTS (SELECT 1 FROM decision d WHERE d.id = sanction.decision_id)) WITH CHECK (EXISTS (SELECT 1 FROM decision d WHERE d.id = sanction.decision_id));
--> statement-breakpoint
CREATE POLICY cjib_handoff_own_unit ON cjib_handoff TO kp_police_liaison
  USING (EXISTS (SELECT 1 FROM decision d WHERE d.id = cjib_handoff.decision_id)) WITH CHECK (EXISTS (SELECT 1 FROM decision d WHERE d.id = cjib_handoff.decision_id));
--> statement-breakpoint
CREATE POLICY sanction_execution_own_unit ON sanction_execution TO kp_police_liaison
  USING (EXISTS (SELECT 1 FROM sanction n WHERE n.id = sanction_execution.sanction_id)) WITH CHECK (EXISTS (SELECT 1 FROM sanction n WHERE n.id = sanction_execution.sanction_id));
--> statement-breakpoint
CREATE POLICY cjib_message_own_unit ON cjib_message TO kp_police_liaison
  USING (EXISTS (SELECT 1 FROM cjib_handoff f WHERE f.id = cjib_message.handoff_id)) WITH CHECK (EXISTS (SELECT 1 FROM cjib_handoff f WHERE f.id = cjib_message.handoff_id));
--> statement-breakpoint
CREATE POLICY cjib_batch_item_own_unit ON cjib_batch_item TO kp_police_liaison
  USING (EXISTS (SELECT 1 FROM cjib_handoff f WHERE f.id = cjib_batch_item.handoff_id)) WITH CHECK (EXISTS (SELECT 1 FROM cjib_handoff f WHERE f.id = cjib_batch_item.handoff_id));
--> statement-breakpoint
-- The audit trail: a police liaison reads the lines of what it may see (a case's timeline), and adds
-- lines for whatever it does (a refusal included).
CREATE POLICY audit_event_own_unit_read ON audit_event FOR SELECT TO kp_police_liaison USING (
  (entity_type = 'case' AND EXISTS (SELECT 1 FROM criminal_case c WHERE c.id = audit_event.entity_id))
  OR (entity_type = 'hearing' AND EXISTS (SELECT 1 FROM hearing h WHERE h.id = audit_event.entity_id))
  OR (entity_type = 'decision' AND EXISTS (SELECT 1 FROM decision d WHERE d.id = audit_event.entity_id))
  OR (entity_type = 'cjib_handoff' AND EXISTS (SELECT 1 FROM cjib_handoff f WHERE f.id = audit_event.entity_id)));
--> statement-breakpoint
CREATE POLICY audit_event_own_unit_insert ON audit_event FOR INSERT TO kp_police_liaison WITH CHECK (true);
--> statement-breakpoint
-- The answers kept per request id (idempotent writes) hold what the answer showed: a police liaison
-- gets back only its own (ketenplanner.actor, set by withUserRole next to the unit).
CREATE POLICY processed_request_own_actor ON processed_request TO kp_police_liaison
  USING (actor = nullif(current_setting('ketenplanner.actor', true), '')) WITH CHECK (actor = nullif(current_setting('ketenplanner.actor', true), ''));
