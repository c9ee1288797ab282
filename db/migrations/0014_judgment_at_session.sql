-- Issue 11 item 2: the moment of a judgment of the politierechter is the session (oral judgment at
-- the hearing, art. 378 lid 1 Sv), not the moment the clerk recorded it. Until now a judgment recorded
-- without a moment got the recording moment: every term that runs from it (appeal, art. 408 Sv; the
-- moment it becomes enforceable; the Wet USB countdowns) ran late by as many days as the recording.
-- A judgment whose moment is exactly its recording moment (nothing was entered) and lies on a later
-- day than its session moves to the session's date and start time (Europe/Amsterdam; summer time
-- from the last Sunday of March to the last Sunday of October, 01:00 UTC), with the case's judgment
-- moment; one audit row per corrected decision (actor 'system', the reason in Dutch).
CREATE TEMP TABLE `judgment_moment_fix` AS
SELECT d.id AS decision_id, d.case_id AS case_id, d.hearing_id AS hearing_id, s.date AS session_date, d.decided_at AS old_at,
  strftime('%Y-%m-%dT%H:%M:%fZ', s.date || ' ' || s.start_time,
    CASE WHEN s.date >= date(substr(s.date, 1, 4) || '-03-31', '-6 days', 'weekday 0')
          AND s.date < date(substr(s.date, 1, 4) || '-10-31', '-6 days', 'weekday 0') THEN '-2 hours' ELSE '-1 hours' END) AS new_at
FROM `decision` d
JOIN `hearing` h ON h.id = d.hearing_id
JOIN `court_session` s ON s.id = h.session_id
WHERE d.kind = 'judgment'
  AND d.decided_at = d.recorded_at
  AND date(d.decided_at,
    CASE WHEN datetime(d.decided_at) >= datetime(strftime('%Y', d.decided_at) || '-03-31', '-6 days', 'weekday 0', '+1 hours')
          AND datetime(d.decided_at) < datetime(strftime('%Y', d.decided_at) || '-10-31', '-6 days', 'weekday 0', '+1 hours') THEN '+2 hours' ELSE '+1 hours' END) > s.date;
--> statement-breakpoint
INSERT INTO `audit_event` (`occurred_at`, `actor`, `action`, `entity_type`, `entity_id`, `reason`, `details`)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system', 'decision.corrected', 'decision', f.decision_id,
  'Moment van de uitspraak gecorrigeerd naar de zitting van ' || f.session_date || ': de politierechter doet mondeling uitspraak op de zitting (art. 378 lid 1 Sv); opgeslagen was het moment van vastleggen. De termijn voor hoger beroep (art. 408 Sv), de onherroepelijkheid en de termijnen naar OM en CJIB tellen vanaf de uitspraak.',
  json_object('caseId', f.case_id, 'hearingId', f.hearing_id, 'migration', '0014_judgment_at_session',
    'old', json_object('decidedAt', f.old_at), 'new', json_object('decidedAt', f.new_at))
FROM `judgment_moment_fix` f ORDER BY f.decision_id;
--> statement-breakpoint
UPDATE `criminal_case` SET `judgment_at` = (SELECT f.new_at FROM `judgment_moment_fix` f WHERE f.case_id = `criminal_case`.id AND f.old_at = `criminal_case`.judgment_at)
WHERE EXISTS (SELECT 1 FROM `judgment_moment_fix` f WHERE f.case_id = `criminal_case`.id AND f.old_at = `criminal_case`.judgment_at);
--> statement-breakpoint
UPDATE `decision` SET `decided_at` = (SELECT f.new_at FROM `judgment_moment_fix` f WHERE f.decision_id = `decision`.id)
WHERE id IN (SELECT decision_id FROM `judgment_moment_fix`);
--> statement-breakpoint
DROP TABLE `judgment_moment_fix`;
