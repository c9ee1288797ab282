import type { DisposalRow, IntakeRow, PendingRow } from './metric-rows';
import { distributionOf, shareOf, type Distribution } from './percentile';
import { calendarDaysBetween, dateOfInstant, monthsBetween } from './time-buckets';

export const BACKLOG_BUCKETS = ['0-7', '8-14', '15-28', '29-56', '57+'] as const;
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number];

/** Age bucket of a case waiting `days` calendar days (0-7, 8-14, 15-28, 29-56, more than 56). */
export function backlogBucket(days: number): BacklogBucket {
  if (days <= 7) return '0-7';
  if (days <= 14) return '8-14';
  if (days <= 28) return '15-28';
  if (days <= 56) return '29-56';
  return '57+';
}

export const pendingAge = (row: PendingRow, asOf: string) => calendarDaysBetween(row.intakeDate, asOf);

/** Cases waiting for a hearing, by days since intake on asOf. */
export function computeBacklog(rows: readonly PendingRow[], asOf: string): { bucket: BacklogBucket; count: number }[] {
  const counts = new Map<BacklogBucket, number>(BACKLOG_BUCKETS.map((b) => [b, 0]));
  for (const row of rows) if (row.awaitsHearing) counts.set(backlogBucket(pendingAge(row, asOf)), counts.get(backlogBucket(pendingAge(row, asOf)))! + 1);
  return BACKLOG_BUCKETS.map((bucket) => ({ bucket, count: counts.get(bucket)! }));
}

/** Age of the whole pending caseload (waiting for a hearing or for the ZSM table) in days on asOf. */
export const computePendingAge = (rows: readonly PendingRow[], asOf: string): Distribution => distributionOf(rows.map((r) => pendingAge(r, asOf)));

export const disposalDate = (row: DisposalRow) => dateOfInstant(row.disposedAt);

/** Days from intake to disposition, for cases disposed in [from, to]. */
export function computeTimeToDisposition(rows: readonly DisposalRow[], from: string, to: string): Distribution {
  const values: number[] = [];
  for (const r of rows) {
    const date = disposalDate(r);
    if (date >= from && date <= to) values.push(Math.max(0, calendarDaysBetween(dateOfInstant(r.intakeAt), date)));
  }
  return distributionOf(values);
}

export interface ClearanceFigure {
  incoming: number;
  outgoing: number;
  /** Outgoing / incoming; null when nothing came in. */
  rate: number | null;
}

/** Clearance rate: cases out (disposed) / cases in (intake), over [from, to] and per month. */
export function computeClearance(intake: readonly IntakeRow[], disposals: readonly DisposalRow[], from: string, to: string) {
  // Each disposal's date once, not once per month and bound.
  const disposed = disposals.map(disposalDate);
  const figure = (a: string, b: string): ClearanceFigure => {
    const incoming = intake.filter((r) => r.intakeDate >= a && r.intakeDate <= b).length;
    const outgoing = disposed.filter((date) => date >= a && date <= b).length;
    return { incoming, outgoing, rate: shareOf(outgoing, incoming) };
  };
  return {
    total: figure(from, to),
    monthly: monthsBetween(from, to).map((month) => {
      const first = `${month}-01` < from ? from : `${month}-01`;
      const last = `${month}-31` > to ? to : `${month}-31`;
      return { month, ...figure(first, last) };
    }),
  };
}
