import type { Modality } from './modality';

export interface ReadinessFacts {
  modality: Modality;
  arrestedAt: string | null;
  summonsServedAt: string | null;
  shortTermConsent: boolean;
}

export const READINESS_GAPS = ['arrest_time', 'short_term_consent', 'summons_served'] as const;
export type ReadinessGap = (typeof READINESS_GAPS)[number];

/**
 * What a case still waits for before it can be put on a session. This first version checks the
 * intake facts the deadline engine needs; the readiness issue adds dossier, advice reports,
 * interpreter, lawyer and victim.
 */
export function readinessGaps(c: ReadinessFacts): ReadinessGap[] {
  const gaps: ReadinessGap[] = [];
  const detained = c.modality === 'supersnelrecht' || c.modality === 'snelrecht';
  if (detained && !c.arrestedAt) gaps.push('arrest_time');
  // art. 265 lid 2 Sv: supersnelrecht only with the suspect's consent to a shorter summons term.
  if (c.modality === 'supersnelrecht' && !c.shortTermConsent) gaps.push('short_term_consent');
  if (c.modality !== 'supersnelrecht' && c.modality !== 'zsm' && !c.summonsServedAt) gaps.push('summons_served');
  return gaps;
}
