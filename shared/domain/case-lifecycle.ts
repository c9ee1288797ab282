import { isDetainedModality } from './modality';
import type { CaseStatus } from './case-status';

/**
 * The allowed moves of a case through the chain. The service layer refuses any other move with a
 * clear message, and records every move it makes in the audit trail.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  intake: ['zsm_decided', 'awaiting_planning', 'withdrawn'],
  // A summons puts the case in the planning queue; a strafbeschikking goes to CJIB; sepot and
  // other routes end the case here ('completed').
  zsm_decided: ['awaiting_planning', 'handed_to_cjib', 'completed', 'withdrawn'],
  awaiting_planning: ['planned', 'withdrawn'],
  planned: ['awaiting_planning', 'heard', 'withdrawn'],
  heard: ['decided', 'adjourned'],
  adjourned: ['awaiting_planning', 'withdrawn'],
  // Nothing to enforce (acquittal, discharge, guilty without punishment): the case ends here.
  decided: ['handed_to_cjib', 'completed'],
  handed_to_cjib: ['in_execution', 'returned_from_cjib'],
  returned_from_cjib: ['handed_to_cjib'],
  in_execution: ['completed'],
  completed: [],
  withdrawn: [],
};

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  intake: 'Instroom',
  zsm_decided: 'ZSM-beslissing genomen',
  awaiting_planning: 'Wacht op planning',
  planned: 'Gepland',
  heard: 'Behandeld',
  decided: 'Uitspraak gedaan',
  adjourned: 'Aangehouden',
  handed_to_cjib: 'Overgedragen aan CJIB',
  in_execution: 'In executie',
  completed: 'Afgerond',
  returned_from_cjib: 'Retour van CJIB',
  withdrawn: 'Ingetrokken',
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** Why a move is refused, in Dutch, or null when it is allowed. */
export function transitionRefusal(from: CaseStatus, to: CaseStatus): string | null {
  if (canTransition(from, to)) return null;
  const allowed = CASE_TRANSITIONS[from].map((s) => `'${CASE_STATUS_LABELS[s]}'`);
  return (
    `Een zaak met status '${CASE_STATUS_LABELS[from]}' kan niet naar '${CASE_STATUS_LABELS[to]}'. ` +
    (allowed.length ? `Toegestaan: ${allowed.join(', ')}.` : 'Deze status is definitief.')
  );
}

/** The legal events of a case can be recorded or corrected until it has been heard; after that they are history. */
export const EVENTS_EDITABLE_STATUSES: readonly CaseStatus[] = ['intake', 'zsm_decided', 'awaiting_planning', 'planned', 'adjourned'];

/** Detained modalities: their hard limits count from the arrest, so the arrest time must be known. */
export function needsArrestTime(modality: string): boolean {
  return isDetainedModality(modality);
}
