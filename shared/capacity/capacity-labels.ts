import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import type { HeardModality } from '../domain/modality';
import type { Daypart, SessionType } from '../domain/session';
import { parseLocalDate } from '../calendar/local-date';

// Dutch words for the back end's own messages (the renderer has the same words in nl.json).

export const SESSION_TYPE_LABELS: Record<SessionType, string> = {
  supersnelrecht: 'Supersnelrecht',
  snelrecht: 'Snelrecht gedetineerd',
  snelrecht_nd: 'Snelrecht niet-gedetineerd',
  mixed: 'Gemengde zitting',
};

export const HEARD_MODALITY_LABELS: Record<HeardModality, string> = {
  supersnelrecht: 'supersnelrecht',
  snelrecht: 'snelrecht gedetineerd',
  snelrecht_nd: 'snelrecht niet-gedetineerd',
  filler: 'opvulzaken',
};

export const DAYPART_LABELS: Record<Daypart, string> = { morning: 'ochtend', afternoon: 'middag', full_day: 'hele dag' };

/** ISO weekday (1 = Monday ... 7 = Sunday) to its Dutch name. */
export const WEEKDAY_NAMES: Record<number, string> = {
  1: 'maandag',
  2: 'dinsdag',
  3: 'woensdag',
  4: 'donderdag',
  5: 'vrijdag',
  6: 'zaterdag',
  7: 'zondag',
};

/** 'maandag 6 april 2026' */
export function dutchDate(date: string): string {
  const { year, month, day } = parseLocalDate(date);
  return format(new Date(year, month - 1, day, 12), 'EEEE d MMMM yyyy', { locale: nl });
}

/** 'a, b en c' */
export function dutchList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
