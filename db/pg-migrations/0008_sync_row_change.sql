-- Written by hand (issue 14, offline desktops; docs/offline.md): the change feed a desktop's local copy
-- catches up from (server/services/sync/). Every insert, update and delete of a synced table adds one row
-- per changed key to sync.row_change, stamped with the writing transaction's id, in that transaction.
-- A desktop keeps a cursor: the oldest transaction still running when it last read,
-- pg_snapshot_xmin(pg_current_snapshot()); the next pull reads the changes of transactions from that id on
-- that are visible to its own snapshot. A transaction that began before a pull and committed after it has
-- an id at or above that pull's cursor, so it is never skipped (a bare sequence would skip it).
--
-- A schema of its own (not public): the feed is bookkeeping of the server, not a table of the district, so
-- the district's tables stay those of db/schema.ts (compared by test/integration/postgres-schema.test.ts),
-- and a standalone district file never has it.
CREATE SCHEMA sync;
--> statement-breakpoint
CREATE TABLE sync.row_change (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  table_name text NOT NULL,
  -- The primary key as text: the id, or district_setting's and notification_done's key.
  row_key text NOT NULL,
  -- When the writing transaction began (pruning after 30 days: sync.prune_row_change).
  changed_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX row_change_txid ON sync.row_change (txid);
--> statement-breakpoint
-- The newest transaction whose changes pruning removed (null: none yet). A cursor at or below it may miss
-- changes: that desktop makes a full copy again (FULL_COPY_NEEDED).
CREATE TABLE sync.pruned (
  single boolean PRIMARY KEY DEFAULT true CHECK (single),
  through_txid xid8
);
--> statement-breakpoint
INSERT INTO sync.pruned (single, through_txid) VALUES (true, NULL);
--> statement-breakpoint
-- Statement-level triggers with transition tables: one insert per statement, however many rows it wrote
-- (the planner, an import). SECURITY DEFINER: the person's group role may read the feed but not write it.
-- The argument is the name of the table's primary-key column.
CREATE FUNCTION sync.record_row_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO sync.row_change (table_name, row_key) SELECT %L, %I::text FROM new_rows', TG_TABLE_NAME, TG_ARGV[0]);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO sync.row_change (table_name, row_key) SELECT %L, %I::text FROM old_rows', TG_TABLE_NAME, TG_ARGV[0]);
  ELSE
    -- Both keys of an update: a changed key is a delete of the old one.
    EXECUTE format('INSERT INTO sync.row_change (table_name, row_key) SELECT %L, k FROM (SELECT %I::text AS k FROM new_rows UNION SELECT %I::text FROM old_rows) keys',
      TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every table of db/schema.ts except processed_request (stored answers) and personal_data_read (the
-- disclosure log stays on the server). Keep in step with SYNCED_TABLES in shared/api/sync-schemas.ts
-- (a test compares them).
DO $$
DECLARE
  synced text;
  key_column text;
BEGIN
  FOREACH synced IN ARRAY ARRAY['district', 'district_setting', 'notification_done', 'court_location', 'courtroom', 'person', 'person_unavailability',
                                'location_closure', 'session_template', 'court_session', 'suspect', 'criminal_case', 'case_precondition', 'zsm_decision',
                                'reservation', 'hearing', 'hearing_outcome', 'decision', 'sanction', 'cjib_batch', 'cjib_handoff', 'cjib_message',
                                'cjib_batch_item', 'sanction_execution', 'review_agreement', 'work_signal', 'audit_event'] LOOP
    key_column := CASE WHEN synced IN ('district_setting', 'notification_done') THEN 'key' ELSE 'id' END;
    EXECUTE format('CREATE TRIGGER sync_changes_ai AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sync.record_row_change(%L)', synced, key_column);
    EXECUTE format('CREATE TRIGGER sync_changes_au AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sync.record_row_change(%L)', synced, key_column);
    EXECUTE format('CREATE TRIGGER sync_changes_ad AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sync.record_row_change(%L)', synced, key_column);
  END LOOP;
END $$;
--> statement-breakpoint
-- Rows that row-level security shows by another row (0004): a police liaison sees a case of its own unit,
-- that case's suspect (or a suspect with no case at all), and the rows below the case (hearing, its
-- outcome, zsm_decision, case_precondition, decision, sanction, sanction_execution, cjib_handoff,
-- cjib_message, cjib_batch_item) and audit lines about the case, its hearings, decisions and hand-offs.
-- When a case's police_unit changes, all of those appear to or vanish from liaisons without being
-- written; when its suspect_id changes, the old and the new suspect do. So they go into the feed too, in
-- the same transaction: sync.changes then answers them as rows (now visible) or deleted keys (now hidden).
-- (The other links, a hearing's or decision's case_id and so on, are set once at insert and never moved;
-- a suspect is made together with its case, in the same transaction, so a case's insert needs nothing.)
-- Transition tables do not go with a column list (UPDATE OF police_unit), so the function compares.
CREATE FUNCTION sync.record_case_dependents() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  moved integer[];
  suspects integer[];
BEGIN
  SELECT coalesce(array_agg(n.id) FILTER (WHERE n.police_unit IS DISTINCT FROM o.police_unit), '{}'),
         coalesce(array_agg(n.suspect_id) FILTER (WHERE n.police_unit IS DISTINCT FROM o.police_unit OR n.suspect_id IS DISTINCT FROM o.suspect_id), '{}')
           || coalesce(array_agg(o.suspect_id) FILTER (WHERE n.suspect_id IS DISTINCT FROM o.suspect_id), '{}')
    INTO moved, suspects
    FROM new_rows n JOIN old_rows o ON o.id = n.id;
  IF cardinality(suspects) = 0 THEN
    RETURN NULL;
  END IF;
  INSERT INTO sync.row_change (table_name, row_key) SELECT DISTINCT 'suspect', s::text FROM unnest(suspects) s;
  IF cardinality(moved) = 0 THEN
    RETURN NULL;
  END IF;
  WITH hearings AS (SELECT id FROM hearing WHERE case_id = ANY (moved)),
       decisions AS (SELECT id FROM decision WHERE case_id = ANY (moved)),
       sanctions AS (SELECT id FROM sanction WHERE decision_id IN (SELECT id FROM decisions)),
       handoffs AS (SELECT id FROM cjib_handoff WHERE decision_id IN (SELECT id FROM decisions))
  INSERT INTO sync.row_change (table_name, row_key)
            SELECT 'hearing', id::text FROM hearings
  UNION ALL SELECT 'hearing_outcome', id::text FROM hearing_outcome WHERE hearing_id IN (SELECT id FROM hearings)
  UNION ALL SELECT 'zsm_decision', id::text FROM zsm_decision WHERE case_id = ANY (moved)
  UNION ALL SELECT 'case_precondition', id::text FROM case_precondition WHERE case_id = ANY (moved)
  UNION ALL SELECT 'decision', id::text FROM decisions
  UNION ALL SELECT 'sanction', id::text FROM sanctions
  UNION ALL SELECT 'sanction_execution', id::text FROM sanction_execution WHERE sanction_id IN (SELECT id FROM sanctions)
  UNION ALL SELECT 'cjib_handoff', id::text FROM handoffs
  UNION ALL SELECT 'cjib_message', id::text FROM cjib_message WHERE handoff_id IN (SELECT id FROM handoffs)
  UNION ALL SELECT 'cjib_batch_item', id::text FROM cjib_batch_item WHERE handoff_id IN (SELECT id FROM handoffs)
  UNION ALL SELECT 'audit_event', id::text FROM audit_event WHERE entity_type = 'case' AND entity_id = ANY (moved)
  UNION ALL SELECT 'audit_event', id::text FROM audit_event WHERE entity_type = 'hearing' AND entity_id IN (SELECT id FROM hearings)
  UNION ALL SELECT 'audit_event', id::text FROM audit_event WHERE entity_type = 'decision' AND entity_id IN (SELECT id FROM decisions)
  UNION ALL SELECT 'audit_event', id::text FROM audit_event WHERE entity_type = 'cjib_handoff' AND entity_id IN (SELECT id FROM handoffs);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sync_changes_case_dependents_au AFTER UPDATE ON criminal_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync.record_case_dependents();
--> statement-breakpoint
-- Deleting a row hides, from a police liaison, the audit lines about it (0004's audit_event_own_unit_read
-- asks for the row they are about), and a deleted case's suspect may now have no case (visible to every
-- liaison). A withdrawn CJIB hand-off (server/services/outcomes/decision-writes.ts) is such a delete.
-- The argument is the audit lines' entity_type for the table.
CREATE FUNCTION sync.record_hidden_by_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO sync.row_change (table_name, row_key)
    SELECT 'audit_event', a.id::text FROM audit_event a WHERE a.entity_type = TG_ARGV[0] AND a.entity_id IN (SELECT id FROM old_rows);
  IF TG_TABLE_NAME = 'criminal_case' THEN
    INSERT INTO sync.row_change (table_name, row_key) SELECT DISTINCT 'suspect', suspect_id::text FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  about text[];
BEGIN
  FOREACH about SLICE 1 IN ARRAY ARRAY[['criminal_case', 'case'], ['hearing', 'hearing'], ['decision', 'decision'], ['cjib_handoff', 'cjib_handoff']] LOOP
    EXECUTE format('CREATE TRIGGER sync_changes_audit_lines_ad AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sync.record_hidden_by_delete(%L)', about[1], about[2]);
  END LOOP;
END $$;
--> statement-breakpoint
-- Removes the changes of transactions that began more than `kept` ago and remembers the newest transaction
-- removed. Run by the district server (as ketenplanner_api, which may do nothing else here) at start and
-- daily. The database's own clock on both sides: changed_at is stamped by it (a server started with
-- --now at another moment must neither wipe the feed nor keep it for ever).
CREATE FUNCTION sync.prune_row_change(kept interval) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  removed bigint;
  newest xid8;
BEGIN
  -- One pruning at a time (two servers on one database): the second waits, then finds nothing left.
  PERFORM 1 FROM sync.pruned FOR UPDATE;
  WITH gone AS (DELETE FROM sync.row_change WHERE changed_at < now() - kept RETURNING txid)
  SELECT count(*), max(txid) INTO removed, newest FROM gone;
  IF removed > 0 THEN
    UPDATE sync.pruned SET through_txid = CASE WHEN through_txid IS NULL OR through_txid < newest THEN newest ELSE through_txid END;
  END IF;
  RETURN removed;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sync.prune_row_change(interval) FROM PUBLIC;
--> statement-breakpoint
-- Who may read the feed: every group role (it holds table names, keys and transaction ids, no personal
-- data; what a person may see of the rows themselves is decided by row-level security when they are read).
GRANT USAGE ON SCHEMA sync TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator, ketenplanner_api;
--> statement-breakpoint
GRANT SELECT ON sync.row_change, sync.pruned TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sync.prune_row_change(interval) TO ketenplanner_api;
