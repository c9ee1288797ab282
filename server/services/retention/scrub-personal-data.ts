import { REMOVED_VALUE } from '../../../shared/retention/retention';

/** Keys under which stored JSON (audit details, stored answers) holds a suspect's personal data. */
const PERSONAL_KEYS = new Set(['fullName', 'dateOfBirth', 'summonsAddress', 'lawyerName', 'lawyer', 'address', 'person', 'suspect']);

export interface PersonalValues {
  fullName: string;
  dateOfBirth: string;
  summonsAddress: string | null;
  lawyerName: string | null;
}

/**
 * The exact strings to remove wherever they occur as a whole value. The lawyer's name is not among
 * them: 'mr. …' can equally be a judge or prosecutor named in the same record, whose name must stay
 * (it is removed only under a personal key such as `lawyerName`).
 */
export function exactValues(values: PersonalValues): Set<string> {
  return new Set([values.fullName, values.dateOfBirth, values.summonsAddress].filter((v): v is string => typeof v === 'string' && v.trim().length > 0));
}

/** Every non-null value inside `value` replaced, its shape kept (a change `{ from, to }` stays readable). */
function removeAll(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(removeAll);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, removeAll(item)]));
  return REMOVED_VALUE;
}

/**
 * A copy of `value` with the personal data taken out: every value under a personal key (keeping its
 * shape, so the case history still shows 'Naam [verwijderd] → [verwijderd]'), and every string equal
 * to one of `exact`. Other values (ids, statuses, professionals' names, amounts) stay as they are.
 */
export function scrubPersonalData(value: unknown, exact: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return exact.has(value) ? REMOVED_VALUE : value;
  if (Array.isArray(value)) return value.map((item) => scrubPersonalData(item, exact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, PERSONAL_KEYS.has(key) ? removeAll(item) : scrubPersonalData(item, exact)]));
  }
  return value;
}
