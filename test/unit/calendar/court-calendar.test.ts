import { describe, expect, it } from 'vitest';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { addDays } from '../../../shared/calendar/local-date';

const calendar = createCourtCalendar();

describe('holidaysInYear', () => {
  it('lists the Atw days and the default equivalent days of 2025 (Koningsdag on Saturday 26 April)', () => {
    expect(calendar.holidaysInYear(2025)).toEqual([
      { date: '2025-01-01', name: 'Nieuwjaarsdag', kind: 'atw' },
      { date: '2025-04-18', name: 'Goede Vrijdag', kind: 'equivalent' },
      { date: '2025-04-21', name: 'Tweede Paasdag', kind: 'atw' },
      { date: '2025-04-26', name: 'Koningsdag', kind: 'atw' },
      { date: '2025-05-05', name: 'Bevrijdingsdag', kind: 'atw' },
      { date: '2025-05-29', name: 'Hemelvaartsdag', kind: 'atw' },
      { date: '2025-05-30', name: 'Vrijdag na Hemelvaartsdag', kind: 'equivalent' },
      { date: '2025-06-09', name: 'Tweede Pinksterdag', kind: 'atw' },
      { date: '2025-12-25', name: 'Eerste Kerstdag', kind: 'atw' },
      { date: '2025-12-26', name: 'Tweede Kerstdag', kind: 'atw' },
    ]);
  });

  it.each([
    [2014, '2014-04-26', 'Koningsdag'], // 27 April 2014 was a Sunday
    [2025, '2025-04-26', 'Koningsdag'], // 27 April 2025 is a Sunday
    [2026, '2026-04-27', 'Koningsdag'],
    [2013, '2013-04-30', 'Koninginnedag'],
    [2006, '2006-04-29', 'Koninginnedag'], // 30 April 2006 was a Sunday
    [2000, '2000-04-29', 'Koninginnedag'],
  ])('the monarch\'s day of %i is %s (%s)', (year, date, name) => {
    const entry = calendar.holidaysInYear(year).find((holiday) => holiday.name.startsWith('Konin'));
    expect(entry).toEqual({ date, name, kind: 'atw' });
  });

  it('gives one entry per date when two holidays coincide (2016: Hemelvaartsdag on 5 May)', () => {
    const may5 = calendar.holidaysInYear(2016).filter((holiday) => holiday.date === '2016-05-05');
    expect(may5).toEqual([{ date: '2016-05-05', name: 'Bevrijdingsdag en Hemelvaartsdag', kind: 'atw' }]);
  });

  it('returns copies, so callers cannot change the calendar', () => {
    const first = calendar.holidaysInYear(2026);
    first.splice(0, first.length);
    expect(calendar.holidaysInYear(2026)).toHaveLength(10);
  });

  it.each([1979, 10_000, 2026.5])('refuses year %s', (year) => {
    expect(() => calendar.holidaysInYear(year)).toThrow(RangeError);
  });
});

describe('isHoliday / isWorkingDay / isCourtDay', () => {
  it.each([
    ['2026-04-02', false, true], // Maundy Thursday: a normal working day
    ['2026-04-03', true, false], // Goede Vrijdag (default equivalent day)
    ['2026-04-05', false, false], // Easter Sunday: not in the Atw list, but a Sunday
    ['2026-04-06', true, false], // Tweede Paasdag
    ['2026-04-07', false, true],
    ['2025-04-26', true, false], // Koningsdag on a Saturday
    ['2025-04-28', false, true], // Koningsdag is never moved to the Monday
    ['2026-04-27', true, false],
    ['2026-05-05', true, false], // 5 May is in the Atw every year, not only every fifth
    ['2030-05-05', true, false],
    ['2026-05-15', true, false], // Friday after Hemelvaartsdag
    ['2028-02-29', false, true], // leap day, a Tuesday
    ['2026-12-24', false, true],
    ['2026-12-25', true, false],
    ['2026-12-26', true, false],
    ['2026-12-31', false, true],
    ['2027-01-01', true, false],
    ['2026-03-29', false, false], // DST Sunday
  ])('%s: holiday %s, working day %s', (date, holiday, working) => {
    expect(calendar.isHoliday(date)).toBe(holiday);
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.isCourtDay(date)).toBe(working);
  });

  it('takes a court location\'s closure days into account', () => {
    const closures = new Set(['2026-04-07', '2026-04-04']);
    expect(calendar.isCourtDay('2026-04-07', closures)).toBe(false);
    expect(calendar.isWorkingDay('2026-04-07')).toBe(true);
    expect(calendar.isCourtDay('2026-04-08', closures)).toBe(true);
    expect(calendar.isCourtDay('2026-04-06', new Set())).toBe(false);
  });

  it('refuses invalid dates', () => {
    expect(() => calendar.isWorkingDay('2026-02-29')).toThrow(RangeError);
    expect(() => calendar.isHoliday('29-02-2028')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-04-02', 1, '2026-04-07'], // over Goede Vrijdag, Easter weekend and Tweede Paasdag
    ['2026-04-07', -1, '2026-04-02'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2025-04-25', 1, '2025-04-28'], // over Koningsdag on Saturday
    ['2026-04-11', 0, '2026-04-11'], // n = 0 returns the date, even a Saturday
    ['2026-04-11', 1, '2026-04-13'],
    ['2026-04-11', -1, '2026-04-10'],
    ['2025-12-24', 3, '2025-12-31'],
    ['2025-12-24', 5, '2026-01-05'], // over Christmas and Nieuwjaarsdag
    ['2026-05-13', 1, '2026-05-18'], // over Hemelvaartsdag and the Friday after
    ['2026-03-27', 1, '2026-03-30'], // over the DST weekend
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses a fractional count', () => {
    expect(() => calendar.addWorkingDays('2026-04-10', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-04-02', '2026-04-07', 1],
    ['2026-04-07', '2026-04-02', -1],
    ['2026-04-06', '2026-04-06', 0],
    ['2026-04-10', '2026-04-13', 1],
    ['2026-04-10', '2026-04-12', 0],
    ['2026-04-11', '2026-04-10', -1], // going back from a Saturday passes Friday
    ['2026-04-13', '2026-04-10', -1],
    ['2026-04-13', '2026-04-12', 0],
    // 2026 has 261 weekdays, 9 of them holidays or equivalent days (26 Dec is a Saturday).
    ['2025-12-31', '2026-12-31', 252],
  ])('from %s to %s: %i', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of addWorkingDays for every start day in 2025-2028 and n in -12..12', () => {
    let checked = 0;
    for (let date = '2025-01-01'; date <= '2028-12-31'; date = addDays(date, 5)) {
      for (let n = -12; n <= 12; n += 3) {
        const target = calendar.addWorkingDays(date, n);
        expect(calendar.workingDaysBetween(date, target)).toBe(n);
        if (n !== 0) expect(calendar.isWorkingDay(target)).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(2500);
  });
});

describe('equivalent days are configurable per year', () => {
  const custom = createCourtCalendar({ equivalentDaysByYear: { '2026': ['2026-12-24'], '2027': [] } });

  it.each([
    ['2026-04-03', false], // Goede Vrijdag not equal to a holiday in 2026 in this configuration
    ['2026-05-15', false],
    ['2026-12-24', true],
    ['2027-03-26', false], // empty list: no equivalent days in 2027
    ['2028-04-14', true], // year absent: default (Goede Vrijdag 2028)
  ])('%s holiday: %s', (date, holiday) => {
    expect(custom.isHoliday(date)).toBe(holiday);
  });

  it('names configured days', () => {
    const calendarWithGoodFriday = createCourtCalendar({ equivalentDaysByYear: { '2026': ['2026-04-03', '2026-12-24'] } });
    expect(calendarWithGoodFriday.holidaysInYear(2026).filter((entry) => entry.kind === 'equivalent')).toEqual([
      { date: '2026-04-03', name: 'Goede Vrijdag', kind: 'equivalent' },
      { date: '2026-12-24', name: 'Gelijkgestelde dag', kind: 'equivalent' },
    ]);
  });

  it.each([
    [{ '2026': ['2027-01-02'] }, /2027-01-02 ligt niet in 2026/],
    [{ '2026': ['2026-02-30'] }, /Geen geldige datum/],
    [{ '26': ['2026-01-02'] }, /vier cijfers/],
  ])('refuses invalid settings %j', (equivalentDaysByYear, message) => {
    expect(() => createCourtCalendar({ equivalentDaysByYear })).toThrow(message);
  });
});
