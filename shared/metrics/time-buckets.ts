import { addDays, dayOfWeek, toEpochDay } from '../calendar/local-date';
import { amsterdamDate, MS_PER_DAY } from '../calendar/amsterdam-time';

const weekStartByDate = new Map<string, string>();

/** The Monday of the ISO week a date falls in (remembered: thousands of rows share a few hundred dates). */
export function weekStartOf(date: string): string {
  let monday = weekStartByDate.get(date);
  if (monday === undefined) {
    monday = addDays(date, -((dayOfWeek(date) + 6) % 7));
    if (weekStartByDate.size >= 10_000) weekStartByDate.clear();
    weekStartByDate.set(date, monday);
  }
  return monday;
}

/** Every week start (Monday) of the weeks touching [from, to]. */
export function weekStartsBetween(from: string, to: string): string[] {
  const result: string[] = [];
  for (let w = weekStartOf(from); w <= to; w = addDays(w, 7)) result.push(w);
  return result;
}

/** 'YYYY-MM' of a date. */
export const monthOf = (date: string) => date.slice(0, 7);

export function monthsBetween(from: string, to: string): string[] {
  const result: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = monthOf(to);
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    result.push(key);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return result;
}

// The dashboard and its drill lists turn the same instants (a district's intake, hearings and
// disposals) into dates on every request: remembered, as the zone's offsets are (amsterdam-time.ts).
const DATE_CACHE_MAX_ENTRIES = 100_000;
const dateByInstant = new Map<string, string>();

/** The Amsterdam calendar date of an ISO instant. */
export function dateOfInstant(iso: string): string {
  let date = dateByInstant.get(iso);
  if (date === undefined) {
    date = amsterdamDate(Date.parse(iso));
    if (dateByInstant.size >= DATE_CACHE_MAX_ENTRIES) dateByInstant.clear();
    dateByInstant.set(iso, date);
  }
  return date;
}

/** Days between two instants (epoch milliseconds) as a decimal rounded to one place (throughput times). */
export const daysBetweenMs = (fromMs: number, toMs: number) => Math.round(((toMs - fromMs) / MS_PER_DAY) * 10) / 10;

const epochDayByDate = new Map<string, number>();

/** toEpochDay, remembered: the figures count days between the same few hundred dates for thousands of rows. */
function epochDayOf(date: string): number {
  let day = epochDayByDate.get(date);
  if (day === undefined) {
    day = toEpochDay(date);
    if (epochDayByDate.size >= DATE_CACHE_MAX_ENTRIES) epochDayByDate.clear();
    epochDayByDate.set(date, day);
  }
  return day;
}

/** Whole calendar days between two dates (age of a waiting case). */
export const calendarDaysBetween = (from: string, to: string) => epochDayOf(to) - epochDayOf(from);
