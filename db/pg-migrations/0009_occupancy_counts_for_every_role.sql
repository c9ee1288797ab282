-- How many places each session's hearings hold, per case modality, counted over the whole district
-- whoever asks. Row-level security shows a police liaison only its own unit's hearings (0004); counted
-- over those rows, a session full with other units' cases looked free in the liaison's week view. The
-- counts are no personal data: SECURITY DEFINER (the owner's policy sees every row) returns numbers only.
-- plpgsql, so the plan is made once per connection rather than at every call (as case_search_refresh, 0003).
-- The statuses that hold a place are passed in: their one definition is shared/domain/slot-occupancy.ts.
CREATE FUNCTION booked_by_modality(session_ids integer[], occupying text[])
  RETURNS TABLE ("sessionId" integer, modality text, n integer)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    SELECT h.session_id, c.modality, count(*)::integer
    FROM hearing h JOIN criminal_case c ON c.id = h.case_id
    WHERE h.session_id = ANY (session_ids) AND h.status = ANY (occupying)
    GROUP BY h.session_id, c.modality;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION booked_by_modality(integer[], text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION booked_by_modality(integer[], text[]) TO kp_coordinator, kp_prosecutor, kp_clerk, kp_police_liaison, kp_reviewer, kp_administrator;
