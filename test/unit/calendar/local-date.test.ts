import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareLocalDates,
  dayOfWeek,
  formatLocalDate,
  fromEpochDay,
  isValidLocalDate,
  isWeekend,
  toEpochDay,
} from '../../../shared/calendar/local-date';

describe('isValidLocalDate', () => {
  it.each([
    ['2028-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['2100-02-29', false], // divisible by 100, not by 400
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-4-1', false],
    ['2026-04-01T00:00', false],
    ['', false],
    ['2026-12-31', true],
  ])('%s -> %s', (value, expected) => {
    expect(isValidLocalDate(value)).toBe(expected);
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-28', 1, '2026-03-29'], // the DST night does not disturb whole days
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-04-10', 14, '2026-04-24'],
    ['2026-04-10', 0, '2026-04-10'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 4, false],
    ['2025-04-27', 0, true],
    ['2025-04-26', 6, true],
    ['2028-02-29', 2, false],
    ['2026-12-25', 5, false],
  ])('%s is weekday %i (weekend: %s)', (date, weekday, weekend) => {
    expect(dayOfWeek(date)).toBe(weekday);
    expect(isWeekend(date)).toBe(weekend);
  });

  it('round-trips epoch days and orders dates', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(fromEpochDay(toEpochDay('2028-02-29'))).toBe('2028-02-29');
    expect(compareLocalDates('2026-04-10', '2026-04-11')).toBe(-1);
    expect(compareLocalDates('2026-12-31', '2026-01-01')).toBe(364);
  });

  it('agrees with the built-in Date for every day 1900-2101', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2101, 11, 31) / 86_400_000;
    let mismatches = 0;
    for (let epochDay = first; epochDay <= last; epochDay += 1) {
      const expected = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
      if (fromEpochDay(epochDay) !== expected || toEpochDay(expected) !== epochDay) mismatches += 1;
    }
    expect(last - first).toBeGreaterThan(73_000);
    expect(mismatches).toBe(0);
  });

  it('refuses invalid dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => formatLocalDate(2026, 2, 29)).toThrow(RangeError);
  });
});
