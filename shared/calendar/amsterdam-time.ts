import { tzOffset } from '@date-fns/tz';
import { daysInMonth, epochDayOfParts, formatLocalDate, fromEpochDay, partsOfEpochDay, toEpochDay } from './local-date';

/**
 * Instants are epoch milliseconds; wall-clock times are Europe/Amsterdam. The zone's rules come from
 * the runtime's time-zone database (Intl), read through @date-fns/tz.
 */
export const AMSTERDAM_TIME_ZONE = 'Europe/Amsterdam';

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export interface AmsterdamLocal {
  date: string; // YYYY-MM-DD
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number; // 60 (CET) or 120 (CEST)
}

function lookUpOffset(instant: number): number {
  const offset = tzOffset(AMSTERDAM_TIME_ZONE, new Date(instant));
  if (!Number.isFinite(offset)) throw new Error('The runtime has no time-zone data for Europe/Amsterdam (Intl)');
  return offset;
}

// Since 1977 every Amsterdam offset change falls on a whole UTC hour (01:00 UTC), so the offset can be
// cached per UTC hour; an Intl lookup costs microseconds and the work queue computes limits in bulk.
const HOURLY_CACHE_FROM = Date.UTC(1977, 0, 1);
const HOURLY_CACHE_MAX_ENTRIES = 200_000;
const offsetByUtcHour = new Map<number, number>();

export function amsterdamOffsetMinutes(instant: number): number {
  if (instant < HOURLY_CACHE_FROM) return lookUpOffset(instant);
  const hour = Math.floor(instant / MS_PER_HOUR);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    if (offsetByUtcHour.size >= HOURLY_CACHE_MAX_ENTRIES) offsetByUtcHour.clear();
    offset = lookUpOffset(hour * MS_PER_HOUR);
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

export function toAmsterdamLocal(instant: number): AmsterdamLocal {
  if (!Number.isFinite(instant)) throw new RangeError('Not a valid instant');
  const offsetMinutes = amsterdamOffsetMinutes(instant);
  const { year, month, day, hour, minute, second, millisecond } = clockParts(instant + offsetMinutes * MS_PER_MINUTE);
  return { date: formatLocalDate(year, month, day), hour, minute, second, millisecond, offsetMinutes };
}

/** A moment in milliseconds since 1970 (UTC, or a wall clock written as if UTC) taken apart into its calendar fields. */
function clockParts(ms: number) {
  const epochDay = Math.floor(ms / MS_PER_DAY);
  const { year, month, day } = partsOfEpochDay(epochDay);
  let rest = ms - epochDay * MS_PER_DAY;
  const hour = Math.floor(rest / MS_PER_HOUR);
  rest -= hour * MS_PER_HOUR;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / MS_PER_SECOND);
  return { year, month, day, hour, minute, second, millisecond: rest - second * MS_PER_SECOND };
}

/** toAmsterdamLocal(instant).date, without the rest of the reading. */
export function amsterdamDate(instant: number): string {
  if (!Number.isFinite(instant)) throw new RangeError('Not a valid instant');
  return fromEpochDay(Math.floor((instant + amsterdamOffsetMinutes(instant) * MS_PER_MINUTE) / MS_PER_DAY));
}

/** The wall-clock time as if it were UTC ("naive" milliseconds), used for calendar arithmetic. */
function naiveOf(local: Omit<AmsterdamLocal, 'offsetMinutes'>): number {
  return (
    toEpochDay(local.date) * MS_PER_DAY +
    local.hour * MS_PER_HOUR +
    local.minute * MS_PER_MINUTE +
    local.second * MS_PER_SECOND +
    local.millisecond
  );
}

/**
 * The instant at which Amsterdam clocks first show the given naive wall-clock time. A time that
 * occurs twice (the October night) resolves to its first occurrence; a time that is skipped (the
 * March night) resolves to the moment the clocks jump past it. Both are the earliest sensible reading.
 */
export function fromAmsterdamNaive(naive: number): number {
  // The summer reading (offset 120) is the earlier of the two, so it wins when both are valid.
  const summer = naive - 120 * MS_PER_MINUTE;
  if (amsterdamOffsetMinutes(summer) === 120) return summer;
  const winter = naive - 60 * MS_PER_MINUTE;
  if (amsterdamOffsetMinutes(winter) === 60) return winter;
  // In the spring gap: find the switch to summer time (always on a whole minute) between the two readings.
  let before = Math.floor((naive - 120 * MS_PER_MINUTE) / MS_PER_MINUTE);
  let after = Math.ceil((naive - 60 * MS_PER_MINUTE) / MS_PER_MINUTE);
  const offsetBefore = amsterdamOffsetMinutes(before * MS_PER_MINUTE);
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (amsterdamOffsetMinutes(middle * MS_PER_MINUTE) === offsetBefore) before = middle;
    else after = middle;
  }
  return after * MS_PER_MINUTE;
}

/**
 * Every instant a wall-clock time names in Amsterdam: none in the spring gap (02:00-03:00 on the last
 * Sunday of March), two in the October hour that occurs twice, otherwise one.
 */
export function amsterdamReadings(date: string, hour: number, minute: number, second = 0): number[] {
  return readingsOfNaive(naiveOf({ date, hour, minute, second, millisecond: 0 }));
}

/** amsterdamReadings of a naive wall-clock time: summer reading first. */
export function readingsOfNaive(naive: number): number[] {
  const readings: number[] = [];
  const summer = naive - 120 * MS_PER_MINUTE;
  if (amsterdamOffsetMinutes(summer) === 120) readings.push(summer);
  const winter = naive - 60 * MS_PER_MINUTE;
  if (amsterdamOffsetMinutes(winter) === 60) readings.push(winter);
  return readings;
}

export function fromAmsterdamLocal(date: string, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  return fromAmsterdamNaive(naiveOf({ date, hour, minute, second, millisecond }));
}

// The start and end of a day depend on the date alone (the offset changes only at the clock changes),
// and the deadline engine asks for the same few days again and again: kept per day, bounded.
const DAY_BOUNDS_MAX = 4096;
const dayStarts = new Map<number, number>();
const dayEnds = new Map<number, number>();
const END_OF_DAY = 23 * MS_PER_HOUR + 59 * MS_PER_MINUTE + 59 * MS_PER_SECOND;

/** fromAmsterdamLocal(date, 0, 0, 0) or (date, 23, 59, 59) of the date's epoch day (toEpochDay refuses an invalid date the same way). */
function dayBound(cache: Map<number, number>, epochDay: number, timeOfDay: number): number {
  let instant = cache.get(epochDay);
  if (instant === undefined) {
    instant = fromAmsterdamNaive(epochDay * MS_PER_DAY + timeOfDay);
    if (cache.size >= DAY_BOUNDS_MAX) cache.clear();
    cache.set(epochDay, instant);
  }
  return instant;
}

export function startOfAmsterdamDay(date: string): number {
  return dayBound(dayStarts, toEpochDay(date), 0);
}

/** The last whole second of a day, 23:59:59 Amsterdam time: how day-based terms are shown. */
export function endOfAmsterdamDay(date: string): number {
  return dayBound(dayEnds, toEpochDay(date), END_OF_DAY);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** ISO-8601 in Amsterdam time with offset, whole seconds (truncated), e.g. 2026-04-14T18:00:00+02:00. */
export function formatAmsterdam(instant: number): string {
  const truncated = Math.floor(instant / MS_PER_SECOND) * MS_PER_SECOND;
  const local = toAmsterdamLocal(truncated);
  const sign = local.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(local.offsetMinutes);
  return (
    `${local.date}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}` +
    `${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}

const OFFSET_DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

export type OffsetDateTimeProblem = 'format' | 'missing-offset' | 'invalid-value';

type OffsetDateTimeResult = Readonly<{ ok: true; instant: number } | { ok: false; problem: OffsetDateTimeProblem }>;

/**
 * The last texts parsed: one moment is read five or six times on its way through an import row (the
 * intake schema, the deadline input, plausibility, the deadline engine, the stored UTC text), and a
 * 100,000-row import reads hundreds of thousands. Results are frozen; the cache empties when full.
 */
const parsedMoments = new Map<string, OffsetDateTimeResult>();
const PARSED_MOMENTS_MAX = 4096;

/** Parses an ISO-8601 date-time that carries its own offset ('Z' or ±hh:mm) into an instant. */
export function parseOffsetDateTime(text: string): OffsetDateTimeResult {
  const known = parsedMoments.get(text);
  if (known) return known;
  const result = Object.freeze(parseOffsetDateTimeUncached(text));
  if (text.length <= 40) {
    if (parsedMoments.size >= PARSED_MOMENTS_MAX) parsedMoments.clear();
    parsedMoments.set(text, result);
  }
  return result;
}

function parseOffsetDateTimeUncached(text: string): { ok: true; instant: number } | { ok: false; problem: OffsetDateTimeProblem } {
  const usual = usualOffsetDateTime(text);
  if (!Number.isNaN(usual)) return { ok: true, instant: usual };
  const match = OFFSET_DATE_TIME_PATTERN.exec(text);
  if (!match) return { ok: false, problem: 'format' };
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, offsetText] = match;
  if (offsetText === undefined) return { ok: false, problem: 'missing-offset' };
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  const millisecond = fractionText === undefined ? 0 : Math.floor(Number(`0.${fractionText}`) * 1000);
  let offsetMinutes = 0;
  if (offsetText !== 'Z') {
    const offsetHours = Number(offsetText.slice(1, 3));
    const offsetMins = Number(offsetText.slice(4, 6));
    if (offsetHours > 18 || offsetMins > 59) return { ok: false, problem: 'invalid-value' };
    offsetMinutes = (offsetText.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, problem: 'invalid-value' };
  // Four digits make a year 0-9999: only the month and the day can name no date.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: 'invalid-value' };
  const naive = epochDayOfParts(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND + millisecond;
  return { ok: true, instant: naive - offsetMinutes * MS_PER_MINUTE };
}

const digit = (text: string, at: number) => {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
};
const twoDigits = (text: string, at: number) => digit(text, at) * 10 + digit(text, at + 1);
/** Math.floor(Number(`0.${fraction}`) * 1000) of every three-digit fraction, as the general reading computes it. */
const MS_OF_FRACTION = Array.from({ length: 1000 }, (_, n) => Math.floor(Number(`0.${String(n).padStart(3, '0')}`) * 1000));

/**
 * The instant of the shapes Ketenplanner writes itself, read character by character:
 * 'YYYY-MM-DDTHH:MM:SS+HH:MM' (formatAmsterdam), 'YYYY-MM-DDTHH:MM:SS.sssZ' (toISOString) and
 * 'YYYY-MM-DDTHH:MM:SSZ'; NaN for any other text or a value out of range (the general reading then
 * decides, with its problem).
 */
function usualOffsetDateTime(text: string): number {
  const length = text.length;
  if (length !== 25 && length !== 24 && length !== 20) return NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  let millisecond = 0;
  let offsetMinutes = 0;
  if (length === 25) {
    const sign = text.charCodeAt(19);
    if ((sign !== 43 && sign !== 45) || text.charCodeAt(22) !== 58) return NaN;
    const offsetHours = twoDigits(text, 20);
    const offsetMins = twoDigits(text, 23);
    if (!(offsetHours <= 18 && offsetMins <= 59)) return NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else if (length === 24) {
    if (text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return NaN;
    millisecond = MS_OF_FRACTION[digit(text, 20) * 100 + twoDigits(text, 21)] ?? NaN;
  } else if (text.charCodeAt(19) !== 90) return NaN;
  // NaN (a non-digit) fails every comparison below, so it never passes.
  if (!(hour <= 23 && minute <= 59 && second <= 59 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) || Number.isNaN(millisecond + year)) return NaN;
  const naive = epochDayOfParts(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND + millisecond;
  return naive - offsetMinutes * MS_PER_MINUTE;
}

/** Like parseOffsetDateTime, but throws: for values that were validated before. */
export function instantOf(text: string): number {
  const parsed = parseOffsetDateTime(text);
  if (!parsed.ok) throw new RangeError(`Not an ISO-8601 date-time with offset (${parsed.problem}): "${text}"`);
  return parsed.instant;
}

export interface DayHourDuration {
  days: number;
  hours: number;
}

/**
 * The end of a custody period "days and hours" after an instant, taking the EARLIER of two readings:
 * real elapsed time (days x 24 h + hours), and the same wall-clock time that many calendar days and
 * hours later. The two differ by an hour when a daylight-saving change falls inside the period; the
 * earlier one is the safe reading for a detained person.
 */
export function addCustodyDuration(instant: number, duration: DayHourDuration): number {
  const elapsed = instant + (duration.days * 24 + duration.hours) * MS_PER_HOUR;
  const naive = wallClockOf(instant) + duration.days * MS_PER_DAY + duration.hours * MS_PER_HOUR;
  return Math.min(elapsed, fromAmsterdamNaive(naive));
}

/** From 1977 (whole-hour offsets) to 2200: whole-ms instants there read back exactly as naiveOf(toAmsterdamLocal(instant)). */
const WALL_CLOCK_FAST_UNTIL = Date.UTC(2200, 0, 1);

/** naiveOf(toAmsterdamLocal(instant)): the instant plus its offset, without taking the reading apart and putting it together again. */
function wallClockOf(instant: number): number {
  if (Number.isInteger(instant) && instant >= HOURLY_CACHE_FROM && instant < WALL_CLOCK_FAST_UNTIL) return instant + amsterdamOffsetMinutes(instant) * MS_PER_MINUTE;
  return naiveOf(toAmsterdamLocal(instant));
}

const ISO_FAST_FROM = Date.UTC(1000, 0, 1);
const ISO_FAST_UNTIL = Date.UTC(10000, 0, 1);
/** The character code of the tens and of the units digit of 0-99. */
const tens = (n: number) => 48 + Math.floor(n / 10);
const units = (n: number) => 48 + (n % 10);

/**
 * new Date(instant).toISOString(), written out here for whole-ms instants of years 1000-9999 (four-digit
 * years, as toISOString writes them), in half the time, and the import writes several per row. Made
 * with String.fromCharCode, so the text is one flat string: a template literal would keep a chain of
 * pieces in memory for every stored value.
 */
export function isoUtc(instant: number): string {
  if (!Number.isInteger(instant) || instant < ISO_FAST_FROM || instant >= ISO_FAST_UNTIL) return new Date(instant).toISOString();
  const { year, month, day, hour, minute, second, millisecond: ms } = clockParts(instant);
  const century = Math.floor(year / 100);
  const tenthsAndHundredths = Math.floor(ms / 10);
  return String.fromCharCode(
    tens(century), units(century), tens(year % 100), units(year % 100), 45, tens(month), units(month), 45, tens(day), units(day), 84,
    tens(hour), units(hour), 58, tens(minute), units(minute), 58, tens(second), units(second), 46, 48 + Math.floor(ms / 100), units(tenthsAndHundredths), units(ms), 90,
  );
}
