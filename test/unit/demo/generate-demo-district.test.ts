import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format, getISODay, parseISO, startOfISOWeek } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { toDeadlineInput } from '../../../shared/intake/case-intake';
import { DEFAULT_ACCEPTED_MODALITIES } from '../../../shared/domain/session';
import { resolveDemoOptions } from '../../../server/services/demo/demo-options';
import { generateDemoDistrict, type DemoOptions } from '../../../server/services/demo/generate-demo-district';

const OPTIONS: DemoOptions = { seed: 11, casesPerYear: 2800, asOf: '2026-09-30' };
const demo = generateDemoDistrict(OPTIONS);

describe('the demo district generator', () => {
  it('is deterministic by seed', () => {
    expect(generateDemoDistrict(OPTIONS)).toEqual(demo);
    expect(generateDemoDistrict({ ...OPTIONS, seed: 12 }).cases).not.toEqual(demo.cases);
  });

  it('holds sessions only on court days (no weekends, no Atw holidays or equivalent days)', () => {
    const calendar = createCourtCalendar();
    const offending = demo.sessions.filter((s) => !calendar.isCourtDay(s.date));
    expect(offending).toEqual([]);
    expect(demo.sessions.some((s) => s.date === '2026-04-27')).toBe(false); // Koningsdag
    expect(demo.sessions.some((s) => s.date === '2026-04-03')).toBe(false); // Goede Vrijdag
    expect(demo.sessions.length).toBeGreaterThan(400);
  });

  it('is a full year whatever the as-of date: a few thousand cases in every flow, sessions six weeks ahead', () => {
    const newYear = generateDemoDistrict({ ...OPTIONS, asOf: '2027-01-01' });
    expect(newYear.cases.length).toBe(2800);
    expect(newYear.sessions.at(-1)!.date > '2027-02-01').toBe(true);
    expect(newYear.sessions[0]!.date < '2026-01-10').toBe(true);
    const full = demo;
    const modalities = new Set(full.cases.map((c) => c.modality));
    expect([...modalities].sort()).toEqual(['filler', 'snelrecht', 'snelrecht_nd', 'supersnelrecht', 'zsm']);
  });

  it('has one session a week that also hears minors (art. 77a Sr ff.), taking every heard modality; the rest adults only', () => {
    const mondayOf = (date: string) => format(startOfISOWeek(parseISO(date)), 'yyyy-MM-dd');
    const weeks = new Map<string, { all: number; minors: typeof demo.sessions }>();
    for (const s of demo.sessions) {
      const week = weeks.get(mondayOf(s.date)) ?? { all: 0, minors: [] };
      week.all += 1;
      if (s.acceptsMinors) week.minors.push(s);
      weeks.set(mondayOf(s.date), week);
    }
    // A full week of sessions (not one whose Monday is a holiday, such as Easter or Whit Monday) has exactly one.
    const full = [...weeks.values()].filter((w) => w.all === 9);
    expect(full.length).toBeGreaterThan(40);
    for (const week of full) expect(week.minors).toHaveLength(1);
    const forMinors = demo.sessions.filter((s) => s.acceptsMinors);
    expect(new Set(forMinors.map((s) => `${getISODay(parseISO(s.date))} ${s.startTime} ${s.sessionType}`))).toEqual(new Set(['1 13:30 mixed']));
    expect([...DEFAULT_ACCEPTED_MODALITIES.mixed].sort()).toEqual(['filler', 'snelrecht', 'snelrecht_nd', 'supersnelrecht']);
  });

  it('never books a session beyond its capacity, nor a modality it does not accept', () => {
    const booked = new Map<number, number>();
    for (const c of demo.cases) {
      if (!c.hearing) continue;
      booked.set(c.hearing.session, (booked.get(c.hearing.session) ?? 0) + 1);
      const session = demo.sessions[c.hearing.session]!;
      expect(DEFAULT_ACCEPTED_MODALITIES[session.sessionType]).toContain(c.modality);
    }
    for (const [index, count] of booked) expect(count).toBeLessThanOrEqual(demo.sessions[index]!.capacitySlots);
  });

  it('hears supersnelrecht cases within 3 days of arrest and ZSM cases never', () => {
    for (const c of demo.cases) {
      if (c.modality === 'zsm') expect(c.hearing).toBeNull();
      if (c.modality === 'supersnelrecht' && c.hearing) {
        const arrestDay = format(new TZDate(c.arrestedAt!, 'Europe/Amsterdam'), 'yyyy-MM-dd');
        const days = differenceInCalendarDays(parseISO(demo.sessions[c.hearing.session]!.date), parseISO(arrestDay));
        expect(days).toBeGreaterThanOrEqual(1);
        expect(days).toBeLessThanOrEqual(3);
      }
    }
  });

  it('keeps the law: no hearing after a hard limit nor before the summons term has run', () => {
    let checked = 0;
    for (const c of demo.cases) {
      if (!c.hearing) continue;
      const limits = computeDeadlines(toDeadlineInput(c.parketnummer, c) as never);
      const session = demo.sessions[c.hearing.session]!;
      const [h, m] = session.startTime.split(':').map(Number) as [number, number];
      const starts = fromAmsterdamLocal(session.date, h, m);
      if (limits.hearingBy) expect(starts, `${c.parketnummer} after ${limits.hearingBy}`).toBeLessThanOrEqual(Date.parse(limits.hearingBy));
      if (limits.hearingFrom) expect(starts, `${c.parketnummer} before ${limits.hearingFrom}`).toBeGreaterThanOrEqual(Date.parse(limits.hearingFrom));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('gives every detained case its custody events and every court case through ZSM its decision', () => {
    for (const c of demo.cases) {
      if (c.modality === 'supersnelrecht' || c.modality === 'snelrecht') expect(c.custodyOrderedAt).not.toBeNull();
      if (c.modality === 'snelrecht') expect(c.remandOrderedAt).not.toBeNull();
      if (c.status !== 'intake' && c.modality !== 'filler') expect(c.zsmDecision?.reason).toBeTruthy();
    }
  });

  it('marks hearings before the as-of date held or adjourned, later ones planned, and creates no case after it', () => {
    for (const c of demo.cases) {
      expect(c.createdAt.slice(0, 10) <= OPTIONS.asOf).toBe(true);
      if (!c.hearing) continue;
      const date = demo.sessions[c.hearing.session]!.date;
      expect(date < OPTIONS.asOf ? ['held', 'adjourned'] : ['planned']).toContain(c.hearing.status);
    }
  });

  it('keeps personal data minimal: no field beyond name, date of birth, summons address and lawyer', () => {
    for (const c of demo.cases.slice(0, 50)) expect(Object.keys(c.suspect).sort()).toEqual(['dateOfBirth', 'fullName', 'lawyerName', 'summonsAddress']);
  });

  it.each([
    [{}, '2026-11-22', { asOf: '2026-11-22', seed: 2026, casesPerYear: 2800, years: 1, moves: false, chain: true }],
    [{ asOf: '2026-03-01', seed: 4, casesPerYear: 700 }, '2026-11-22', { asOf: '2026-03-01', seed: 4, casesPerYear: 700, years: 1, moves: false, chain: true }],
    [{ years: 10, moves: true }, '2026-11-22', { asOf: '2026-11-22', seed: 2026, casesPerYear: 2800, years: 10, moves: true, chain: true }],
  ])('resolveDemoOptions(%j) on %s', (partial, today, expected) => {
    expect(resolveDemoOptions(partial, today)).toEqual(expected);
  });
});
