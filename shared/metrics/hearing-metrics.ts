import type { HearingRow } from './metric-rows';
import { shareOf } from './percentile';
import { monthOf, monthsBetween } from './time-buckets';

/** The case's first hearing that took place: the one deadlines and waiting times are measured at. */
export const isFirstHearing = (h: HearingRow) => h.earlierTookPlace === 0;

/** Within the legal limit: the hearing started at or before hearing_by. Null when the case has no hard limit. */
export function legalLimitMet(h: HearingRow): boolean | null {
  if (!isFirstHearing(h) || h.hearingBy === null) return null;
  return Date.parse(h.startAt) <= Date.parse(h.hearingBy);
}

/** Within the policy target (hearing_target_by). Null when the case has no target. */
export function targetMet(h: HearingRow): boolean | null {
  if (!isFirstHearing(h) || h.hearingTargetBy === null) return null;
  return Date.parse(h.startAt) <= Date.parse(h.hearingTargetBy);
}

/** Date certainty: a held hearing on the first date planned (no earlier hearing of the case, never moved). Null for adjourned ones. */
export function heldOnFirstDate(h: HearingRow): boolean | null {
  if (h.status !== 'held') return null;
  return h.earlierHearings === 0 && h.movedEvents === 0;
}

export interface ComplianceFigure {
  /** Cases measured (with a limit), and how many met it. */
  measured: number;
  met: number;
  missed: number;
  rate: number | null;
}

function compliance(rows: readonly HearingRow[], test: (h: HearingRow) => boolean | null): ComplianceFigure {
  let met = 0;
  let missed = 0;
  for (const row of rows) {
    const result = test(row);
    if (result === true) met += 1;
    else if (result === false) missed += 1;
  }
  return { measured: met + missed, met, missed, rate: shareOf(met, met + missed) };
}

export const computeLegalCompliance = (rows: readonly HearingRow[]) => compliance(rows, legalLimitMet);
export const computeTargetCompliance = (rows: readonly HearingRow[]) => compliance(rows, targetMet);
export const computeDateCertainty = (rows: readonly HearingRow[]) => compliance(rows, heldOnFirstDate);

/** Legal-limit and target compliance per calendar month of the hearing. */
export function complianceByMonth(rows: readonly HearingRow[], from: string, to: string) {
  const byMonth = new Map<string, HearingRow[]>();
  for (const row of rows) {
    const month = monthOf(row.date);
    const list = byMonth.get(month);
    if (list) list.push(row);
    else byMonth.set(month, [row]);
  }
  return monthsBetween(from, to).map((month) => {
    const inMonth = byMonth.get(month) ?? [];
    return { month, legal: computeLegalCompliance(inMonth), target: computeTargetCompliance(inMonth) };
  });
}

export interface AdjournmentFigure {
  hearings: number;
  adjourned: number;
  share: number | null;
}

/** Adjourned hearings among the hearings that took place. */
export function computeAdjournments(rows: readonly HearingRow[]): AdjournmentFigure {
  const adjourned = rows.filter((r) => r.status === 'adjourned').length;
  return { hearings: rows.length, adjourned, share: shareOf(adjourned, rows.length) };
}
