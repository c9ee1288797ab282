import { dayOfWeek, fromEpochDay, toEpochDay } from '../calendar/local-date';

/** The ISO 8601 week of a calendar date, e.g. '2026-W01' (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: string): string {
  const day = toEpochDay(date);
  // The Thursday of the same ISO week decides the week-numbering year.
  const thursday = day - (dayOfWeek(date) === 0 ? 7 : dayOfWeek(date)) + 4;
  const year = Number(fromEpochDay(thursday).slice(0, 4));
  const week = Math.floor((thursday - toEpochDay(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
