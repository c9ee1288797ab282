/**
 * Why a judge or prosecutor is away, as one short word. Deliberately coarse: the rota never holds
 * medical or other personal detail (illness is recorded as 'afwezig').
 */
export const UNAVAILABILITY_REASONS = ['verlof', 'cursus', 'andere_verplichting', 'afwezig'] as const;
export type UnavailabilityReason = (typeof UNAVAILABILITY_REASONS)[number];

export const UNAVAILABILITY_REASON_LABELS: Record<UnavailabilityReason, string> = {
  verlof: 'Verlof',
  cursus: 'Cursus',
  andere_verplichting: 'Andere verplichting',
  afwezig: 'Afwezig',
};

export function isUnavailabilityReason(value: string): value is UnavailabilityReason {
  return (UNAVAILABILITY_REASONS as readonly string[]).includes(value);
}

/** Two inclusive date ranges ('YYYY-MM-DD') share at least one day. */
export function rangesOverlap(a: { fromDate: string; toDate: string }, b: { fromDate: string; toDate: string }): boolean {
  return a.fromDate <= b.toDate && b.fromDate <= a.toDate;
}
