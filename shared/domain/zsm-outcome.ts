import type { Modality } from './modality';

/** What the OvJ decides at the ZSM table (DOMAIN.md). */
export const ZSM_OUTCOMES = [
  'strafbeschikking',
  'sepot',
  'summons_supersnelrecht',
  'summons_snelrecht',
  'summons_snelrecht_nd',
  'other_route',
] as const;
export type ZsmOutcome = (typeof ZSM_OUTCOMES)[number];

export const OTHER_ROUTES = ['halt', 'zorg_en_veiligheidshuis', 'wijkagent', 'reclassering_vroeghulp', 'overig'] as const;
export type OtherRoute = (typeof OTHER_ROUTES)[number];

/** A summons outcome sends the case to court in this modality. */
export const SUMMONS_MODALITY: Partial<Record<ZsmOutcome, Modality>> = {
  summons_supersnelrecht: 'supersnelrecht',
  summons_snelrecht: 'snelrecht',
  summons_snelrecht_nd: 'snelrecht_nd',
};
