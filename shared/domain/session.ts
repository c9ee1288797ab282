import type { HeardModality } from './modality';

export const SESSION_TYPES = ['supersnelrecht', 'snelrecht', 'snelrecht_nd', 'mixed'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const DAYPARTS = ['morning', 'afternoon', 'full_day'] as const;
export type Daypart = (typeof DAYPARTS)[number];

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Which case modalities a session of a given type takes by default; filler fills non-detained and mixed sessions. */
export const DEFAULT_ACCEPTED_MODALITIES: Record<SessionType, readonly HeardModality[]> = {
  supersnelrecht: ['supersnelrecht'],
  snelrecht: ['snelrecht', 'supersnelrecht'],
  snelrecht_nd: ['snelrecht_nd', 'filler'],
  mixed: ['supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler'],
};
