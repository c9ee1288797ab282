/** The case lifecycle (issue 3 makes the transitions explicit and enforced in the service layer). */
export const CASE_STATUSES = [
  'intake',
  'zsm_decided',
  'awaiting_planning',
  'planned',
  'heard',
  'decided',
  'adjourned',
  'handed_to_cjib',
  'in_execution',
  'completed',
  'returned_from_cjib',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const HEARING_STATUSES = ['planned', 'held', 'adjourned', 'cancelled'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

/** Which of these hold or used a place on their session: shared/domain/slot-occupancy.ts. */
