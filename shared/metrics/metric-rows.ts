import type { Modality } from '../domain/modality';

/** The plain rows the metrics are computed from (fetched by server/services/metrics, or made by hand in tests). */

/** A case as it entered the chain: intake = registration (created_at). */
export interface IntakeRow {
  caseId: number;
  modality: Modality;
  policeUnit: string;
  /** Amsterdam calendar date of registration. */
  intakeDate: string;
}

/** A court session with its slots. */
export interface SessionRow {
  sessionId: number;
  date: string;
  cancelled: boolean;
  capacitySlots: number;
  /** Slots still held by reservations (reserved minus released). */
  reservedSlots: number;
  /** Hearings that used a slot, for the fill rate: planned, held, or adjourned by the court (SLOT_USING_HEARING_STATUSES). */
  usedSlots: number;
  /** Hearings holding a place now: planned or held (SLOT_OCCUPYING_HEARING_STATUSES), for the free places ahead. */
  bookedSlots: number;
}

/** A hearing that took place (held or adjourned), with what the hearing metrics need. */
export interface HearingRow {
  hearingId: number;
  caseId: number;
  modality: Modality;
  policeUnit: string;
  locationId: number;
  locationName: string;
  /** Registration instant of the case (ISO UTC). */
  intakeAt: string;
  /** Session date and start instant. */
  date: string;
  startAt: string;
  status: 'held' | 'adjourned';
  hearingBy: string | null;
  hearingTargetBy: string | null;
  /** Hearings of the case created before this one, in any status (moved, unplanned, adjourned). */
  earlierHearings: number;
  /** Of those, hearings that took place (held or adjourned): 0 means this is the case's first hearing. */
  earlierTookPlace: number;
  /** Earlier hearings of the case that were held: 0 on a held hearing means it is the case's disposal. */
  earlierHeld: number;
  /** 'hearing.moved' audit events on this or earlier hearings of the case. */
  movedEvents: number;
}

/** A case leaving the chain: heard (first held hearing) or settled at the ZSM table. */
export interface DisposalRow {
  caseId: number;
  intakeAt: string;
  disposedAt: string;
  kind: 'heard' | 'zsm';
}

/** A case still in the chain today. */
export interface PendingRow {
  caseId: number;
  modality: Modality;
  intakeDate: string;
  /** True when it waits for a hearing (a heard modality), false when it waits at the ZSM table. */
  awaitsHearing: boolean;
}

export const CHAIN_STEPS = ['arrest', 'zsm', 'hearing', 'judgment', 'handoff', 'acknowledged', 'executed'] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];

/** When a case reached each chain step (ISO instants; absent = not (yet) reached). */
export interface StepRow {
  caseId: number;
  steps: Partial<Record<ChainStep, string>>;
}

export interface ReturnRow {
  caseId: number;
  returnCode: string | null;
  returnedAt: string;
}
