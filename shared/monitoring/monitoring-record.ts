import { amsterdamDate, instantOf } from '../calendar/amsterdam-time';
import { toEpochDay } from '../calendar/local-date';
import type { CaseStatus, HearingStatus } from '../domain/case-status';
import type { FillerKind, Modality } from '../domain/modality';

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

/** A whole-day offset shown as its band (docs/monitoring-export.md): exact offsets plus the month made most records unique. */
export const DAY_BANDS = ['<0', '0', '1-3', '4-7', '8-14', '15-28', '29-56', '57-91', '92-182', '183-365', '366+'] as const;
export type DayBand = (typeof DAY_BANDS)[number];
const BAND_UPPER_BOUNDS: readonly [number, DayBand][] = [
  [-1, '<0'],
  [0, '0'],
  [3, '1-3'],
  [7, '4-7'],
  [14, '8-14'],
  [28, '15-28'],
  [56, '29-56'],
  [91, '57-91'],
  [182, '92-182'],
  [365, '183-365'],
];

export function dayBand(days: number | null): DayBand | null {
  if (days === null) return null;
  return BAND_UPPER_BOUNDS.find(([upper]) => days <= upper)?.[1] ?? '366+';
}

export interface MonitoringRecord {
  caseKey: string;
  modality: Modality;
  /** '*': generalised away by the disclosure control (shared/monitoring/disclosure-control.ts). */
  fillerKind: FillerKind | null | '*';
  status: CaseStatus;
  policeUnit: string;
  courtLocation: string | null;
  referenceEvent: 'arrest' | 'registration';
  /** The calendar month of the reference day ('2026-03'), or its four-month review period ('2026-T1') when generalised. */
  referencePeriod: string;
  zsmOutcome: string | null;
  days: {
    zsmDecision: DayBand | null;
    firstHearing: DayBand | null;
    legalLimit: DayBand | null;
    policyTarget: DayBand | null;
    judgment: DayBand | null;
    cjibSent: DayBand | null;
    cjibAcknowledged: DayBand | null;
    executionCompleted: DayBand | null;
  };
  /** The first held hearing on or before the last day of the legal limit / policy target (day level); null: no hearing or no limit. */
  firstHearingWithinLegalLimit: boolean | null;
  firstHearingWithinPolicyTarget: boolean | null;
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

const within = (hearing: number | null, limit: number | null) => (hearing === null || limit === null ? null : hearing <= limit);

/**
 * One pseudonymised record before disclosure control: the case key is computed by the caller (keyed
 * hash), dates become the month of the reference day and bands of whole-day offsets from it; no names,
 * dates of birth, numbers or free text.
 */
export function toMonitoringRecord(caseKey: string, facts: MonitoringCaseFacts): MonitoringRecord {
  const reference = referenceDay(facts);
  const offset = (value: string | null) => (value === null ? null : toEpochDay(dayOf(value)) - toEpochDay(reference));
  const byDate = [...facts.hearings].sort((a, b) => a.sessionDate.localeCompare(b.sessionDate));
  const firstHeld = byDate.find((h) => h.status === 'held') ?? null;
  const latestActive = [...byDate].reverse().find((h) => h.status === 'planned') ?? null;
  const count = (status: HearingStatus) => facts.hearings.filter((h) => h.status === status).length;
  const firstHearing = offset(firstHeld?.sessionDate ?? null);
  const legalLimit = offset(facts.hearingBy);
  const policyTarget = offset(facts.hearingTargetBy);
  return {
    caseKey,
    modality: facts.modality,
    fillerKind: facts.fillerKind,
    status: facts.status,
    policeUnit: facts.policeUnit,
    courtLocation: (firstHeld ?? latestActive)?.location ?? null,
    referenceEvent: facts.arrestedAt ? 'arrest' : 'registration',
    referencePeriod: reference.slice(0, 7),
    zsmOutcome: facts.zsmOutcome,
    days: {
      zsmDecision: dayBand(offset(facts.zsmDecidedAt)),
      firstHearing: dayBand(firstHearing),
      legalLimit: dayBand(legalLimit),
      policyTarget: dayBand(policyTarget),
      judgment: dayBand(offset(facts.judgmentAt)),
      cjibSent: dayBand(offset(facts.cjibSentAt)),
      cjibAcknowledged: dayBand(offset(facts.cjibAcknowledgedAt)),
      executionCompleted: dayBand(offset(facts.executionCompletedAt)),
    },
    firstHearingWithinLegalLimit: within(firstHearing, legalLimit),
    firstHearingWithinPolicyTarget: within(firstHearing, policyTarget),
    hearings: { total: facts.hearings.length, held: count('held'), adjourned: count('adjourned'), cancelled: count('cancelled') },
    decisionKind: facts.decisionKind,
    sanctionKinds: [...new Set(facts.sanctionKinds)].sort(),
    cjib: { status: facts.cjibStatus, returnCount: facts.cjibReturnCount },
  };
}
