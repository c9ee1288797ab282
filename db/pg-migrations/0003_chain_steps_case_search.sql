-- Written by hand (drizzle-kit does not model triggers, functions or extensions): the PostgreSQL twins of
-- two hand-written parts of the SQLite migrations (ADR 25, docs/postgresql.md). Tested side by side with
-- SQLite in test/integration/postgres-chain-steps-search.test.ts.
--
-- 1. The chain steps the monitoring measures (SQLite 0009, the execution rule of 0010): cached columns of
--    criminal_case kept by triggers on the tables they come from, in the same transaction as the change.
--    Same trigger names, same events, same values; each trigger recomputes only the columns its SQLite
--    twin recomputes (so a value stays exactly where SQLite leaves it).
CREATE FUNCTION chain_step_zsm(step_case integer) RETURNS void LANGUAGE sql AS $$
  UPDATE criminal_case SET zsm_decided_at = (SELECT min(z.decided_at) FROM zsm_decision z WHERE z.case_id = step_case) WHERE id = step_case;
$$;
--> statement-breakpoint
CREATE FUNCTION chain_step_hearing(step_case integer) RETURNS void LANGUAGE sql AS $$
  UPDATE criminal_case SET first_hearing_local = (
    SELECT min(s.date || ' ' || s.start_time) FROM hearing h JOIN court_session s ON s.id = h.session_id
     WHERE h.case_id = step_case AND h.status IN ('held', 'adjourned')
  ) WHERE id = step_case;
$$;
--> statement-breakpoint
CREATE FUNCTION chain_step_handoff(step_case integer) RETURNS void LANGUAGE sql AS $$
  UPDATE criminal_case SET
    handoff_sent_at = (SELECT min(f.sent_at) FROM decision d JOIN cjib_handoff f ON f.decision_id = d.id WHERE d.case_id = step_case),
    cjib_acknowledged_at = (SELECT min(f.acknowledged_at) FROM decision d JOIN cjib_handoff f ON f.decision_id = d.id WHERE d.case_id = step_case)
  WHERE id = step_case;
$$;
--> statement-breakpoint
-- Complete when every sanction that needs executing (not conditional, not an 'other measure') has reached
-- a terminal status (shared/cjib/execution-rules.ts): then the latest of their first terminal moments.
CREATE FUNCTION chain_step_execution(step_case integer) RETURNS void LANGUAGE sql AS $$
  UPDATE criminal_case SET execution_completed_at = CASE
    WHEN EXISTS (SELECT 1 FROM decision d JOIN sanction n ON n.decision_id = d.id WHERE d.case_id = step_case AND NOT n.conditional AND n.kind <> 'other_measure')
     AND NOT EXISTS (
       SELECT 1 FROM decision d JOIN sanction n ON n.decision_id = d.id
        WHERE d.case_id = step_case AND NOT n.conditional AND n.kind <> 'other_measure'
          AND NOT EXISTS (SELECT 1 FROM sanction_execution e WHERE e.sanction_id = n.id
                            AND e.status IN ('fine_paid_in_full', 'fine_collection_stopped', 'community_service_completed', 'community_service_failed', 'custodial_served')))
    THEN (SELECT max((SELECT min(e.occurred_at) FROM sanction_execution e WHERE e.sanction_id = n.id
                        AND e.status IN ('fine_paid_in_full', 'fine_collection_stopped', 'community_service_completed', 'community_service_failed', 'custodial_served')))
            FROM decision d JOIN sanction n ON n.decision_id = d.id
           WHERE d.case_id = step_case AND NOT n.conditional AND n.kind <> 'other_measure')
    ELSE NULL END
  WHERE id = step_case;
$$;
--> statement-breakpoint
CREATE FUNCTION chain_step_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  step_case integer;
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'zsm_decision' THEN PERFORM chain_step_zsm((row_data ->> 'case_id')::integer);
    WHEN 'hearing' THEN PERFORM chain_step_hearing((row_data ->> 'case_id')::integer);
    WHEN 'cjib_handoff' THEN
      SELECT d.case_id INTO step_case FROM decision d WHERE d.id = (row_data ->> 'decision_id')::integer;
      PERFORM chain_step_handoff(step_case);
    WHEN 'sanction_execution' THEN
      SELECT d.case_id INTO step_case FROM sanction n JOIN decision d ON d.id = n.decision_id WHERE n.id = (row_data ->> 'sanction_id')::integer;
      PERFORM chain_step_execution(step_case);
  END CASE;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER zsm_decision_step_ai AFTER INSERT ON zsm_decision FOR EACH ROW EXECUTE FUNCTION chain_step_trigger();
--> statement-breakpoint
CREATE TRIGGER hearing_step_ai AFTER INSERT ON hearing FOR EACH ROW EXECUTE FUNCTION chain_step_trigger();
--> statement-breakpoint
CREATE TRIGGER hearing_step_au AFTER UPDATE OF status, session_id ON hearing FOR EACH ROW EXECUTE FUNCTION chain_step_trigger();
--> statement-breakpoint
CREATE TRIGGER cjib_handoff_step_ai AFTER INSERT ON cjib_handoff FOR EACH ROW EXECUTE FUNCTION chain_step_trigger();
--> statement-breakpoint
CREATE TRIGGER cjib_handoff_step_au AFTER UPDATE OF sent_at, acknowledged_at ON cjib_handoff FOR EACH ROW EXECUTE FUNCTION chain_step_trigger();
--> statement-breakpoint
CREATE TRIGGER cjib_handoff_step_ad AFTER DELETE ON cjib_handoff FOR EACH ROW EXECUTE FUNCTION chain_step_trigger();
--> statement-breakpoint
CREATE TRIGGER sanction_execution_step_ai AFTER INSERT ON sanction_execution FOR EACH ROW EXECUTE FUNCTION chain_step_trigger();
--> statement-breakpoint
-- Cases written before this migration (a database made by 0000-0002) get their steps now.
SELECT chain_step_zsm(id), chain_step_hearing(id), chain_step_handoff(id), chain_step_execution(id) FROM criminal_case;
--> statement-breakpoint
-- 2. The header's search box (SQLite 0018: FTS5 trigram over parketnummer, suspect name, police unit and
--    offence, diacritic- and case-insensitive). Here: pg_trgm and unaccent (contrib, both "trusted", so
--    the database owner may create them) and a table case_search with the folded texts, kept by triggers
--    and indexed with GIN trigram indexes, which serve LIKE '%part%' for any part of 3 characters or more.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- The text as the index holds it: SEARCH_FOLDS of shared/api/case-search-schemas.ts (letters that are no
-- letter plus a diacritic), then unaccent, then lower case (Unicode: the database's LC_CTYPE is C.UTF-8).
-- unaccent is STABLE only because its dictionary could be changed; naming the dictionary makes this safe
-- to call IMMUTABLE (the usual pattern), which the planner needs to fold it once per query.
CREATE FUNCTION case_search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(value,
      'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th')));
$$;
--> statement-breakpoint
-- One row per case. The columns are joined with a line feed, which no query word holds (the query's
-- control characters are taken out), so a part never matches across two columns, as in FTS5. name_text
-- (parketnummer and name) is SQLite's case_search_name: the cases a query names come first.
CREATE TABLE case_search (
  case_id integer PRIMARY KEY REFERENCES criminal_case (id) ON DELETE CASCADE,
  search_text text NOT NULL,
  name_text text NOT NULL
);
--> statement-breakpoint
CREATE INDEX case_search_text_trgm_idx ON case_search USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX case_search_name_trgm_idx ON case_search USING gin (name_text gin_trgm_ops);
--> statement-breakpoint
-- Writes the rows of the given cases again. SECURITY DEFINER (the owner of the schema): whoever changes a
-- case or a name keeps the index right, though no role may write case_search itself. PL/pgSQL, so the
-- plan is made once per connection, not once per call (a SQL function with SECURITY DEFINER is planned
-- on every call: 0.65 ms a case).
CREATE FUNCTION case_search_refresh(case_ids integer[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO case_search (case_id, search_text, name_text)
  SELECT c.id,
         concat_ws(E'\n', case_search_fold(c.parketnummer), case_search_fold(s.full_name), case_search_fold(c.police_unit), case_search_fold(c.offence_summary)),
         concat_ws(E'\n', case_search_fold(c.parketnummer), case_search_fold(s.full_name))
    FROM criminal_case c JOIN suspect s ON s.id = c.suspect_id
   WHERE c.id = ANY (case_ids)
  ON CONFLICT (case_id) DO UPDATE SET search_text = excluded.search_text, name_text = excluded.name_text;
END $$;
--> statement-breakpoint
-- New cases: once per statement, over all its rows (a bulk import of 10,000 cases writes the index in
-- one go, as SQLite's case_search_deferred does).
CREATE FUNCTION case_search_insert_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_search_refresh(ARRAY(SELECT id FROM new_cases));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION case_search_case_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_search_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION case_search_suspect_trigger() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM case_search_refresh(ARRAY(SELECT c.id FROM criminal_case c WHERE c.suspect_id = NEW.id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_search_ai AFTER INSERT ON criminal_case REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION case_search_insert_trigger();
--> statement-breakpoint
CREATE TRIGGER case_search_au AFTER UPDATE ON criminal_case FOR EACH ROW
  WHEN (NEW.parketnummer IS DISTINCT FROM OLD.parketnummer OR NEW.suspect_id IS DISTINCT FROM OLD.suspect_id
        OR NEW.police_unit IS DISTINCT FROM OLD.police_unit OR NEW.offence_summary IS DISTINCT FROM OLD.offence_summary)
  EXECUTE FUNCTION case_search_case_trigger();
--> statement-breakpoint
-- A name corrected (cases.updateDetails) or pseudonymised (retention): every case of the suspect again.
CREATE TRIGGER case_search_suspect_au AFTER UPDATE ON suspect FOR EACH ROW
  WHEN (NEW.full_name IS DISTINCT FROM OLD.full_name)
  EXECUTE FUNCTION case_search_suspect_trigger();
--> statement-breakpoint
SELECT case_search_refresh(ARRAY(SELECT id FROM criminal_case));
--> statement-breakpoint
-- The match of server/services/cases/search-cases.ts for one query: the query split as searchWords does
-- (SEARCH_FOLDS, double quotes, asterisks and control characters out, split on white space); every word
-- of 3 characters or more must occur, folded, in one of the texts (through the trigram indexes); shorter
-- words narrow by a plain substring test of the lower-cased texts (as SQLite's instr(lower(...))); the
-- case whose parketnummer is the query itself is always in. No word of 3 characters: nothing (the box
-- says the query is too short). by_name: every long word occurs in the parketnummer or the name (the
-- first tier of the list). SECURITY INVOKER: row-level security of criminal_case decides what is seen.
CREATE FUNCTION case_search_match(query text) RETURNS TABLE (case_id integer, by_name boolean) LANGUAGE plpgsql STABLE AS $$
DECLARE
  words text[] := ARRAY(
    SELECT w FROM regexp_split_to_table(btrim(regexp_replace(
      replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(query,
        'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th'),
      '["*[:cntrl:]]', ' ', 'g'), E' \t\n\r\f\v'), '\s+') AS w WHERE w <> '');
  long_patterns text[] := ARRAY(
    SELECT '%' || replace(replace(replace(case_search_fold(w), '\', '\\'), '%', '\%'), '_', '\_') || '%' FROM unnest(words) AS w WHERE char_length(w) >= 3);
  short_parts text[] := ARRAY(SELECT lower(w) FROM unnest(words) AS w WHERE char_length(w) < 3);
  found_by text;
  by_name text;
BEGIN
  IF cardinality(long_patterns) = 0 THEN
    RETURN;
  END IF;
  -- One LIKE per word with the pattern as a parameter: EXECUTE plans with the values, so pg_trgm can take
  -- the trigrams of each pattern to the index.
  SELECT string_agg(format('s.search_text LIKE $1[%s]', i), ' AND '), string_agg(format('s.name_text LIKE $1[%s]', i), ' AND ')
    INTO found_by, by_name FROM generate_subscripts(long_patterns, 1) AS i;
  -- The exact parketnummer as a second branch: an OR across the join would keep the planner from the index.
  RETURN QUERY EXECUTE format(
    'SELECT c.id, bool_or(hit.by_name) FROM (
       SELECT s.case_id, %s AS by_name FROM case_search s WHERE %s
       UNION ALL
       SELECT c.id, true FROM criminal_case c WHERE c.parketnummer = $3
     ) hit JOIN criminal_case c ON c.id = hit.case_id JOIN suspect p ON p.id = c.suspect_id
      WHERE NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS part
                         WHERE strpos(lower(c.parketnummer || '' '' || p.full_name || '' '' || c.police_unit || '' '' || c.offence_summary), part) = 0)
      GROUP BY c.id',
    by_name, found_by)
  USING long_patterns, short_parts, btrim(query);
END $$;
