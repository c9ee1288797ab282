import { describe, expect, it } from 'vitest';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { atwTermEnd } from '../../../shared/deadlines/algemene-termijnenwet';

const calendar = createCourtCalendar();

describe('atwTermEnd: the term starts the day after the event and is extended by art. 1 and 2 Atw', () => {
  it.each([
    // event day, days, last day, extended by
    ['2026-04-01', 14, '2026-04-15', 'none'],
    ['2028-02-15', 14, '2028-02-29', 'none'], // ends on leap day, a Tuesday
    ['2026-04-13', 3, '2026-04-16', 'none'],
    // art. 1: ends on Saturday 25 April; Sunday; Monday 27 April is Koningsdag
    ['2026-04-11', 14, '2026-04-28', 'art. 1 Atw'],
    // art. 1: ends on Koningsdag on Saturday 26 April 2025; Sunday; Monday 28 April is a working day
    ['2025-04-12', 14, '2025-04-28', 'art. 1 Atw'],
    ['2025-12-12', 14, '2025-12-29', 'art. 1 Atw'], // Tweede Kerstdag on a Friday
    ['2026-03-20', 14, '2026-04-07', 'art. 1 Atw'], // Goede Vrijdag, Easter weekend, Tweede Paasdag
    ['2026-04-30', 14, '2026-05-18', 'art. 1 Atw'], // Hemelvaartsdag and the Friday after
    ['2026-04-11', 1, '2026-04-13', 'art. 1 Atw'],
    // art. 2: a term of 3 days or more holds at least two days that are no Saturday, Sunday or holiday
    ['2026-04-10', 3, '2026-04-14', 'art. 2 Atw'], // Sat, Sun, Mon: one working day
    ['2026-04-09', 3, '2026-04-13', 'art. 2 Atw'], // Fri, Sat, Sun: one working day
    ['2026-04-01', 3, '2026-04-07', 'art. 2 Atw'], // Thu, Goede Vrijdag, Sat; Sun; Tweede Paasdag; Tue
    ['2025-12-24', 3, '2025-12-30', 'art. 2 Atw'], // both Christmas days and a Saturday: none
    ['2026-03-26', 3, '2026-03-30', 'art. 2 Atw'], // over the DST weekend
    // art. 2 does not apply to a term shorter than three days
    ['2026-04-11', 2, '2026-04-13', 'none'],
  ] as const)('%s + %i days ends on %s (%s)', (eventDay, days, lastDay, extendedBy) => {
    expect(atwTermEnd(eventDay, days, calendar)).toMatchObject({ lastDay, extendedBy });
  });

  it('reports the nominal end too', () => {
    expect(atwTermEnd('2026-04-11', 14, calendar).nominalLastDay).toBe('2026-04-25');
  });

  it('follows the configured equivalent days', () => {
    const noEquivalentDays = createCourtCalendar({ equivalentDaysByYear: { '2026': [] } });
    expect(atwTermEnd('2026-03-20', 14, noEquivalentDays)).toMatchObject({ lastDay: '2026-04-03', extendedBy: 'none' });
  });

  it.each([0, -1, 1.5])('refuses a term of %s days', (days) => {
    expect(() => atwTermEnd('2026-04-01', days, calendar)).toThrow(RangeError);
  });
});
