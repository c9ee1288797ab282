import { CHAIN_STEPS, type ChainStep, type StepRow } from './metric-rows';
import { distributionOf, type Distribution } from './percentile';
import { dateOfInstant, daysBetweenInstants } from './time-buckets';

export interface StepPair {
  from: ChainStep;
  to: ChainStep;
}

/** Every ordered pair of chain steps (arrest -> zsm, arrest -> hearing, ..., acknowledged -> executed): 21 pairs. */
export const STEP_PAIRS: readonly StepPair[] = CHAIN_STEPS.flatMap((from, i) => CHAIN_STEPS.slice(i + 1).map((to) => ({ from, to })));

/**
 * A case counts for a pair when it reached both steps and the later step falls in [from, to].
 * A later step recorded before the earlier one is a data error: left out and counted apart.
 */
export function pairDays(row: StepRow, pair: StepPair, from: string, to: string): number | null {
  const start = row.steps[pair.from];
  const end = row.steps[pair.to];
  if (!start || !end) return null;
  const endDate = dateOfInstant(end);
  if (endDate < from || endDate > to || Date.parse(end) < Date.parse(start)) return null;
  return daysBetweenInstants(start, end);
}

export interface ThroughputFigure extends StepPair, Distribution {
  /** Cases left out because the later step is recorded before the earlier one. */
  inconsistent: number;
}

export function computeThroughput(rows: readonly StepRow[], from: string, to: string): ThroughputFigure[] {
  return STEP_PAIRS.map((pair) => {
    const values: number[] = [];
    let inconsistent = 0;
    for (const row of rows) {
      const days = pairDays(row, pair, from, to);
      if (days !== null) values.push(days);
      else {
        const start = row.steps[pair.from];
        const end = row.steps[pair.to];
        if (start && end && Date.parse(end) < Date.parse(start) && dateOfInstant(end) >= from && dateOfInstant(end) <= to) inconsistent += 1;
      }
    }
    return { ...pair, ...distributionOf(values), inconsistent };
  });
}
