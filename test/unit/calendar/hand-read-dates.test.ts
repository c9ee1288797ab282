import { describe, expect, it } from 'vitest';
import { endOfAmsterdamDay, formatAmsterdam, fromAmsterdamLocal, isoUtc, parseOffsetDateTime, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { addDays, fromEpochDay, isValidLocalDate, toEpochDay } from '../../../shared/calendar/local-date';
import { parseDutchDateTime } from '../../../shared/intake/dutch-datetime';

// The import reads and writes dates by hand, character by character, where it used to go through
// regular expressions and Date (scripts/bench/check-rows-cost.ts measures why). Each hand reading is
// held here to an independent reference: Date's own ISO reading and writing, and the general readings
// it stands in for.

/** mulberry32: the same inputs every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20261205);
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
/** Instants from 1980 to 2100, every tenth one in an hour around a clock change. */
const instants = Array.from({ length: 3000 }, (_, i) =>
  i % 10 === 0 ? Date.UTC(2026, pick([2, 9]), pick([29, 25]), 0, int(0, 180), int(0, 59), int(0, 999)) : Date.UTC(int(1980, 2100), int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59), rnd() < 0.3 ? int(0, 999) : 0),
);
function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

describe('dates read and written by hand', () => {
  it('isoUtc writes what toISOString writes, and leaves other instants to it', () => {
    for (const t of [...instants, 0, -1, Date.UTC(1000, 0, 1), Date.UTC(1000, 0, 1) - 1, Date.UTC(9999, 11, 31, 23, 59, 59, 999), 1.5, Date.UTC(10000, 0, 1)]) {
      expect(isoUtc(t), String(t)).toBe(new Date(t).toISOString());
    }
    expect(() => isoUtc(NaN)).toThrow(RangeError);
  });

  it('parseOffsetDateTime reads the shapes Ketenplanner writes as Date does, and refuses what names no moment', () => {
    for (const t of instants) {
      const whole = Math.floor(t / 1000) * 1000;
      const offset = pick(['+01:00', '+02:00', '-05:30', '+00:00', '+14:00']);
      const [sign, hh, mm] = [offset[0] === '-' ? -1 : 1, Number(offset.slice(1, 3)), Number(offset.slice(4))];
      const local = new Date(whole + sign * (hh * 60 + mm) * 60_000).toISOString().slice(0, 19);
      for (const text of [new Date(t).toISOString(), `${new Date(whole).toISOString().slice(0, 19)}Z`, `${local}${offset}`, formatAmsterdam(t)]) {
        expect(parseOffsetDateTime(text), text).toEqual({ ok: true, instant: Date.parse(text) });
      }
    }
    for (const text of ['2026-13-01T10:00:00+01:00', '2026-02-29T10:00:00Z', '2026-04-31T10:00:00.000Z', '2026-01-01T24:00:00+01:00', '2026-01-01T10:60:00Z', '2026-01-01T10:00:60Z', '2026-01-01T10:00:00+19:00', '2026-01-01T10:00:00+01:60']) {
      expect(parseOffsetDateTime(text), text).toEqual({ ok: false, problem: 'invalid-value' });
    }
    for (const text of ['2026-01-01T10:00:00+0100', '2026-01-01 10:00:00+01:00', '2026-01-01T10:00:0x+01:00', '2026-01-01T10:00:00.00xZ', '2026-1-01T10:00:00.000Z', '2026-01-01T10:00:00*01:00']) {
      expect(parseOffsetDateTime(text), text).toEqual({ ok: false, problem: 'format' });
    }
    expect(parseOffsetDateTime('2026-01-01T10:00:00')).toEqual({ ok: false, problem: 'missing-offset' });
  });

  it('parseDutchDateTime reads d-m-jjjj u:mm as the Amsterdam wall clock, and still refuses the clock-change hours', () => {
    for (const t of instants) {
      const text = formatAmsterdam(t);
      const [date, time] = [text.slice(0, 10), text.slice(11, 19)];
      const [y, m, d] = date.split('-');
      const dutch = pick([`${d}-${m}-${y} ${time}`, `${Number(d)}/${Number(m)}/${y} ${Number(time.slice(0, 2))}.${time.slice(3, 5)}.${time.slice(6)}`, `${d}.${m}.${y}   ${time}`]);
      const parsed = parseDutchDateTime(dutch);
      // In the October hour the clock shows twice, the text is refused (never guessed); every other wall-clock time is read.
      if (parsed.ok) expect(parsed, dutch).toEqual({ ok: true, value: text });
      else expect(parsed.message, dutch).toContain('kwam twee keer voor');
    }
    expect(parseDutchDateTime('29-03-2026 02:30')).toMatchObject({ ok: false, message: expect.stringContaining('bestaat niet') });
    expect(parseDutchDateTime('25-10-2026 02:30')).toMatchObject({ ok: false, message: expect.stringContaining('twee keer') });
    expect(parseDutchDateTime('31-04-2026 10:00')).toMatchObject({ ok: false, message: expect.stringContaining('geen geldige datum en tijd') });
    expect(parseDutchDateTime('14-04-2026')).toMatchObject({ ok: false, message: expect.stringContaining('Vul ook de tijd in') });
    expect(parseDutchDateTime('14-04-2026', { dateOnlyAllowed: true })).toEqual({ ok: true, value: '2026-04-14T00:00:00+02:00' });
  });

  it('day bounds and local dates keep their answers, and refuse what is no date', () => {
    for (let day = toEpochDay('1999-12-01'); day <= toEpochDay('2101-01-31'); day += int(1, 9)) {
      const date = fromEpochDay(day);
      expect(startOfAmsterdamDay(date), date).toBe(fromAmsterdamLocal(date, 0, 0, 0));
      expect(endOfAmsterdamDay(date), date).toBe(fromAmsterdamLocal(date, 23, 59, 59));
      expect(addDays(date, 400), date).toBe(new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)) + 400)).toISOString().slice(0, 10));
    }
    for (const text of ['2026-02-29', '2026-1-01', '2026-01-1', '2026/01/01', ' 2026-01-01', '2026-01-01 ', '٢٠٢٦-01-01', '2026-00-10', '0000-02-29x']) {
      expect(isValidLocalDate(text), text).toBe(false);
      expect(() => startOfAmsterdamDay(text), text).toThrow(RangeError);
    }
    expect(isValidLocalDate('0000-02-29')).toBe(true);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
  });
});
