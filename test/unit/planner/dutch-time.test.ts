import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../server/services/demo/seeded-random';
import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { DutchTimeFormatter, listDays } from '../../../shared/planner/dutch-time';

describe('Dutch times in explanations (Europe/Amsterdam, date-fns nl)', () => {
  const time = new DutchTimeFormatter();

  it.each([
    ['2026-04-14', 18, 0, 'di 14 apr 18:00', '14 apr'],
    ['2026-05-05', 9, 30, 'di 5 mei 09:30', '5 mei'],
    ['2026-03-29', 3, 30, 'zo 29 mrt 03:30', '29 mrt'],
    ['2026-10-25', 2, 30, 'zo 25 okt 02:30', '25 okt'],
    ['2026-12-31', 23, 59, 'do 31 dec 23:59', '31 dec'],
  ])('%s %i:%i', (date, hour, minute, moment, day) => {
    const instant = fromAmsterdamLocal(date, hour, minute);
    expect(time.moment(instant)).toBe(moment);
    expect(time.day(instant)).toBe(day);
  });

  it('agrees with date-fns formatting a TZDate directly, across the year and both clock changes', () => {
    const random = createSeededRandom(9);
    const from = Date.UTC(2025, 11, 1);
    for (let k = 0; k < 500; k++) {
      const instant = from + random.int(0, 500 * 24 * 60) * 60_000;
      const zoned = new TZDate(instant, 'Europe/Amsterdam');
      expect(time.moment(instant)).toBe(format(zoned, 'EEEEEE d MMM HH:mm', { locale: nl }).replace(/\./g, ''));
      expect(time.day(instant)).toBe(format(zoned, 'd MMM', { locale: nl }).replace(/\./g, ''));
    }
  });

  it.each([
    [[], ''],
    [['13 apr'], '13 apr'],
    [['13 apr', '14 apr'], '13 apr en 14 apr'],
    [['13 apr', '14 apr', '15 apr'], '13 apr, 14 apr en 15 apr'],
    [['13 apr', '14 apr', '15 apr', '16 apr', '17 apr'], '13 apr, 14 apr, 15 apr en 2 andere'],
  ])('lists days: %j', (days, text) => {
    expect(listDays(days)).toBe(text);
  });
});
