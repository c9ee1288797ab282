import { describe, expect, it } from 'vitest';
import { formatDutchDate, formatDutchTime, parseDutchDate, parseDutchTime } from '../../../shared/intake/dutch-datetime';

describe('Dutch dates and times as the forms take them', () => {
  it.each([
    ['15-06-2026', '2026-06-15'],
    ['5-6-2026', '2026-06-05'],
    ['15/06/2026', '2026-06-15'],
    ['15.06.2026', '2026-06-15'],
    ['2026-06-15', '2026-06-15'],
    [' 29-02-2028 ', '2028-02-29'],
  ])('reads the date %j as %s', (text, iso) => {
    expect(parseDutchDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each(['31-02-2026', '29-02-2027', '06/15/2026', '15-06-26', '00-01-2026', 'morgen', ''])('refuses the date %j with the notation', (text) => {
    const result = parseDutchDate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('dd-mm-jjjj');
  });

  it.each([
    ['09:00', '09:00'],
    ['9:05', '09:05'],
    ['13.30', '13:30'],
    ['0905', '09:05'],
    ['23:59', '23:59'],
    ['00:00', '00:00'],
  ])('reads the time %j as %s', (text, time) => {
    expect(parseDutchTime(text)).toEqual({ ok: true, value: time });
  });

  it.each(['24:00', '25:00', '12:60', '9 AM', '09:00 PM', '1', ''])('refuses the time %j, saying 24-hour uu:mm', (text) => {
    const result = parseDutchTime(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('uu:mm, 24-uurs');
  });

  it('writes dates and times as the fields show them', () => {
    expect(formatDutchDate('2026-06-05')).toBe('05-06-2026');
    expect(formatDutchTime('09:30:00')).toBe('09:30');
    expect(parseDutchDate(formatDutchDate('2026-12-31'))).toEqual({ ok: true, value: '2026-12-31' });
  });
});
