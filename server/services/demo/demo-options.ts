import type { DemoOptions } from './generate-demo-district';

export const DEFAULT_DEMO_SEED = 2026;
export const DEFAULT_DEMO_CASES_PER_YEAR = 2800;
export const DEFAULT_DEMO_YEARS = 1;

/** Completes demo options; the demo's 'today' defaults to the real today (Europe/Amsterdam). */
export function resolveDemoOptions(
  partial: { seed?: number | undefined; casesPerYear?: number | undefined; asOf?: string | undefined; years?: number | undefined; moves?: boolean | undefined; chain?: boolean | undefined },
  today: string,
): DemoOptions {
  return {
    seed: partial.seed ?? DEFAULT_DEMO_SEED,
    casesPerYear: partial.casesPerYear ?? DEFAULT_DEMO_CASES_PER_YEAR,
    asOf: partial.asOf ?? today,
    years: partial.years ?? DEFAULT_DEMO_YEARS,
    moves: partial.moves ?? false,
    chain: partial.chain ?? true,
  };
}
