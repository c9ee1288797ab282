import { CHAIN_STEPS, type ChainStep, type StepRow } from './metric-rows';
import { distributionOf, type Distribution } from './percentile';
import { dateOfInstant, daysBetweenMs } from './time-buckets';

export interface StepPair {
  from: ChainStep;
  to: ChainStep;
}

/** Every ordered pair of chain steps (arrest -> zsm, arrest -> hearing, ..., acknowledged -> executed): 21 pairs. */
export const STEP_PAIRS: readonly StepPair[] = CHAIN_STEPS.flatMap((from, i) => CHAIN_STEPS.slice(i + 1).map((to) => ({ from, to })));

/** A step's instant as text, epoch milliseconds and Amsterdam date: parsed once per row, used by up to 6 pairs. */
interface StepTime {
  ms: number;
  date: string;
}

const stepTime = (iso: string | undefined): StepTime | null => (iso ? { ms: Date.parse(iso), date: dateOfInstant(iso) } : null);

/**
 * A case counts for a pair when it reached both steps and the later step falls in [from, to].
 * A later step recorded before the earlier one is a data error: left out and counted apart.
 */
export function pairDays(row: StepRow, pair: StepPair, from: string, to: string): number | null {
  return pairDaysOf(stepTime(row.steps[pair.from]), stepTime(row.steps[pair.to]), from, to);
}

function pairDaysOf(start: StepTime | null, end: StepTime | null, from: string, to: string): number | null {
  if (!start || !end) return null;
  if (end.date < from || end.date > to || end.ms < start.ms) return null;
  return daysBetweenMs(start.ms, end.ms);
}

export interface ThroughputFigure extends StepPair, Distribution {
  /** Cases left out because the later step is recorded before the earlier one. */
  inconsistent: number;
}

export function computeThroughput(rows: readonly StepRow[], from: string, to: string): ThroughputFigure[] {
  // Row by row, step by step (CHAIN_STEPS order): null where the case has not reached the step.
  const times: (StepTime | null)[] = [];
  for (const row of rows) for (const step of CHAIN_STEPS) times.push(stepTime(row.steps[step]));
  const width = CHAIN_STEPS.length;
  return STEP_PAIRS.map((pair) => {
    const a = CHAIN_STEPS.indexOf(pair.from);
    const b = CHAIN_STEPS.indexOf(pair.to);
    const values: number[] = [];
    let inconsistent = 0;
    for (let i = 0; i < times.length; i += width) {
      const start = times[i + a]!;
      const end = times[i + b]!;
      if (!start || !end) continue;
      const days = pairDaysOf(start, end, from, to);
      if (days !== null) values.push(days);
      else if (end.ms < start.ms && end.date >= from && end.date <= to) inconsistent += 1;
    }
    return { ...pair, ...distributionOf(values), inconsistent };
  });
}
