/** What the problems panel flags for a coordinator (issue 4, item 7). */
export const PROBLEM_KINDS = ['no_judge', 'no_prosecutor', 'double_booked_person', 'double_booked_room', 'overbooked', 'underfilled', 'case_near_limit', 'person_unavailable', 'room_closed', 'over_minutes', 'hearing_out_of_bounds', 'hearing_session_passed', 'replan_after_cancellation', 'summons_not_served'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

