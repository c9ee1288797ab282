import type { HearingRow } from './metric-rows';
import { legalLimitMet, isFirstHearing } from './hearing-metrics';
import { distributionOf, shareOf } from './percentile';
import { calendarDaysBetween, dateOfInstant } from './time-buckets';

/** A group's compliance differing from the district's by at least this many percentage points is flagged. */
export const COMPLIANCE_MARGIN_POINTS = 10;
/** A group's median waiting time differing from the district's by at least this many days is flagged. */
export const WAITING_MARGIN_DAYS = 3;
/** Groups with fewer measured cases are shown but not flagged: too few to compare. */
export const MIN_GROUP_SIZE = 10;

/** Calendar days from intake to the case's first hearing. */
export const waitingDays = (h: HearingRow) => Math.max(0, calendarDaysBetween(dateOfInstant(h.intakeAt), h.date));

export interface FairnessGroup {
  key: string;
  label: string;
  cases: number;
  measured: number;
  met: number;
  complianceRate: number | null;
  medianWaitingDays: number | null;
  /** Percentage points above (+) or below (-) the district; null without data. */
  complianceDifference: number | null;
  waitingDifference: number | null;
  complianceFlagged: boolean;
  waitingFlagged: boolean;
}

interface Summary {
  cases: number;
  measured: number;
  met: number;
  complianceRate: number | null;
  medianWaitingDays: number | null;
}

/** What a first hearing contributes to its group's summary: measured once per row, for the district and its group. */
interface FirstHearing {
  legal: boolean | null;
  waiting: number;
}

function summarise(first: readonly FirstHearing[]): Summary {
  let met = 0;
  let measured = 0;
  for (const { legal } of first) {
    if (legal === null) continue;
    measured += 1;
    if (legal) met += 1;
  }
  return { cases: first.length, measured, met, complianceRate: shareOf(met, measured), medianWaitingDays: distributionOf(first.map((f) => f.waiting)).median };
}

/** Deadline compliance and median waiting time per group, compared with the district as a whole. */
export function computeFairness(rows: readonly HearingRow[], groupOf: (h: HearingRow) => { key: string; label: string }) {
  const all: FirstHearing[] = [];
  const groups = new Map<string, { label: string; first: FirstHearing[] }>();
  for (const row of rows) {
    const { key, label } = groupOf(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label, first: [] }));
    if (!isFirstHearing(row)) continue;
    const first = { legal: legalLimitMet(row), waiting: waitingDays(row) };
    all.push(first);
    group.first.push(first);
  }
  const overall = summarise(all);
  const result: FairnessGroup[] = [...groups].map(([key, { label, first }]) => {
    const s = summarise(first);
    const complianceDifference =
      s.complianceRate === null || overall.complianceRate === null ? null : Math.round((s.complianceRate - overall.complianceRate) * 1000) / 10;
    const waitingDifference = s.medianWaitingDays === null || overall.medianWaitingDays === null ? null : s.medianWaitingDays - overall.medianWaitingDays;
    return {
      key,
      label,
      ...s,
      complianceDifference,
      waitingDifference,
      complianceFlagged: s.measured >= MIN_GROUP_SIZE && complianceDifference !== null && Math.abs(complianceDifference) >= COMPLIANCE_MARGIN_POINTS,
      waitingFlagged: s.cases >= MIN_GROUP_SIZE && waitingDifference !== null && Math.abs(waitingDifference) >= WAITING_MARGIN_DAYS,
    };
  });
  return { overall, groups: result.sort((a, b) => a.label.localeCompare(b.label)) };
}

export const byPoliceUnit = (h: HearingRow) => ({ key: h.policeUnit, label: h.policeUnit });
export const byLocation = (h: HearingRow) => ({ key: String(h.locationId), label: h.locationName });
