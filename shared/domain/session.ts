import { FILLER_KINDS, HEARD_MODALITIES, type FillerKind, type HeardModality } from './modality';

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

/** The stored form of a session's accepted modalities (comma-separated); '' reads as the type's default. */
export function parseAcceptedModalities(stored: string, sessionType: SessionType): readonly HeardModality[] {
  if (!stored) return DEFAULT_ACCEPTED_MODALITIES[sessionType];
  return stored.split(',').filter((m): m is HeardModality => (HEARD_MODALITY_SET as Set<string>).has(m));
}

/** Accepted filler kinds (comma-separated); '' means every kind (when the session takes filler at all). */
export function parseAcceptedFillerKinds(stored: string): readonly FillerKind[] | 'all' {
  if (!stored) return 'all';
  return stored.split(',').filter((k): k is FillerKind => (FILLER_KIND_SET as Set<string>).has(k));
}

export function serializeList(values: readonly string[]): string {
  return values.join(',');
}

export interface SessionAcceptance {
  sessionType: SessionType;
  acceptedModalities: string;
  acceptedFillerKinds: string;
}

/** Whether a session takes a case of this modality (and, for filler, this filler kind). */
export function sessionAcceptsCase(session: SessionAcceptance, modality: string, fillerKind: string | null): boolean {
  if (!parseAcceptedModalities(session.acceptedModalities, session.sessionType).includes(modality as HeardModality)) return false;
  if (modality !== 'filler') return true;
  const kinds = parseAcceptedFillerKinds(session.acceptedFillerKinds);
  return kinds === 'all' || fillerKind === null || kinds.includes(fillerKind as FillerKind);
}

const HEARD_MODALITY_SET = new Set<string>(HEARD_MODALITIES);
const FILLER_KIND_SET = new Set<string>(FILLER_KINDS);
