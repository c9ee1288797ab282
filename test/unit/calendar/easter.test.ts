import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../../shared/calendar/easter';

describe('easterSunday', () => {
  // Hand-checked against published Easter tables, including the extremes 22 March and 25 April.
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
    [2285, '2285-03-22'],
  ])('Easter %i is on %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([1582, 10_000, 2026.5, Number.NaN])('refuses year %s', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});
