-- Written by hand (drizzle-kit does not model triggers): the PostgreSQL twins of SQLite's hand-written
-- parts that matter for correctness (ADR 25). The CHECK constraints come with the generated schema (0000).
--
-- Text instants and dates compare as text on both engines: that needs byte order, as SQLite's BINARY
-- collation. A database created with a language collation (en_US, nl_NL) would sort '2026-06-15 09:30' and
-- '2026-06-15T09:30' differently from SQLite, so the schema refuses it (and an ICU collation too).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = current_database() AND datlocprovider = 'c' AND datcollate IN ('C', 'POSIX', 'C.UTF-8', 'C.utf8')) THEN
    RAISE EXCEPTION 'The district database must use the C collation (text compared byte by byte, as on SQLite): create it with LC_COLLATE ''C'' (ADR 25).';
  END IF;
END $$;
--> statement-breakpoint
-- Migration 0012 of SQLite: every change of a record adds 1 to its version (optimistic locking,
-- server/services/context/versions.ts). SQLite lists the columns a trigger watches; here the trigger's
-- arguments list the columns it does NOT watch (the same sets: test/integration/postgres-schema.test.ts
-- compares them), and a BEFORE UPDATE trigger sets the new version in the row itself.
CREATE FUNCTION record_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version = OLD.version AND (to_jsonb(NEW) - TG_ARGV) IS DISTINCT FROM (to_jsonb(OLD) - TG_ARGV) THEN
    NEW.version := OLD.version + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- A row that belongs to a record (a hearing to its case, a sanction to its decision) changes that record's
-- version: arguments are the parent table and the column holding the parent's id.
CREATE FUNCTION parent_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  child jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
  EXECUTE format('UPDATE %I SET version = version + 1 WHERE id = $1', TG_ARGV[0]) USING (child ->> TG_ARGV[1])::integer;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A hearing outcome belongs to its hearing's case.
CREATE FUNCTION hearing_outcome_case_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  outcome_hearing integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.hearing_id ELSE NEW.hearing_id END;
BEGIN
  UPDATE criminal_case SET version = version + 1 WHERE id = (SELECT h.case_id FROM hearing h WHERE h.id = outcome_hearing);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A suspect's new version is a new version of each of their cases.
CREATE FUNCTION suspect_case_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE criminal_case SET version = version + 1 WHERE suspect_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER criminal_case_version_au BEFORE UPDATE ON criminal_case FOR EACH ROW EXECUTE FUNCTION record_version_bump('id', 'version', 'voorgeleiding_by', 'hearing_by', 'hearing_from', 'hearing_target_by', 'next_limit', 'next_limit_kind', 'queue_order', 'planning_gaps', 'ready_from', 'zsm_decided_at', 'first_hearing_local', 'handoff_sent_at', 'cjib_acknowledged_at', 'execution_completed_at');
--> statement-breakpoint
CREATE TRIGGER suspect_version_au BEFORE UPDATE ON suspect FOR EACH ROW EXECUTE FUNCTION record_version_bump('id', 'version');
--> statement-breakpoint
CREATE TRIGGER court_session_version_au BEFORE UPDATE ON court_session FOR EACH ROW EXECUTE FUNCTION record_version_bump('id', 'version');
--> statement-breakpoint
CREATE TRIGGER session_template_version_au BEFORE UPDATE ON session_template FOR EACH ROW EXECUTE FUNCTION record_version_bump('id', 'version');
--> statement-breakpoint
CREATE TRIGGER person_version_au BEFORE UPDATE ON person FOR EACH ROW EXECUTE FUNCTION record_version_bump('id', 'version');
--> statement-breakpoint
CREATE TRIGGER reservation_version_au BEFORE UPDATE ON reservation FOR EACH ROW EXECUTE FUNCTION record_version_bump('id', 'version', 'booked_before');
--> statement-breakpoint
CREATE TRIGGER decision_version_au BEFORE UPDATE ON decision FOR EACH ROW EXECUTE FUNCTION record_version_bump('id', 'version');
--> statement-breakpoint
CREATE TRIGGER cjib_handoff_version_au BEFORE UPDATE ON cjib_handoff FOR EACH ROW EXECUTE FUNCTION record_version_bump('id', 'version');
--> statement-breakpoint
CREATE TRIGGER district_setting_version_au BEFORE UPDATE ON district_setting FOR EACH ROW EXECUTE FUNCTION record_version_bump('version');
--> statement-breakpoint
CREATE TRIGGER suspect_case_version_au AFTER UPDATE ON suspect FOR EACH ROW WHEN (NEW.version <> OLD.version) EXECUTE FUNCTION suspect_case_version_bump();
--> statement-breakpoint
CREATE TRIGGER hearing_criminal_case_version_ai AFTER INSERT ON hearing FOR EACH ROW EXECUTE FUNCTION parent_version_bump('criminal_case', 'case_id');
--> statement-breakpoint
CREATE TRIGGER hearing_criminal_case_version_au AFTER UPDATE ON hearing FOR EACH ROW EXECUTE FUNCTION parent_version_bump('criminal_case', 'case_id');
--> statement-breakpoint
CREATE TRIGGER hearing_criminal_case_version_ad AFTER DELETE ON hearing FOR EACH ROW EXECUTE FUNCTION parent_version_bump('criminal_case', 'case_id');
--> statement-breakpoint
CREATE TRIGGER case_precondition_criminal_case_version_ai AFTER INSERT ON case_precondition FOR EACH ROW EXECUTE FUNCTION parent_version_bump('criminal_case', 'case_id');
--> statement-breakpoint
CREATE TRIGGER case_precondition_criminal_case_version_au AFTER UPDATE ON case_precondition FOR EACH ROW EXECUTE FUNCTION parent_version_bump('criminal_case', 'case_id');
--> statement-breakpoint
CREATE TRIGGER case_precondition_criminal_case_version_ad AFTER DELETE ON case_precondition FOR EACH ROW EXECUTE FUNCTION parent_version_bump('criminal_case', 'case_id');
--> statement-breakpoint
CREATE TRIGGER sanction_decision_version_ai AFTER INSERT ON sanction FOR EACH ROW EXECUTE FUNCTION parent_version_bump('decision', 'decision_id');
--> statement-breakpoint
CREATE TRIGGER sanction_decision_version_au AFTER UPDATE ON sanction FOR EACH ROW EXECUTE FUNCTION parent_version_bump('decision', 'decision_id');
--> statement-breakpoint
CREATE TRIGGER sanction_decision_version_ad AFTER DELETE ON sanction FOR EACH ROW EXECUTE FUNCTION parent_version_bump('decision', 'decision_id');
--> statement-breakpoint
CREATE TRIGGER hearing_outcome_criminal_case_version_ai AFTER INSERT ON hearing_outcome FOR EACH ROW EXECUTE FUNCTION hearing_outcome_case_version_bump();
--> statement-breakpoint
CREATE TRIGGER hearing_outcome_criminal_case_version_au AFTER UPDATE ON hearing_outcome FOR EACH ROW EXECUTE FUNCTION hearing_outcome_case_version_bump();
--> statement-breakpoint
CREATE TRIGGER hearing_outcome_criminal_case_version_ad AFTER DELETE ON hearing_outcome FOR EACH ROW EXECUTE FUNCTION hearing_outcome_case_version_bump();
--> statement-breakpoint
CREATE TRIGGER zsm_decision_case_version_ai AFTER INSERT ON zsm_decision FOR EACH ROW EXECUTE FUNCTION parent_version_bump('criminal_case', 'case_id');
