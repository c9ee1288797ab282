/** What happened at a hearing (issue 5). 'decided' includes a judgment in absentia (suspect not present). */
export const HEARING_OUTCOMES = ['decided', 'adjourned', 'not_appeared', 'withdrawn'] as const;
export type HearingOutcome = (typeof HEARING_OUTCOMES)[number];

/** A court judgment after a hearing, or an OM strafbeschikking from the ZSM table (no hearing). */
export const DECISION_KINDS = ['judgment', 'penalty_order'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const SANCTION_KINDS = ['fine', 'community_service', 'custodial', 'compensation_order', 'other_measure'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** A remedy that stops a decision from becoming enforceable. */
export const REMEDIES = ['none', 'appeal', 'verzet'] as const;
export type Remedy = (typeof REMEDIES)[number];

/**
 * Executability signals, advisory only: recorded as yes / no / unknown by a person (probation service
 * report, OvJ), never computed, never a score (lessons of the childcare-benefits scandal).
 */
export const SIGNAL_VALUES = ['yes', 'no', 'unknown'] as const;
export type SignalValue = (typeof SIGNAL_VALUES)[number];
