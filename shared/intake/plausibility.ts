import { amsterdamDate, parseOffsetDateTime, toAmsterdamLocal } from '../calendar/amsterdam-time';
import { isValidLocalDate, parseLocalDate } from '../calendar/local-date';
import type { EventField } from './case-intake';

/*
 * Whether the dates of a case can be true: the one check used by the intake form, cases.create, the
 * import and cases.updateEvents. Pure: 'now' (epoch ms) comes from the caller's clock. A moment in
 * the future or centuries ago gives deadlines that look safe and are not; a birth date decides
 * whether the suspect may be prosecuted at all (art. 486 Sv) and whether juvenile law applies (art. 77a Sr).
 */

/** A clock that runs a little ahead of the operation's clock (another workstation) is not a future moment. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/**
 * The oldest plausible moment of an event, in years before now. The longest limitation period for
 * offences a politierechter hears is 20 years (art. 70 lid 1 sub 4 Sr); an older event is a typing error.
 */
export const OLDEST_EVENT_YEARS = 20;
/** Nobody alive is older; an older birth date is a typing error (01-01-1800, 01-01-0000). */
export const OLDEST_SUSPECT_YEARS = 110;
/** No prosecution of someone who was under twelve at the time of the offence (art. 486 Sv). */
export const MINIMUM_AGE = 12;
/** Under eighteen at the time of the offence: juvenile criminal law (art. 77a Sr ff.). */
export const ADULT_AGE = 18;

export type DatedField = 'offenceAt' | EventField;

/** The field labels as the intake form and the case page show them (shared/i18n/nl.json, event.*). */
export const DATED_FIELD_LABELS: Record<DatedField | 'dateOfBirth', string> = {
  offenceAt: 'Pleegdatum',
  arrestedAt: 'Aanhouding',
  custodyOrderedAt: 'Inverzekeringstelling',
  custodyExtendedAt: 'Verlenging inverzekeringstelling',
  remandOrderedAt: 'Bewaring',
  summonsServedAt: 'Betekening dagvaarding',
  dateOfBirth: 'Geboortedatum',
};

export interface DateFacts {
  /** 'YYYY-MM-DD'. */
  dateOfBirth?: string | null | undefined;
  /** ISO-8601 instants. */
  offenceAt?: string | null | undefined;
  arrestedAt?: string | null | undefined;
  custodyOrderedAt?: string | null | undefined;
  custodyExtendedAt?: string | null | undefined;
  remandOrderedAt?: string | null | undefined;
  summonsServedAt?: string | null | undefined;
}

export interface PlausibilityIssue {
  /** The path in the intake schema: 'suspect.dateOfBirth', 'arrestedAt', ... */
  path: string;
  message: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** dd-mm-jjjj uu:mm, Amsterdam wall clock. */
export function dutchMoment(instant: number): string {
  const local = toAmsterdamLocal(instant);
  return `${dutchDate(local.date)} ${pad(local.hour)}:${pad(local.minute)}`;
}
/** dd-mm-jjjj. */
export function dutchDate(date: string): string {
  return date.split('-').reverse().join('-');
}

/** Whole years of age on a date (both 'YYYY-MM-DD'): a birthday on 29 February counts from 1 March in other years. */
export function ageOn(dateOfBirth: string, on: string): number {
  const birth = parseLocalDate(dateOfBirth);
  const day = parseLocalDate(on);
  const hadBirthday = day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  return day.year - birth.year - (hadBirthday ? 0 : 1);
}

export interface SuspectAge {
  years: number;
  /** The date the age is taken on: the offence, else the arrest, else today. */
  on: string;
  basis: 'offence' | 'arrest' | 'today';
  /** 12 to 17 on that date: juvenile criminal law applies (art. 77a Sr ff.). */
  minor: boolean;
}

/** The suspect's age at the offence (else the arrest, else today), computed from the birth date; null without a usable birth date. */
export function suspectAge(facts: Pick<DateFacts, 'dateOfBirth' | 'offenceAt' | 'arrestedAt'>, now: number): SuspectAge | null {
  if (!facts.dateOfBirth || !isValidLocalDate(facts.dateOfBirth)) return null;
  const offence = instantOrNull(facts.offenceAt);
  const arrest = instantOrNull(facts.arrestedAt);
  const [on, basis] =
    offence !== null ? [dateOf(offence), 'offence' as const] : arrest !== null ? [dateOf(arrest), 'arrest' as const] : [dateOf(now), 'today' as const];
  const years = ageOn(facts.dateOfBirth, on);
  return { years, on, basis, minor: years >= MINIMUM_AGE && years < ADULT_AGE };
}

function instantOrNull(value: string | null | undefined): number | null {
  if (!value) return null;
  const instant = parsedMoment(value);
  return Number.isFinite(instant) ? instant : null;
}

/**
 * Date.parse(value). A moment as Ketenplanner writes it, to the second with its offset or Z (no
 * fraction), means the same to parseOffsetDateTime, which the intake has just asked about it and
 * answers from its cache; any other text goes to Date.parse.
 */
function parsedMoment(value: string): number {
  if ((value.length === 25 || value.length === 20) && value.charCodeAt(19) !== 46) {
    const parsed = parseOffsetDateTime(value);
    if (parsed.ok) return parsed.instant;
  }
  return Date.parse(value);
}

/** amsterdamDate, keeping the last answers: an import asks for the same moments row after row (`now`, the midnights of date-only offence dates). */
const dates = new Map<number, string>();
function dateOf(instant: number): string {
  let date = dates.get(instant);
  if (date === undefined) {
    if (dates.size >= 4096) dates.clear();
    date = amsterdamDate(instant);
    dates.set(instant, date);
  }
  return date;
}

const MOMENT_FIELDS = (Object.keys(DATED_FIELD_LABELS) as (DatedField | 'dateOfBirth')[]).filter((field): field is DatedField => field !== 'dateOfBirth');

/**
 * Every implausible date of a case, each naming its field: a moment in the future (beyond a few
 * minutes), a moment more than twenty years ago, a birth date in the future or more than 110 years
 * ago, and a suspect under twelve at the time of the offence (art. 486 Sv). Only the fields present
 * in `facts` are checked (a correction checks what it changes); `checkAge: false` leaves the age alone.
 */
export function checkCaseDates(facts: DateFacts, now: number, options: { checkAge?: boolean } = {}): PlausibilityIssue[] {
  const issues: PlausibilityIssue[] = [];
  const today = dateOf(now);
  const oldest = now - OLDEST_EVENT_YEARS * 365.25 * 86_400_000;
  for (const field of MOMENT_FIELDS) {
    const value = facts[field];
    if (!value) continue;
    const instant = parsedMoment(value);
    if (!Number.isFinite(instant)) continue;
    const label = DATED_FIELD_LABELS[field];
    if (instant > now + FUTURE_TOLERANCE_MS) {
      issues.push({ path: field, message: `${label} ligt in de toekomst (${dutchMoment(instant)}): vul het werkelijke tijdstip in, niet later dan nu` });
    } else if (instant < oldest) {
      issues.push({ path: field, message: `${label} ligt meer dan ${OLDEST_EVENT_YEARS} jaar terug (${dutchMoment(instant)}): controleer het jaartal` });
    }
  }
  const birth = facts.dateOfBirth;
  if (birth && isValidLocalDate(birth)) {
    const label = DATED_FIELD_LABELS.dateOfBirth;
    if (birth > today) {
      issues.push({ path: 'suspect.dateOfBirth', message: `${label} ligt in de toekomst (${dutchDate(birth)}): controleer het jaartal` });
    } else if (ageOn(birth, today) >= OLDEST_SUSPECT_YEARS) {
      issues.push({ path: 'suspect.dateOfBirth', message: `${label} ${dutchDate(birth)} geeft een leeftijd van ${ageOn(birth, today)} jaar: controleer het jaartal` });
    } else if (options.checkAge !== false) {
      const age = suspectAge(facts, now);
      if (age && age.years < MINIMUM_AGE && age.on >= birth) {
        const when = age.basis === 'offence' ? 'op de pleegdatum' : age.basis === 'arrest' ? 'bij de aanhouding' : 'nu';
        issues.push({
          path: 'suspect.dateOfBirth',
          message: `Volgens de ${label.toLowerCase()} ${dutchDate(birth)} was de verdachte ${when} ${age.years} jaar: wie jonger is dan ${MINIMUM_AGE} kan niet worden vervolgd (art. 486 Sv). Controleer de geboortedatum`,
        });
      }
    }
  }
  return issues;
}

