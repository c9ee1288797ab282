import { describe, expect, it } from 'vitest';
import {
  addCustodyDuration,
  amsterdamDate,
  amsterdamOffsetMinutes,
  endOfAmsterdamDay,
  formatAmsterdam,
  fromAmsterdamLocal,
  instantOf,
  parseOffsetDateTime,
  startOfAmsterdamDay,
} from '../../../shared/calendar/amsterdam-time';

describe('amsterdamOffsetMinutes follows the EU summer-time rule (01:00 UTC, last Sunday of March and October)', () => {
  function lastSundayUtc(year: number, month: number): number {
    const lastDay = new Date(Date.UTC(year, month, 0));
    return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
  }

  it.each(Array.from({ length: 101 }, (_, index) => 2000 + index))('%i', (year) => {
    const spring = lastSundayUtc(year, 3);
    const autumn = lastSundayUtc(year, 10);
    expect([
      amsterdamOffsetMinutes(Date.UTC(year, 0, 1)),
      amsterdamOffsetMinutes(spring - 1),
      amsterdamOffsetMinutes(spring),
      amsterdamOffsetMinutes(Date.UTC(year, 6, 1, 12)),
      amsterdamOffsetMinutes(autumn - 1),
      amsterdamOffsetMinutes(autumn),
      amsterdamOffsetMinutes(Date.UTC(year, 11, 31, 23, 59)),
    ]).toEqual([60, 60, 120, 120, 120, 60, 60]);
  });
});

describe('parseOffsetDateTime', () => {
  it.each([
    ['2026-04-14T18:00:00+02:00', Date.UTC(2026, 3, 14, 16, 0, 0)],
    ['2026-04-14T16:00:00Z', Date.UTC(2026, 3, 14, 16, 0, 0)],
    ['2026-04-14T18:00+02:00', Date.UTC(2026, 3, 14, 16, 0, 0)],
    ['2026-01-10T09:15:30.250+01:00', Date.UTC(2026, 0, 10, 8, 15, 30, 250)],
    ['2026-04-14T12:00:00-04:00', Date.UTC(2026, 3, 14, 16, 0, 0)],
    ['2028-02-29T00:00:00+01:00', Date.UTC(2028, 1, 28, 23, 0, 0)],
  ])('%s', (text, instant) => {
    expect(parseOffsetDateTime(text)).toEqual({ ok: true, instant });
  });

  it.each([
    ['2026-04-14T18:00:00', 'missing-offset'],
    ['2026-04-14T18:00', 'missing-offset'],
    ['2026-04-14 18:00:00+02:00', 'format'],
    ['2026-04-14', 'format'],
    ['14-04-2026T18:00:00+02:00', 'format'],
    ['2026-04-14T18:00:00+0200', 'format'],
    ['2026-02-30T10:00:00+01:00', 'invalid-value'],
    ['2026-04-14T24:00:00+02:00', 'invalid-value'],
    ['2026-04-14T10:00:60+02:00', 'invalid-value'],
    ['2026-04-14T10:00:00+19:00', 'invalid-value'],
  ])('%s is refused (%s)', (text, problem) => {
    expect(parseOffsetDateTime(text)).toEqual({ ok: false, problem });
  });

  it('instantOf throws on text without offset', () => {
    expect(() => instantOf('2026-04-14T18:00:00')).toThrow(RangeError);
  });
});

describe('formatAmsterdam', () => {
  it.each([
    ['2026-04-14T16:00:00Z', '2026-04-14T18:00:00+02:00'],
    ['2026-01-14T16:00:00Z', '2026-01-14T17:00:00+01:00'],
    ['2026-03-29T00:59:59Z', '2026-03-29T01:59:59+01:00'], // last second of winter time
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00'], // clocks jump from 02:00 to 03:00
    ['2026-10-25T00:30:00Z', '2026-10-25T02:30:00+02:00'], // 02:30 the first time
    ['2026-10-25T01:30:00Z', '2026-10-25T02:30:00+01:00'], // 02:30 the second time
    ['2026-04-14T18:00:00.999+02:00', '2026-04-14T18:00:00+02:00'], // seconds are truncated
    ['2025-12-31T23:30:00Z', '2026-01-01T00:30:00+01:00'],
  ])('%s -> %s', (text, expected) => {
    expect(formatAmsterdam(instantOf(text))).toBe(expected);
  });

  it('gives the Amsterdam calendar date of an instant', () => {
    expect(amsterdamDate(instantOf('2026-04-10T22:30:00Z'))).toBe('2026-04-11');
    expect(amsterdamDate(instantOf('2026-04-10T21:59:59Z'))).toBe('2026-04-10');
  });
});

describe('fromAmsterdamLocal', () => {
  it.each([
    ['2026-04-14', 18, 0, '2026-04-14T18:00:00+02:00'],
    ['2026-03-29', 2, 30, '2026-03-29T03:00:00+02:00'], // skipped: the moment the clocks jump past it
    ['2026-03-29', 3, 0, '2026-03-29T03:00:00+02:00'],
    ['2026-10-25', 2, 30, '2026-10-25T02:30:00+02:00'], // happens twice: the first occurrence
    ['2026-10-25', 3, 0, '2026-10-25T03:00:00+01:00'],
  ])('%s %i:%i -> %s', (date, hour, minute, expected) => {
    expect(formatAmsterdam(fromAmsterdamLocal(date, hour, minute))).toBe(expected);
  });

  it.each([
    ['2026-03-29', '2026-03-29T00:00:00+01:00', '2026-03-29T23:59:59+02:00'], // a 23-hour day
    ['2026-10-25', '2026-10-25T00:00:00+02:00', '2026-10-25T23:59:59+01:00'], // a 25-hour day
    ['2028-02-29', '2028-02-29T00:00:00+01:00', '2028-02-29T23:59:59+01:00'],
  ])('day %s runs from %s to %s', (date, start, end) => {
    expect(formatAmsterdam(startOfAmsterdamDay(date))).toBe(start);
    expect(formatAmsterdam(endOfAmsterdamDay(date))).toBe(end);
  });
});

describe('addCustodyDuration: the earlier of elapsed time and the same wall-clock time', () => {
  it.each([
    // no DST change: both readings agree
    ['2026-04-10T10:00:00+02:00', 3, 18, '2026-04-14T04:00:00+02:00'],
    // spring: wall clock is earlier (89 real hours)
    ['2026-03-27T12:00:00+01:00', 3, 18, '2026-03-31T06:00:00+02:00'],
    // autumn: elapsed time is earlier (wall clock would give 91 real hours)
    ['2026-10-23T12:00:00+02:00', 3, 18, '2026-10-27T05:00:00+01:00'],
    // the change falls inside the hours part: 18 wall-clock hours are 17 real ones
    ['2026-03-25T12:00:00+01:00', 3, 18, '2026-03-29T06:00:00+02:00'],
    // the wall-clock end falls in the skipped hour: the moment the clocks jump (71 real hours)
    ['2026-03-26T02:30:00+01:00', 3, 0, '2026-03-29T03:00:00+02:00'],
    // 14 days over the spring change: 335 real hours
    ['2026-03-20T10:00:00+01:00', 14, 0, '2026-04-03T10:00:00+02:00'],
    // 14 days over the autumn change: 336 real hours, not 337
    ['2026-10-20T10:00:00+02:00', 14, 0, '2026-11-03T09:00:00+01:00'],
    // leap day inside
    ['2028-02-20T12:00:00+01:00', 14, 0, '2028-03-05T12:00:00+01:00'],
  ])('%s + %i d %i h = %s', (start, days, hours, expected) => {
    expect(formatAmsterdam(addCustodyDuration(instantOf(start), { days, hours }))).toBe(expected);
  });

  it('is never later than the elapsed reading', () => {
    const start = instantOf('2026-01-01T00:00:00+01:00');
    for (let hour = 0; hour < 24 * 365; hour += 7) {
      const from = start + hour * 3_600_000;
      const end = addCustodyDuration(from, { days: 3, hours: 18 });
      expect(end).toBeLessThanOrEqual(from + 90 * 3_600_000);
      expect(end).toBeGreaterThanOrEqual(from + 89 * 3_600_000);
    }
  });
});
