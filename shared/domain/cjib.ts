/** Where a decision is on its way to CJIB: nothing is lost, it is always in one of these. */
export const HANDOFF_STATUSES = ['waiting', 'sent', 'acknowledged', 'returned'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export const CJIB_MESSAGE_KINDS = ['ack', 'return', 'execution'] as const;
export type CjibMessageKind = (typeof CJIB_MESSAGE_KINDS)[number];

/** Execution states CJIB reports per sanction. */
export const EXECUTION_STATUSES = [
  'fine_paid_in_full',
  'fine_paid_by_arrangement',
  'fine_collection_stopped',
  'community_service_started',
  'community_service_completed',
  'community_service_failed',
  'custodial_self_reported',
  'custodial_arrested',
  'custodial_served',
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
