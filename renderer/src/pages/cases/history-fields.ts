import { formatDate, formatInstant, formatNumber } from '../../i18n/format';

/**
 * How the case history shows an old or new value: by the TYPE of the field that changed, never by
 * guessing from the value (a zaaksgroep 'PL0900-2026041412' or 'PV-B-9999' is text, even though a
 * date parser would accept or choke on it).
 *   instant: an ISO instant, shown in Amsterdam time ('di 14 apr. 2026 18:00')
 *   date:    a calendar date 'YYYY-MM-DD' ('3 juli 1994')
 *   text, number, boolean ('ja'/'nee'), enum (the label from the catalog group named in `labels`)
 */
export type HistoryValueKind = 'instant' | 'date' | 'text' | 'number' | 'boolean' | 'enum';

export interface HistoryField {
  kind: HistoryValueKind;
  /** For kind 'enum': the catalog group of the value's labels (e.g. 'modality'). */
  labels?: string;
}

/** Every field a case edit records in its audit details (case.events_changed, case.details_changed), with its type. */
export const HISTORY_FIELDS: Readonly<Record<string, HistoryField>> = {
  arrestedAt: { kind: 'instant' },
  custodyOrderedAt: { kind: 'instant' },
  custodyExtendedAt: { kind: 'instant' },
  remandOrderedAt: { kind: 'instant' },
  summonsServedAt: { kind: 'instant' },
  judgmentAt: { kind: 'instant' },
  penaltyOrderDeliveredAt: { kind: 'instant' },
  offenceAt: { kind: 'instant' },
  shortTermConsent: { kind: 'boolean' },
  coDefendantGroup: { kind: 'text' },
  estimatedMinutes: { kind: 'number' },
  fullName: { kind: 'text' },
  dateOfBirth: { kind: 'date' },
  summonsAddress: { kind: 'text' },
  lawyerName: { kind: 'text' },
  policeUnit: { kind: 'text' },
  offenceSummary: { kind: 'text' },
  modality: { kind: 'enum', labels: 'modality' },
};

export interface ValueWords {
  /** '(leeg)' */
  none: string;
  yes: string;
  no: string;
  /** The label of an enum value, the value itself when unknown. */
  enumLabel: (group: string, value: string) => string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One value as the history shows it. A value that does not fit its field's type (an older row, a
 * hand-edited database) is shown as it is stored rather than failing the page.
 */
export function formatHistoryValue(field: string, value: unknown, words: ValueWords): string {
  if (value === null || value === undefined || value === '') return words.none;
  const kind = HISTORY_FIELDS[field]?.kind ?? 'text';
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  switch (kind) {
    case 'instant':
      return typeof value === 'string' && Number.isFinite(Date.parse(value)) ? formatInstant(value) : raw;
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && Number.isFinite(Date.parse(value)) ? formatDate(value) : raw;
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : raw;
    case 'boolean':
      return typeof value === 'boolean' ? (value ? words.yes : words.no) : raw;
    case 'enum':
      return typeof value === 'string' ? words.enumLabel(HISTORY_FIELDS[field]!.labels!, value) : raw;
    case 'text':
      return raw;
  }
}
