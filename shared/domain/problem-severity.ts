import type { CourtCalendar } from '../calendar/court-calendar';
import { addDays } from '../calendar/local-date';

/** How urgently a listed problem needs a coordinator, most severe first. */
export const PROBLEM_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type ProblemSeverity = (typeof PROBLEM_SEVERITIES)[number];

export const CRITICAL_WITHIN_WORKING_DAYS = 2;
export const WARNING_WITHIN_DAYS = 7;

/**
 * Severity rises as the session or limit date nears: today, past, or within two working days is
 * critical (little time left to find a judge or move a case); within a week a warning; further out info.
 */
export function problemSeverity(today: string, date: string, calendar: Pick<CourtCalendar, 'workingDaysBetween'>): ProblemSeverity {
  if (date <= today || calendar.workingDaysBetween(today, date) <= CRITICAL_WITHIN_WORKING_DAYS) return 'critical';
  if (date <= addDays(today, WARNING_WITHIN_DAYS)) return 'warning';
  return 'info';
}

/** For sorting: negative when a is more severe than b. */
export function compareSeverity(a: ProblemSeverity, b: ProblemSeverity): number {
  return PROBLEM_SEVERITIES.indexOf(a) - PROBLEM_SEVERITIES.indexOf(b);
}
