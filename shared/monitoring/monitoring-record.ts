import { amsterdamDate, instantOf } from '../calendar/amsterdam-time';
import { toEpochDay } from '../calendar/local-date';
import type { CaseStatus, HearingStatus } from '../domain/case-status';
import type { FillerKind, Modality } from '../domain/modality';
import { isoWeek } from './iso-week';

/** The facts of one case the export reads (identifying fields never enter this type except the key input). */
export interface MonitoringCaseFacts {
  modality: Modality;
  fillerKind: FillerKind | null;
  status: CaseStatus;
  policeUnit: string;
  arrestedAt: string | null;
  createdAt: string;
  hearingBy: string | null;
  hearingTargetBy: string | null;
  zsmDecidedAt: string | null;
  zsmOutcome: string | null;
  hearings: { status: HearingStatus; sessionDate: string; location: string }[];
  judgmentAt: string | null;
  decisionKind: string | null;
  sanctionKinds: string[];
  cjibStatus: string | null;
  cjibSentAt: string | null;
  cjibAcknowledgedAt: string | null;
  cjibReturnCount: number;
  executionCompletedAt: string | null;
}

export interface MonitoringRecord {
  caseKey: string;
  modality: Modality;
  fillerKind: FillerKind | null;
  status: CaseStatus;
  policeUnit: string;
  courtLocation: string | null;
  referenceEvent: 'arrest' | 'registration';
  referenceWeek: string;
  zsmOutcome: string | null;
  days: {
    zsmDecision: number | null;
    firstHearing: number | null;
    legalLimit: number | null;
    policyTarget: number | null;
    judgment: number | null;
    cjibSent: number | null;
    cjibAcknowledged: number | null;
    executionCompleted: number | null;
  };
  hearings: { total: number; held: number; adjourned: number; cancelled: number };
  decisionKind: string | null;
  sanctionKinds: string[];
  cjib: { status: string | null; returnCount: number };
}

/** A moment ('…T…Z') or a calendar date as its Europe/Amsterdam calendar date. */
function dayOf(value: string): string {
  return value.length === 10 ? value : amsterdamDate(instantOf(value));
}

/** The reference day of a case: the arrest, else its registration. Exact dates never leave the district. */
export function referenceDay(facts: Pick<MonitoringCaseFacts, 'arrestedAt' | 'createdAt'>): string {
  return dayOf(facts.arrestedAt ?? facts.createdAt);
}

/**
 * One pseudonymised record: the case key is computed by the caller (keyed hash), dates become the ISO
 * week of the reference day and whole-day offsets from it; no names, dates of birth, numbers or free text.
 */
export function toMonitoringRecord(caseKey: string, facts: MonitoringCaseFacts): MonitoringRecord {
  const reference = referenceDay(facts);
  const offset = (value: string | null) => (value === null ? null : toEpochDay(dayOf(value)) - toEpochDay(reference));
  const byDate = [...facts.hearings].sort((a, b) => a.sessionDate.localeCompare(b.sessionDate));
  const firstHeld = byDate.find((h) => h.status === 'held') ?? null;
  const latestActive = [...byDate].reverse().find((h) => h.status === 'planned') ?? null;
  const count = (status: HearingStatus) => facts.hearings.filter((h) => h.status === status).length;
  return {
    caseKey,
    modality: facts.modality,
    fillerKind: facts.fillerKind,
    status: facts.status,
    policeUnit: facts.policeUnit,
    courtLocation: (firstHeld ?? latestActive)?.location ?? null,
    referenceEvent: facts.arrestedAt ? 'arrest' : 'registration',
    referenceWeek: isoWeek(reference),
    zsmOutcome: facts.zsmOutcome,
    days: {
      zsmDecision: offset(facts.zsmDecidedAt),
      firstHearing: offset(firstHeld?.sessionDate ?? null),
      legalLimit: offset(facts.hearingBy),
      policyTarget: offset(facts.hearingTargetBy),
      judgment: offset(facts.judgmentAt),
      cjibSent: offset(facts.cjibSentAt),
      cjibAcknowledged: offset(facts.cjibAcknowledgedAt),
      executionCompleted: offset(facts.executionCompletedAt),
    },
    hearings: { total: facts.hearings.length, held: count('held'), adjourned: count('adjourned'), cancelled: count('cancelled') },
    decisionKind: facts.decisionKind,
    sanctionKinds: [...new Set(facts.sanctionKinds)].sort(),
    cjib: { status: facts.cjibStatus, returnCount: facts.cjibReturnCount },
  };
}
