/**
 * Calendar dates as 'YYYY-MM-DD' strings, with no time and no time zone. Arithmetic runs on whole
 * "epoch days" (days since 1970-01-01), so no daylight-saving change can shift a date.
 */

// A local date is exactly /^(\d{4})-(\d{2})-(\d{2})$/ naming a real day; read by hand below (epochDayOrNaN).

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 0 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** The number the ASCII digits at [from, to) of `value` spell, or -1 if one is not an ASCII digit. */
function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * The epoch day of a valid 'YYYY-MM-DD' (four, two and two digits, a real date), or NaN: read character by
 * character, without a match array or a parts object (dates are read millions of times in an import).
 */
function epochDayOrNaN(text: string): number {
  // Typed as text, but some callers hand over what a form held: read it as the pattern would (String(value)).
  const value = typeof text === 'string' ? text : String(text);
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 0 || month < 0 || day < 0 || !isValidParts(year, month, day)) return NaN;
  return epochDayOfParts(year, month, day);
}

function partsOrNull(text: string): DateParts | null {
  const value = typeof text === 'string' ? text : String(text);
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  return year >= 0 && month >= 0 && day >= 0 && isValidParts(year, month, day) ? { year, month, day } : null;
}

export function isValidLocalDate(value: string): boolean {
  return !Number.isNaN(epochDayOrNaN(value));
}

export function parseLocalDate(value: string): DateParts {
  const parts = partsOrNull(value);
  if (!parts) throw new RangeError(`Not a valid date (YYYY-MM-DD): "${value}"`);
  return parts;
}

export function formatLocalDate(year: number, month: number, day: number): string {
  if (!isValidParts(year, month, day)) throw new RangeError(`Not a valid date: ${year}-${month}-${day}`);
  return `${year >= 1000 ? year : String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

// Proleptic Gregorian day counting after H. Hinnant's days_from_civil / civil_from_days.
export function epochDayOfParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function partsOfEpochDay(epochDay: number): DateParts {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toEpochDay(value: string): number {
  const epochDay = epochDayOrNaN(value);
  if (Number.isNaN(epochDay)) throw new RangeError(`Not a valid date (YYYY-MM-DD): "${value}"`);
  return epochDay;
}

export function fromEpochDay(epochDay: number): string {
  const { year, month, day } = partsOfEpochDay(epochDay);
  return formatLocalDate(year, month, day);
}

export function addDays(value: string, days: number): string {
  return fromEpochDay(toEpochDay(value) + days);
}

/** 0 = Sunday ... 6 = Saturday, as Date.prototype.getDay. */
export function dayOfWeekOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function dayOfWeek(value: string): number {
  return dayOfWeekOfEpochDay(toEpochDay(value));
}

export function isWeekend(value: string): boolean {
  const weekday = dayOfWeek(value);
  return weekday === 0 || weekday === 6;
}

export function compareLocalDates(a: string, b: string): number {
  return toEpochDay(a) - toEpochDay(b);
}

export function yearOf(value: string): number {
  return parseLocalDate(value).year;
}
