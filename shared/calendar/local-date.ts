/**
 * Calendar dates as 'YYYY-MM-DD' strings, with no time and no time zone. Arithmetic runs on whole
 * "epoch days" (days since 1970-01-01), so no daylight-saving change can shift a date.
 */

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 0 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

function partsOrNull(value: string): DateParts | null {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidParts(year, month, day) ? { year, month, day } : null;
}

export function isValidLocalDate(value: string): boolean {
  return partsOrNull(value) !== null;
}

export function parseLocalDate(value: string): DateParts {
  const parts = partsOrNull(value);
  if (!parts) throw new RangeError(`Not a valid date (YYYY-MM-DD): "${value}"`);
  return parts;
}

export function formatLocalDate(year: number, month: number, day: number): string {
  if (!isValidParts(year, month, day)) throw new RangeError(`Not a valid date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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
  const { year, month, day } = parseLocalDate(value);
  return epochDayOfParts(year, month, day);
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
