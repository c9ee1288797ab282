import { isValidLocalDate } from '../calendar/local-date';
import { FILLER_KINDS, HEARD_MODALITIES, type HeardModality } from '../domain/modality';
import { DAYPARTS, DEFAULT_ACCEPTED_MODALITIES, SESSION_TYPES, type SessionType } from '../domain/session';
import { HEARD_MODALITY_LABELS, SESSION_TYPE_LABELS, dutchList } from './capacity-labels';

/**
 * The rules a session pattern (template) and a single session must keep, with a Dutch message per
 * field. One source for the contract's schemas, the services and the forms, so all three agree.
 */

export interface FieldIssue {
  field: string;
  message: string;
}

export const MAX_CAPACITY_SLOTS = 200;
export const MAX_OVERBOOKING_SLOTS = 50;
export const MINUTES_PER_DAY = 24 * 60;

/** The modality a session of this type exists for (a mixed session has none of its own). */
const OWN_MODALITY: Record<SessionType, HeardModality | null> = {
  supersnelrecht: 'supersnelrecht',
  snelrecht: 'snelrecht',
  snelrecht_nd: 'snelrecht_nd',
  mixed: null,
};

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

/** Minutes from 'HH:mm' to 'HH:mm' (both valid). */
export function minutesBetween(start: string, end: string): number {
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return toMinutes(end) - toMinutes(start);
}

export function timeIssues(startTime: string, endTime: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isClockTime(startTime)) issues.push({ field: 'startTime', message: 'Begintijd: vul een tijd in als uu:mm, bijvoorbeeld 09:00' });
  if (!isClockTime(endTime)) issues.push({ field: 'endTime', message: 'Eindtijd: vul een tijd in als uu:mm, bijvoorbeeld 12:30' });
  if (issues.length === 0 && minutesBetween(startTime, endTime) <= 0) {
    issues.push({ field: 'endTime', message: `Eindtijd: ${endTime} ligt niet na de begintijd ${startTime}` });
  }
  return issues;
}

export interface CapacityNumbers {
  capacitySlots: number;
  capacityMinutes: number;
  overbookingSlots: number;
}

/** Whole numbers in range; the minutes fit in the session when its duration is known. */
export function capacityIssues(numbers: CapacityNumbers, durationMinutes: number | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const wholeIn = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
  if (!wholeIn(numbers.capacitySlots, MAX_CAPACITY_SLOTS)) {
    issues.push({ field: 'capacitySlots', message: `Aantal plaatsen: vul een heel getal in van 0 tot en met ${MAX_CAPACITY_SLOTS}` });
  }
  if (!wholeIn(numbers.capacityMinutes, MINUTES_PER_DAY)) {
    issues.push({ field: 'capacityMinutes', message: `Zittingsminuten: vul een heel getal in van 0 tot en met ${MINUTES_PER_DAY}` });
  } else if (durationMinutes !== null && durationMinutes > 0 && numbers.capacityMinutes > durationMinutes) {
    issues.push({
      field: 'capacityMinutes',
      message: `Zittingsminuten: ${numbers.capacityMinutes} minuten past niet in een zitting van ${durationMinutes} minuten (begin- tot eindtijd)`,
    });
  }
  if (!wholeIn(numbers.overbookingSlots, MAX_OVERBOOKING_SLOTS)) {
    issues.push({ field: 'overbookingSlots', message: `Overboeking: vul een heel getal in van 0 tot en met ${MAX_OVERBOOKING_SLOTS}` });
  }
  return issues;
}

export interface Acceptance {
  sessionType: SessionType;
  acceptedModalities: readonly string[];
  acceptedFillerKinds: readonly string[];
}

/**
 * At least one modality; only modalities the session type can take (a detained session has no room for
 * non-detained cases: that is a mixed session), always the type's own modality; filler kinds only
 * when the session takes filler cases (none chosen = every kind).
 */
export function acceptanceIssues({ sessionType, acceptedModalities, acceptedFillerKinds }: Acceptance): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const typeLabel = SESSION_TYPE_LABELS[sessionType];
  const unknown = acceptedModalities.filter((m) => !(HEARD_MODALITIES as readonly string[]).includes(m));
  if (acceptedModalities.length === 0) {
    issues.push({ field: 'acceptedModalities', message: 'Modaliteiten: kies minstens één modaliteit die de zitting neemt' });
  } else if (unknown.length > 0) {
    issues.push({ field: 'acceptedModalities', message: `Modaliteiten: onbekende modaliteit ${dutchList(unknown.map((m) => `'${m}'`))}` });
  } else {
    const allowed = DEFAULT_ACCEPTED_MODALITIES[sessionType] as readonly string[];
    const outside = acceptedModalities.filter((m) => !allowed.includes(m)) as HeardModality[];
    if (outside.length > 0) {
      issues.push({
        field: 'acceptedModalities',
        message: `Modaliteiten: een zitting '${typeLabel}' neemt geen ${dutchList(outside.map((m) => HEARD_MODALITY_LABELS[m]))}; kies 'Gemengde zitting' of pas de modaliteiten aan`,
      });
    }
    const own = OWN_MODALITY[sessionType];
    if (own && !acceptedModalities.includes(own)) {
      issues.push({ field: 'acceptedModalities', message: `Modaliteiten: een zitting '${typeLabel}' neemt in elk geval ${HEARD_MODALITY_LABELS[own]}` });
    }
    if (new Set(acceptedModalities).size !== acceptedModalities.length) {
      issues.push({ field: 'acceptedModalities', message: 'Modaliteiten: een modaliteit staat er twee keer in' });
    }
  }
  const unknownKinds = acceptedFillerKinds.filter((k) => !(FILLER_KINDS as readonly string[]).includes(k));
  if (unknownKinds.length > 0) {
    issues.push({ field: 'acceptedFillerKinds', message: `Soorten opvulzaken: onbekende soort ${dutchList(unknownKinds.map((k) => `'${k}'`))}` });
  } else if (acceptedFillerKinds.length > 0 && !acceptedModalities.includes('filler')) {
    issues.push({ field: 'acceptedFillerKinds', message: 'Soorten opvulzaken: kies die alleen als de zitting opvulzaken neemt' });
  }
  return issues;
}

/** Everything one dated session (an extra session, or a template's occurrence) must keep. */
export interface SessionFields extends CapacityNumbers, Acceptance {
  daypart: string;
  startTime: string;
  endTime: string;
}

export function sessionFieldIssues(fields: SessionFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!(DAYPARTS as readonly string[]).includes(fields.daypart)) issues.push({ field: 'daypart', message: 'Dagdeel: kies ochtend, middag of hele dag' });
  if (!(SESSION_TYPES as readonly string[]).includes(fields.sessionType)) {
    issues.push({ field: 'sessionType', message: 'Zittingstype: kies een zittingstype' });
    return issues;
  }
  const times = timeIssues(fields.startTime, fields.endTime);
  issues.push(...times);
  issues.push(...capacityIssues(fields, times.length === 0 ? minutesBetween(fields.startTime, fields.endTime) : null));
  issues.push(...acceptanceIssues(fields));
  return issues;
}

export interface TemplateFields extends SessionFields {
  name: string;
  weekdays: readonly number[];
  validFrom: string;
  validUntil: string | null;
}

export function templateFieldIssues(fields: TemplateFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const name = fields.name.trim();
  if (name.length === 0) issues.push({ field: 'name', message: 'Naam: vul een naam in voor dit zittingspatroon' });
  else if (name.length > 120) issues.push({ field: 'name', message: 'Naam: te lang (max. 120 tekens)' });
  if (fields.weekdays.length === 0) {
    issues.push({ field: 'weekdays', message: 'Weekdagen: kies minstens één weekdag' });
  } else if (fields.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    issues.push({ field: 'weekdays', message: 'Weekdagen: alleen maandag (1) tot en met zondag (7)' });
  } else if (fields.weekdays.some((d) => d > 5)) {
    issues.push({ field: 'weekdays', message: 'Weekdagen: zaterdag en zondag zijn geen zittingsdagen' });
  } else if (new Set(fields.weekdays).size !== fields.weekdays.length) {
    issues.push({ field: 'weekdays', message: 'Weekdagen: een weekdag staat er twee keer in' });
  }
  issues.push(...sessionFieldIssues(fields));
  if (!isValidLocalDate(fields.validFrom)) issues.push({ field: 'validFrom', message: 'Geldig vanaf: vul een geldige datum in' });
  if (fields.validUntil !== null) {
    if (!isValidLocalDate(fields.validUntil)) issues.push({ field: 'validUntil', message: 'Geldig tot en met: vul een geldige datum in of laat het leeg' });
    else if (isValidLocalDate(fields.validFrom) && fields.validUntil < fields.validFrom) {
      issues.push({ field: 'validUntil', message: 'Geldig tot en met: ligt vóór de datum geldig vanaf' });
    }
  }
  return issues;
}

/** Sorted unique ISO weekdays as stored ('1,3,5'). */
export function serializeWeekdays(weekdays: readonly number[]): string {
  return [...new Set(weekdays)].sort((a, b) => a - b).join(',');
}

export function parseWeekdays(stored: string): number[] {
  return stored
    .split(',')
    .map((d) => Number(d.trim()))
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
}
