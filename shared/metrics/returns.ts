import type { ReturnRow } from './metric-rows';
import { dateOfInstant } from './time-buckets';

/** The label for a return without a code. */
export const NO_RETURN_CODE = 'zonder code';

export const returnCodeOf = (row: ReturnRow) => row.returnCode?.trim() || NO_RETURN_CODE;

/** Cases CJIB returned in [from, to] (by the latest return of each hand-off), per reason code, most first. */
export function computeReturns(rows: readonly ReturnRow[], from: string, to: string) {
  const counts = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    const date = dateOfInstant(row.returnedAt);
    if (date < from || date > to) continue;
    total += 1;
    counts.set(returnCodeOf(row), (counts.get(returnCodeOf(row)) ?? 0) + 1);
  }
  return { total, byCode: [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)) };
}
