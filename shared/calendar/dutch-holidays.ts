import { easterSunday } from './easter';
import { addDays, dayOfWeek, formatLocalDate } from './local-date';

export interface HolidayEntry {
  date: string; // YYYY-MM-DD
  name: string; // Dutch name
  kind: 'atw' | 'equivalent';
}

/**
 * Earliest year whose holiday rules are encoded here: the Koninginnedag rule of 1980-2013 (30 April,
 * 29 April when the 30th is a Sunday). The product is tested for 2000-2100.
 */
export const MIN_SUPPORTED_YEAR = 1980;
export const MAX_SUPPORTED_YEAR = 9999;

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) {
    throw new RangeError(`The court calendar covers the years ${MIN_SUPPORTED_YEAR}-${MAX_SUPPORTED_YEAR}, not ${year}`);
  }
}

/** The day on which the monarch's birthday is celebrated (art. 3 lid 1 Atw refers to it). */
function kingsDay(year: number): HolidayEntry {
  if (year >= 2014) {
    // Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday.
    const date = formatLocalDate(year, 4, 27);
    return { date: dayOfWeek(date) === 0 ? addDays(date, -1) : date, name: 'Koningsdag', kind: 'atw' };
  }
  // Koninginnedag 1980-2013: 30 April, or Saturday 29 April when the 30th is a Sunday.
  const date = formatLocalDate(year, 4, 30);
  return { date: dayOfWeek(date) === 0 ? addDays(date, -1) : date, name: 'Koninginnedag', kind: 'atw' };
}

/** The recognised holidays of art. 3 lid 1 Atw, in date order. */
export function atwHolidays(year: number): HolidayEntry[] {
  assertSupportedYear(year);
  const easter = easterSunday(year);
  const entries: HolidayEntry[] = [
    { date: formatLocalDate(year, 1, 1), name: 'Nieuwjaarsdag', kind: 'atw' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag', kind: 'atw' },
    kingsDay(year),
    { date: formatLocalDate(year, 5, 5), name: 'Bevrijdingsdag', kind: 'atw' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag', kind: 'atw' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag', kind: 'atw' },
    { date: formatLocalDate(year, 12, 25), name: 'Eerste Kerstdag', kind: 'atw' },
    { date: formatLocalDate(year, 12, 26), name: 'Tweede Kerstdag', kind: 'atw' },
  ];
  return entries.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * The days usually made equal to the recognised holidays by royal decree (art. 3 lid 3 Atw):
 * Goede Vrijdag and the Friday after Hemelvaartsdag. The decree is issued per few years, so this is
 * only the default; districts keep the real list per year in the calendar settings.
 */
export function defaultEquivalentDays(year: number): HolidayEntry[] {
  assertSupportedYear(year);
  const easter = easterSunday(year);
  return [
    { date: addDays(easter, -2), name: 'Goede Vrijdag', kind: 'equivalent' },
    { date: addDays(easter, 40), name: 'Vrijdag na Hemelvaartsdag', kind: 'equivalent' },
  ];
}
