import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n/format';

/** 'a, b en c' */
export function dutchList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export function weekdayList(t: TFunction, weekdays: readonly number[]): string {
  return dutchList(weekdays.map((d) => t(`capacity.weekday.${d}`)));
}

/** 'Supersnelrecht, Opvulzaak (alle soorten opvulzaken)' */
export function acceptanceText(t: TFunction, modalities: readonly string[], fillerKinds: readonly string[]): string {
  const text = modalities.map((m) => t(`modality.${m}`)).join(', ');
  if (!modalities.includes('filler')) return text;
  const kinds = fillerKinds.length === 0 ? t('capacity.allFillerKinds') : t('capacity.fillerKindsOnly', { kinds: fillerKinds.map((k) => t(`fillerKind.${k}`)).join(', ') });
  return `${text} (${kinds})`;
}

export function validityText(t: TFunction, from: string, until: string | null): string {
  return until ? t('capacity.validRange', { from: formatDate(from), until: formatDate(until) }) : t('capacity.validFromOnly', { from: formatDate(from) });
}

export interface SessionPlace {
  date: string;
  startTime: string;
  endTime: string;
  roomName: string;
  locationName: string;
}

/** 'di 16 jun 09:00–12:30, Zaal 1 (Paleis van Justitie)' */
export function sessionLabel(t: TFunction, s: SessionPlace): string {
  return t('capacity.sessionLabel', { date: formatDate(s.date), start: s.startTime, end: s.endTime, room: s.roomName, location: s.locationName });
}
