/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at
 * rank ceil(p/100 * n) (1-based). It is always one of the observed values, so a reviewer can
 * find the case behind it. The median is the 50th percentile by the same rule (for an even n the
 * lower of the two middle values), not an average of two values.
 */
export function nearestRank(sortedAscending: ArrayLike<number>, p: number): number | null {
  if (sortedAscending.length === 0) return null;
  if (p <= 0) return sortedAscending[0]!;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1]!;
}

export interface Distribution {
  count: number;
  median: number | null;
  p80: number | null;
  p90: number | null;
}

export function distributionOf(values: readonly number[]): Distribution {
  // A typed array sorts numbers by value without a comparator call per step (the same order).
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, median: nearestRank(sorted, 50), p80: nearestRank(sorted, 80), p90: nearestRank(sorted, 90) };
}

/** A share as a fraction 0..1, or null when there is nothing to divide by ('geen gegevens'). */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
