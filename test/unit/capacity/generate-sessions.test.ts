import { describe, expect, it } from 'vitest';
import { countByReason, generateSessions, type ExistingSession, type GenerationInput, type GenerationTemplate } from '../../../shared/capacity/generate-sessions';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';

const calendar = createCourtCalendar();

/** Monday-to-Friday morning supersnelrecht in room 1 of location 10. */
const template = (over: Partial<GenerationTemplate> = {}): GenerationTemplate => ({
  id: 1,
  name: 'SSR ochtend',
  courtroomId: 1,
  locationId: 10,
  weekdays: [1, 2, 3, 4, 5],
  daypart: 'morning',
  startTime: '09:00',
  endTime: '12:30',
  sessionType: 'supersnelrecht',
  capacitySlots: 3,
  capacityMinutes: 135,
  acceptedModalities: ['supersnelrecht'],
  acceptedFillerKinds: [],
  overbookingSlots: 1,
  validFrom: '2020-01-01',
  validUntil: null,
  active: true,
  ...over,
});

const existing = (over: Partial<ExistingSession>): ExistingSession => ({
  id: 100,
  courtroomId: 1,
  date: '2026-03-09',
  daypart: 'morning',
  startTime: '09:00',
  endTime: '12:30',
  templateId: 1,
  templateName: 'SSR ochtend',
  status: 'scheduled',
  cancelReason: null,
  ...over,
});

function run(over: Partial<GenerationInput>) {
  return generateSessions({ templates: [template()], calendar, closures: new Map(), existing: [], from: '2026-03-09', to: '2026-03-13', ...over });
}

const dates = (plan: ReturnType<typeof run>) => plan.create.map((s) => s.date);

describe('generateSessions: court days', () => {
  it.each([
    // [horizon from, to, template weekdays, created dates, skipped date, Dutch reason]
    ['Easter 2026: Goede Vrijdag and Tweede Paasdag', '2026-04-03', '2026-04-07', [1, 2, 3, 4, 5], ['2026-04-07'], [
      ['2026-04-03', 'Geen zittingsdag: Goede Vrijdag (met een feestdag gelijkgesteld)'],
      ['2026-04-06', 'Geen zittingsdag: Tweede Paasdag (feestdag)'],
    ]],
    ["King's Day 2026 (Monday 27 April)", '2026-04-27', '2026-04-28', [1, 2], ['2026-04-28'], [['2026-04-27', 'Geen zittingsdag: Koningsdag (feestdag)']]],
    ["King's Day 2025 falls on Saturday 26 April: the Monday after is an ordinary court day", '2025-04-26', '2025-04-28', [1, 6], ['2025-04-28'], [['2025-04-26', 'Geen zittingsdag: Koningsdag (feestdag)']]],
    ['Christmas 2026 (Friday and Saturday)', '2026-12-24', '2026-12-28', [1, 4, 5, 6], ['2026-12-24', '2026-12-28'], [
      ['2026-12-25', 'Geen zittingsdag: Eerste Kerstdag (feestdag)'],
      ['2026-12-26', 'Geen zittingsdag: Tweede Kerstdag (feestdag)'],
    ]],
    ['Ascension 2026 and the Friday after', '2026-05-14', '2026-05-15', [4, 5], [], [
      ['2026-05-14', 'Geen zittingsdag: Hemelvaartsdag (feestdag)'],
      ['2026-05-15', 'Geen zittingsdag: Vrijdag na Hemelvaartsdag (met een feestdag gelijkgesteld)'],
    ]],
    ['a weekend day in the pattern', '2026-03-07', '2026-03-09', [1, 6, 7], ['2026-03-09'], [
      ['2026-03-07', 'Geen zittingsdag: zaterdag'],
      ['2026-03-08', 'Geen zittingsdag: zondag'],
    ]],
  ])('%s', (_label, from, to, weekdays, created, skipped) => {
    const plan = run({ templates: [template({ weekdays })], from, to });
    expect(dates(plan)).toEqual(created);
    expect(plan.skipped.map((s) => [s.date, s.message])).toEqual(skipped);
    expect(plan.skipped.every((s) => s.reason === 'non_court_day')).toBe(true);
  });

  it('never creates a session on a non-court day over ten years of patterns', () => {
    const plan = run({ templates: [template({ weekdays: [1, 2, 3, 4, 5, 6, 7] })], from: '2025-01-01', to: '2034-12-31' });
    expect(plan.create.length).toBeGreaterThan(2400);
    expect(plan.create.filter((s) => !calendar.isCourtDay(s.date))).toEqual([]);
  });

  it('takes the district\'s own list of equivalent days', () => {
    const noEquivalents = createCourtCalendar({ equivalentDaysByYear: { '2026': [] } });
    expect(dates(run({ calendar: noEquivalents, from: '2026-04-03', to: '2026-04-03' }))).toEqual(['2026-04-03']);
  });
});

describe('generateSessions: the pattern', () => {
  it('creates one session per matching weekday with the template\'s capacity and acceptance', () => {
    const plan = run({ templates: [template({ weekdays: [1, 3, 5], sessionType: 'snelrecht_nd', acceptedModalities: ['snelrecht_nd', 'filler'], acceptedFillerKinds: ['verzet', 'vtl'] })] });
    expect(dates(plan)).toEqual(['2026-03-09', '2026-03-11', '2026-03-13']);
    expect(plan.create[0]).toEqual({
      templateId: 1,
      courtroomId: 1,
      date: '2026-03-09',
      daypart: 'morning',
      startTime: '09:00',
      endTime: '12:30',
      sessionType: 'snelrecht_nd',
      capacitySlots: 3,
      capacityMinutes: 135,
      acceptedModalities: 'snelrecht_nd,filler',
      acceptedFillerKinds: 'verzet,vtl',
      acceptsMinors: false,
      overbookingSlots: 1,
    });
    expect(plan.skipped).toEqual([]);
  });

  it.each([
    ['valid from the Wednesday', { validFrom: '2026-03-11' }, ['2026-03-11', '2026-03-12', '2026-03-13']],
    ['valid until the Tuesday', { validUntil: '2026-03-10' }, ['2026-03-09', '2026-03-10']],
    ['valid on one day only', { validFrom: '2026-03-12', validUntil: '2026-03-12' }, ['2026-03-12']],
    ['valid only after the horizon', { validFrom: '2026-04-01' }, []],
    ['deactivated', { active: false }, []],
  ])('respects the validity range: %s', (_label, over, expected) => {
    const plan = run({ templates: [template(over)] });
    expect(dates(plan)).toEqual(expected);
    expect(plan.skipped).toEqual([]);
  });
});

describe('generateSessions: closures and what already exists', () => {
  it('skips a closure day of the template\'s location only, with the closure reason', () => {
    const other = template({ id: 2, name: 'Elders', courtroomId: 5, locationId: 20 });
    const plan = run({ templates: [template(), other], closures: new Map([[10, new Map([['2026-03-11', 'Verbouwing zittingszaal']])]]), from: '2026-03-11', to: '2026-03-11' });
    expect(plan.create.map((s) => s.templateId)).toEqual([2]);
    expect(plan.skipped).toMatchObject([{ templateId: 1, date: '2026-03-11', reason: 'location_closed', message: 'Locatie gesloten: Verbouwing zittingszaal' }]);
  });

  it('reports a holiday before a closure on the same day', () => {
    const plan = run({ closures: new Map([[10, new Map([['2026-04-06', 'Dicht']])]]), from: '2026-04-06', to: '2026-04-06' });
    expect(plan.skipped.map((s) => s.reason)).toEqual(['non_court_day']);
  });

  it.each([
    ['the template\'s own session', existing({}), 'already_exists', 'Bestaat al: deze zitting is eerder aangemaakt'],
    ['its own session moved to another room by hand', existing({ courtroomId: 9 }), 'already_exists', 'Bestaat al: deze zitting is eerder aangemaakt'],
    ['its own cancelled session (an exception, never re-created)', existing({ status: 'cancelled', cancelReason: 'Rechter ziek' }), 'cancelled', 'Vervallen verklaard (reden: Rechter ziek): een vervallen zitting wordt niet opnieuw aangemaakt'],
    ['a cancelled extra session in the same room and daypart', existing({ templateId: null, templateName: null, status: 'cancelled', cancelReason: null }), 'cancelled', 'Vervallen verklaard: een vervallen zitting wordt niet opnieuw aangemaakt'],
    ['an extra session in the same room and daypart', existing({ templateId: null, templateName: null }), 'room_occupied', 'Zaal al bezet door een extra zitting (ochtend 09:00–12:30)'],
    ['a full-day session of another template', existing({ templateId: 7, templateName: 'ND hele dag', daypart: 'full_day', startTime: '09:00', endTime: '16:30' }), 'room_occupied', "Zaal al bezet door een zitting van patroon 'ND hele dag' (hele dag 09:00–16:30)"],
    ['an afternoon session whose times overlap', existing({ templateId: 7, templateName: 'Middag', daypart: 'afternoon', startTime: '12:00', endTime: '16:00' }), 'room_occupied', "Zaal al bezet door een zitting van patroon 'Middag' (middag 12:00–16:00)"],
  ])('skips the day when it meets %s', (_label, session, reason, message) => {
    const plan = run({ existing: [session], from: '2026-03-09', to: '2026-03-09' });
    expect(plan.create).toEqual([]);
    expect(plan.skipped).toMatchObject([{ date: '2026-03-09', reason, message }]);
  });

  it.each([
    ['an afternoon session in the same room', existing({ templateId: 7, daypart: 'afternoon', startTime: '13:30', endTime: '17:00' })],
    ['a morning session in another room', existing({ templateId: 7, courtroomId: 2 })],
    ['a cancelled full-day session in the same room (it occupies nothing)', existing({ templateId: 7, daypart: 'full_day', status: 'cancelled', startTime: '09:00', endTime: '16:30' })],
    ['a session of the template on another day', existing({ date: '2026-03-10' })],
  ])('still creates the session beside %s', (_label, session) => {
    expect(dates(run({ existing: [session], from: '2026-03-09', to: '2026-03-09' }))).toEqual(['2026-03-09']);
  });

  it('gives a room to the older template when two new patterns overlap (full day against morning and afternoon)', () => {
    const fullDay = template({ id: 1, name: 'Hele dag', daypart: 'full_day', startTime: '09:00', endTime: '16:30' });
    const morning = template({ id: 2, name: 'Ochtend' });
    const afternoon = template({ id: 3, name: 'Middag', daypart: 'afternoon', startTime: '13:30', endTime: '17:00' });
    const plan = run({ templates: [afternoon, morning, fullDay], from: '2026-03-09', to: '2026-03-09' });
    expect(plan.create.map((s) => s.templateId)).toEqual([1]);
    expect(plan.skipped.map((s) => [s.templateId, s.message])).toEqual([
      [2, "Zaal al bezet door patroon 'Hele dag' (hele dag 09:00–16:30)"],
      [3, "Zaal al bezet door patroon 'Hele dag' (hele dag 09:00–16:30)"],
    ]);
  });

  it('lets a morning and an afternoon pattern share a room', () => {
    const afternoon = template({ id: 2, daypart: 'afternoon', startTime: '13:30', endTime: '17:00' });
    expect(run({ templates: [template(), afternoon], from: '2026-03-09', to: '2026-03-09' }).create.map((s) => s.templateId)).toEqual([1, 2]);
  });

  it('is idempotent: running again over what it created creates nothing', () => {
    const templates = [template(), template({ id: 2, courtroomId: 2, weekdays: [2, 4], daypart: 'afternoon', startTime: '13:30', endTime: '17:00' })];
    const first = run({ templates, from: '2026-03-01', to: '2026-05-31' });
    const made = first.create.map((s, i): ExistingSession => ({ ...s, id: i + 1, templateName: 'x', status: 'scheduled', cancelReason: null }));
    const second = run({ templates, existing: made, from: '2026-03-01', to: '2026-05-31' });
    expect(second.create).toEqual([]);
    expect(countByReason(second.skipped)).toEqual({ non_court_day: countByReason(first.skipped).non_court_day, location_closed: 0, already_exists: first.create.length, cancelled: 0, room_occupied: 0 });
  });

  it('orders the result by date, then template', () => {
    const plan = run({ templates: [template({ id: 5, courtroomId: 2 }), template({ id: 3 })], from: '2026-03-09', to: '2026-03-10' });
    expect(plan.create.map((s) => `${s.date}#${s.templateId}`)).toEqual(['2026-03-09#3', '2026-03-09#5', '2026-03-10#3', '2026-03-10#5']);
  });

  it('refuses a horizon that is not a pair of dates', () => {
    expect(() => run({ from: '2026-02-30' })).toThrow(RangeError);
  });
});
