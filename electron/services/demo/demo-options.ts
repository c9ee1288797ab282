import type { DemoOptions } from './generate-demo-district';

export const DEFAULT_DEMO_SEED = 2026;
export const DEFAULT_DEMO_CASES_PER_YEAR = 2800;

/**
 * Completes demo options: the year defaults to today's; the demo's 'today' is the real today inside
 * that year, its last day for a past year, and its first day for a future one.
 */
export function resolveDemoOptions(
  partial: { seed?: number | undefined; year?: number | undefined; casesPerYear?: number | undefined; asOf?: string | undefined },
  today: string,
): DemoOptions {
  const year = partial.year ?? Number(today.slice(0, 4));
  const thisYear = Number(today.slice(0, 4));
  const asOf = partial.asOf ?? (year === thisYear ? today : year < thisYear ? `${year}-12-31` : `${year}-01-01`);
  return {
    seed: partial.seed ?? DEFAULT_DEMO_SEED,
    year,
    casesPerYear: partial.casesPerYear ?? DEFAULT_DEMO_CASES_PER_YEAR,
    asOf,
  };
}
