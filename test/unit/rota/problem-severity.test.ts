import { describe, expect, it } from 'vitest';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { compareSeverity, problemSeverity, type ProblemSeverity } from '../../../shared/domain/problem-severity';

const calendar = createCourtCalendar();

describe('problemSeverity', () => {
  it.each<[string, string, string, ProblemSeverity]>([
    ['a date already passed', '2026-06-15', '2026-06-12', 'critical'],
    ['today', '2026-06-15', '2026-06-15', 'critical'],
    ['two working days ahead', '2026-06-15', '2026-06-17', 'critical'],
    ['three working days ahead', '2026-06-15', '2026-06-18', 'warning'],
    ['exactly a week ahead', '2026-06-15', '2026-06-22', 'warning'],
    ['eight days ahead', '2026-06-15', '2026-06-23', 'info'],
    ['Tuesday seen on Friday: the weekend does not count', '2026-06-12', '2026-06-16', 'critical'],
    ['Wednesday seen on Friday', '2026-06-12', '2026-06-17', 'warning'],
    ['over Koningsdag (Monday 27 April)', '2026-04-24', '2026-04-29', 'critical'],
    ['the day after, over Koningsdag', '2026-04-24', '2026-04-30', 'warning'],
    ['over Christmas', '2026-12-23', '2026-12-28', 'critical'],
    ['New Year week, eight days on', '2026-12-23', '2026-12-31', 'info'],
  ])('%s: %s -> %s is %s', (_what, today, date, expected) => {
    expect(problemSeverity(today, date, calendar)).toBe(expected);
  });

  it('sorts the most severe first', () => {
    const list: ProblemSeverity[] = ['info', 'critical', 'warning', 'critical'];
    expect([...list].sort(compareSeverity)).toEqual(['critical', 'critical', 'warning', 'info']);
  });
});
