import { describe, expect, it } from 'vitest';
import { hearingWithinDays } from '../../../server/services/planner/forecast-reserve-input';
import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { addDays, isWeekend } from '../../../shared/calendar/local-date';
import { resolveDeadlineSettings } from '../../../shared/deadlines/settings';
import type { HeardModality } from '../../../shared/domain/modality';
import { computeForecastReserve, nearestRankPercentile, type ForecastRule, type ForecastSession, type UrgentArrival } from '../../../shared/planner/forecast-reserve';

const calendar = createCourtCalendar();
// Monday 15 June 2026. The 8 weeks before (20 April - 14 June) hold 40 weekdays, of which 5 are
// holidays: Koningsdag 27 Apr, 5 May, Hemelvaartsdag 14 May and the Friday after, Tweede Pinksterdag 25 May.
const TODAY = '2026-06-15';
const HISTORY_COURT_DAYS = 35;

let nextId = 1;
function session(date: string, accepts: readonly HeardModality[], capacity = 5, hour = 9): ForecastSession {
  return { id: nextId++, date, start: fromAmsterdamLocal(date, hour), capacity, accepts };
}

/** `perDay` arrivals of a modality on every weekday of the 8-week history. */
function everyWeekday(modality: UrgentArrival['modality'], perDay: number): UrgentArrival[] {
  const arrivals: UrgentArrival[] = [];
  for (let day = addDays(TODAY, -56); day < TODAY; day = addDays(day, 1)) {
    if (!isWeekend(day)) for (let k = 0; k < perDay; k++) arrivals.push({ modality, date: day });
  }
  return arrivals;
}

const SSR: HeardModality[] = ['supersnelrecht'];
const SR: HeardModality[] = ['snelrecht', 'supersnelrecht'];

describe('nearest-rank percentile of daily arrivals', () => {
  it.each([
    [[], 0.8, 0],
    [[3], 0.8, 3],
    [[1, 2, 3, 4, 5], 0.8, 4],
    [[0, 0, 0, 0, 5], 0.8, 0],
    [[5, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.8, 0],
    [[0, 1, 1, 2, 2, 2, 3, 3, 4, 9], 0.8, 3],
    [[0, 1, 1, 2, 2, 2, 3, 3, 4, 9], 0.9, 4],
    [[0, 1, 1, 2, 2, 2, 3, 3, 4, 9], 1, 9],
    [[0, 1, 1, 2, 2, 2, 3, 3, 4, 9], 0.5, 2],
  ])('%j at %d is %d', (values, percentile, expected) => {
    expect(nearestRankPercentile(values, percentile)).toBe(expected);
  });
});

describe('the forecast reserve for expected urgent arrivals', () => {
  it('reads the 8 weeks before today over the court days only', () => {
    const result = computeForecastReserve({ today: TODAY, arrivals: [], sessions: [], calendar });
    expect(result).toMatchObject({ historyFrom: '2026-04-20', historyTo: '2026-06-14', historyCourtDays: HISTORY_COURT_DAYS, arrivalDays: ['2026-06-15', '2026-06-16', '2026-06-17'] });
    expect(result.expectedPerCourtDay).toEqual({ supersnelrecht: 0, snelrecht: 0 });
    expect(result.reserveBySession).toEqual({});
  });

  it.each<[string, UrgentArrival[], Partial<ForecastRule>, { supersnelrecht: number; snelrecht: number }]>([
    ['two a day', everyWeekday('supersnelrecht', 2), {}, { supersnelrecht: 2, snelrecht: 0 }],
    ['arrivals on holidays and weekends move to the next court day', [{ modality: 'snelrecht', date: '2026-06-06' }, { modality: 'snelrecht', date: '2026-06-07' }], { percentile: 1 }, { supersnelrecht: 0, snelrecht: 2 }],
    ['a few busy days do not move the 80th percentile', [...Array(6)].map(() => ({ modality: 'snelrecht' as const, date: '2026-06-01' })), {}, { supersnelrecht: 0, snelrecht: 0 }],
    ['arrivals before the history or from today on are left out', [{ modality: 'supersnelrecht', date: '2026-04-17' }, { modality: 'supersnelrecht', date: TODAY }], { percentile: 1 }, { supersnelrecht: 0, snelrecht: 0 }],
    ['a weekend arrest just before today falls on today, outside the history', [{ modality: 'supersnelrecht', date: '2026-06-13' }], { percentile: 1 }, { supersnelrecht: 0, snelrecht: 0 }],
    ['a shorter history', everyWeekday('snelrecht', 1).filter((a) => a.date >= '2026-06-01'), { weeks: 2 }, { supersnelrecht: 0, snelrecht: 1 }],
  ])('expected per court day: %s', (_name, arrivals, rule, expected) => {
    const result = computeForecastReserve({ today: TODAY, arrivals, sessions: [], calendar, rule });
    expect(result.expectedPerCourtDay).toEqual(expected);
  });

  it('holds one slot per expected case on the earliest session after its arrival day', () => {
    const monday = session('2026-06-15', SSR, 5, 14);
    const days = ['2026-06-16', '2026-06-17', '2026-06-18', '2026-06-19'].map((d) => session(d, SSR));
    const result = computeForecastReserve({ today: TODAY, arrivals: everyWeekday('supersnelrecht', 2), sessions: [monday, ...days], calendar });
    expect(result.reserveBySession).toEqual({ [days[0]!.id]: 2, [days[1]!.id]: 2, [days[2]!.id]: 2 });
    expect(result.uncovered).toEqual({ supersnelrecht: 0, snelrecht: 0 });
  });

  it.each<[string, number[], number[], number]>([
    // capacities of Tue..Fri, expected held per session, uncovered
    ['plenty of room', [5, 5, 5, 5], [2, 2, 2, 0], 0],
    ['a full Tuesday pushes Monday arrivals to Wednesday', [0, 5, 5, 5], [0, 4, 2, 0], 0],
    ['never more than the free slots', [1, 1, 1, 1], [1, 1, 1, 1], 2],
    ['no room at all', [0, 0, 0, 0], [0, 0, 0, 0], 6],
  ])('capacity: %s', (_name, capacities, held, uncovered) => {
    const days = ['2026-06-16', '2026-06-17', '2026-06-18', '2026-06-19'].map((d, i) => session(d, SSR, capacities[i]));
    const result = computeForecastReserve({ today: TODAY, arrivals: everyWeekday('supersnelrecht', 2), sessions: days, calendar });
    expect(days.map((s) => result.reserveBySession[s.id] ?? 0)).toEqual(held);
    expect(result.uncovered.supersnelrecht).toBe(uncovered);
  });

  it.each<[string, number, number]>([
    // supersnelrecht must be heard within 3 days (LEGAL-RULES.md): Monday's arrival may go up to Thursday
    ['on the last day of the limit', 3, 1],
    ['one day beyond the limit', 4, 0],
  ])('the limit: a session %s', (_name, daysAfter, held) => {
    const far = session(addDays(TODAY, daysAfter), SSR);
    const result = computeForecastReserve({ today: TODAY, arrivals: [{ modality: 'supersnelrecht', date: '2026-06-08' }], sessions: [far], calendar, rule: { percentile: 1, arrivalDays: 1 } });
    expect(result.reserveBySession[far.id] ?? 0).toBe(held);
    expect(result.uncovered.supersnelrecht).toBe(1 - held);
  });

  it('holds snelrecht only on sessions that take it, and supersnelrecht first when both compete', () => {
    const ssrOnly = session('2026-06-16', SSR, 5, 9);
    const mixed = session('2026-06-16', SR, 1, 13);
    const later = session('2026-06-17', SR, 5);
    const arrivals = [{ modality: 'snelrecht' as const, date: '2026-06-12' }, { modality: 'supersnelrecht' as const, date: '2026-06-12' }];
    const result = computeForecastReserve({ today: TODAY, arrivals, sessions: [later, mixed, ssrOnly], calendar, rule: { percentile: 1, arrivalDays: 1 } });
    // Supersnelrecht takes the earliest session (the ssr-only one); snelrecht the mixed one, which it may use.
    expect(result.reserveBySession).toEqual({ [ssrOnly.id]: 1, [mixed.id]: 1 });
    expect(result.heldBack.find((h) => h.sessionId === mixed.id)?.byModality).toEqual({ supersnelrecht: 0, snelrecht: 1 });
  });

  it('starts on the next court day when today is none', () => {
    const result = computeForecastReserve({ today: '2026-06-13', arrivals: [], sessions: [], calendar });
    expect(result.arrivalDays).toEqual(['2026-06-15', '2026-06-16', '2026-06-17']);
  });

  it('explains each held-back session in Dutch, with the numbers a coordinator can check', () => {
    const tuesday = session('2026-06-16', SSR);
    const result = computeForecastReserve({ today: TODAY, arrivals: everyWeekday('supersnelrecht', 2), sessions: [tuesday], calendar, rule: { arrivalDays: 1 } });
    expect(result.heldBack).toHaveLength(1);
    expect(result.heldBack[0]!.explanation).toBe(
      '2 plaatsen vastgehouden voor verwachte spoedzaken: 2 voor supersnelrecht (binnenkomst 15 jun; te behandelen binnen 3 dagen). ' +
        'Verwacht per zittingsdag: 2 supersnelrecht en 0 snelrecht (gedetineerd) (80e percentiel van de instroom op 35 zittingsdagen sinds 20 apr).',
    );
  });

  it.each<[string, Partial<ForecastRule>, RegExp]>([
    ['no weeks', { weeks: 0 }, /weken/],
    ['a percentile above 1', { percentile: 1.5 }, /percentiel/],
    ['a fractional horizon', { arrivalDays: 1.5 }, /dagen vooruit/],
    ['a zero limit', { hearingWithinDays: { supersnelrecht: 0, snelrecht: 17 } }, /termijn supersnelrecht/],
  ])('refuses a rule with %s', (_name, rule, message) => {
    expect(() => computeForecastReserve({ today: TODAY, arrivals: [], sessions: [], calendar, rule })).toThrow(message);
  });
});

describe('the limits the service takes from the district settings', () => {
  it.each<[string, Parameters<typeof resolveDeadlineSettings>[0], { supersnelrecht: number; snelrecht: number }]>([
    ['the defaults (72 hours, 17 days)', {}, { supersnelrecht: 3, snelrecht: 17 }],
    ['partial days are dropped', { supersnelrechtTargetHours: 60, snelrechtMaxAfterArrest: { days: 16, hours: 12 } }, { supersnelrecht: 2, snelrecht: 16 }],
    ['the supersnelrecht target switched off falls back to 3 days', { supersnelrechtTargetHours: null }, { supersnelrecht: 3, snelrecht: 17 }],
    ['never below one day', { supersnelrechtTargetHours: 12 }, { supersnelrecht: 1, snelrecht: 17 }],
  ])('%s', (_name, settings, expected) => {
    expect(hearingWithinDays(resolveDeadlineSettings(settings))).toEqual(expected);
  });
});
