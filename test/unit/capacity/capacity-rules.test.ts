import { describe, expect, it } from 'vitest';
import { acceptanceIssues, capacityIssues, parseWeekdays, serializeWeekdays, templateFieldIssues, timeIssues, type TemplateFields } from '../../../shared/capacity/capacity-rules';
import { sessionsOverlap } from '../../../shared/capacity/session-overlap';

const valid: TemplateFields = {
  name: 'ND ochtend',
  weekdays: [2, 4],
  daypart: 'morning',
  startTime: '09:00',
  endTime: '12:30',
  sessionType: 'snelrecht_nd',
  capacitySlots: 10,
  capacityMinutes: 200,
  overbookingSlots: 2,
  acceptedModalities: ['snelrecht_nd', 'filler'],
  acceptedFillerKinds: ['verzet'],
  validFrom: '2026-01-01',
  validUntil: null,
};

describe('the capacity rules', () => {
  it('accepts a sound template', () => {
    expect(templateFieldIssues(valid)).toEqual([]);
  });

  it.each([
    ['09:00', '12:30', []],
    ['9:00', '12:30', ['startTime']],
    ['09:00', '24:00', ['endTime']],
    ['12:30', '12:30', ['endTime']],
    ['13:00', '12:30', ['endTime']],
  ])('times %s to %s: issues at %j', (start, end, fields) => {
    expect(timeIssues(start, end).map((i) => i.field)).toEqual(fields);
  });

  it.each([
    [{ capacitySlots: 0, capacityMinutes: 0, overbookingSlots: 0 }, 210, []],
    [{ capacitySlots: -1, capacityMinutes: 10, overbookingSlots: 0 }, 210, ['capacitySlots']],
    [{ capacitySlots: 2.5, capacityMinutes: 10, overbookingSlots: 0 }, 210, ['capacitySlots']],
    [{ capacitySlots: 201, capacityMinutes: 10, overbookingSlots: 0 }, 210, ['capacitySlots']],
    [{ capacitySlots: 3, capacityMinutes: 211, overbookingSlots: 0 }, 210, ['capacityMinutes']],
    [{ capacitySlots: 3, capacityMinutes: 211, overbookingSlots: 0 }, null, []],
    [{ capacitySlots: 3, capacityMinutes: Number.NaN, overbookingSlots: 51 }, 210, ['capacityMinutes', 'overbookingSlots']],
  ])('capacity %j in a session of %s minutes: issues at %j', (numbers, duration, fields) => {
    expect(capacityIssues(numbers, duration).map((i) => i.field)).toEqual(fields);
  });

  it.each([
    ['supersnelrecht', ['supersnelrecht'], [], null],
    ['supersnelrecht', ['snelrecht'], [], "neemt geen snelrecht gedetineerd"],
    ['snelrecht', ['supersnelrecht'], [], 'neemt in elk geval snelrecht gedetineerd'],
    ['snelrecht', ['snelrecht', 'supersnelrecht'], [], null],
    ['snelrecht_nd', ['snelrecht_nd', 'filler'], ['vtl'], null],
    ['snelrecht_nd', ['snelrecht_nd'], ['vtl'], 'kies die alleen als de zitting opvulzaken neemt'],
    ['mixed', ['filler'], [], null],
    ['mixed', [], [], 'kies minstens één modaliteit'],
    ['mixed', ['zsm'], [], "onbekende modaliteit 'zsm'"],
    ['mixed', ['filler'], ['stamp'], "onbekende soort 'stamp'"],
  ] as const)('a %s session taking %j (filler kinds %j): %s', (sessionType, modalities, kinds, message) => {
    const issues = acceptanceIssues({ sessionType, acceptedModalities: modalities, acceptedFillerKinds: kinds });
    if (message === null) expect(issues).toEqual([]);
    else expect(issues.map((i) => i.message).join(' ')).toContain(message);
  });

  it.each([
    [{ weekdays: [] }, 'Weekdagen: kies minstens één weekdag'],
    [{ weekdays: [7] }, 'Weekdagen: zaterdag en zondag zijn geen zittingsdagen'],
    [{ weekdays: [0] }, 'Weekdagen: alleen maandag (1) tot en met zondag (7)'],
    [{ weekdays: [2, 2] }, 'Weekdagen: een weekdag staat er twee keer in'],
    [{ validFrom: '2026-02-30' }, 'Geldig vanaf: vul een geldige datum in'],
    [{ validUntil: '2025-12-31' }, 'Geldig tot en met: ligt vóór de datum geldig vanaf'],
    [{ daypart: 'evening' }, 'Dagdeel: kies ochtend, middag of hele dag'],
    [{ name: 'x'.repeat(121) }, 'Naam: te lang (max. 120 tekens)'],
  ])('refuses %j: %s', (over, message) => {
    expect(templateFieldIssues({ ...valid, ...over }).map((i) => i.message)).toContain(message);
  });

  it('stores weekdays sorted and unique, and reads them back', () => {
    expect(serializeWeekdays([5, 1, 3, 1])).toBe('1,3,5');
    expect(parseWeekdays('1,3,5')).toEqual([1, 3, 5]);
    expect(parseWeekdays('')).toEqual([]);
  });

  it.each([
    ['morning', '09:00', '12:30', 'afternoon', '13:30', '17:00', false],
    ['morning', '09:00', '12:30', 'morning', '10:00', '11:00', true],
    ['full_day', '09:00', '16:30', 'afternoon', '13:30', '17:00', true],
    ['morning', '09:00', '13:00', 'afternoon', '12:30', '17:00', true],
    ['morning', '09:00', '12:30', 'afternoon', '12:30', '17:00', false],
  ] as const)('%s %s-%s and %s %s-%s overlap: %s', (d1, s1, e1, d2, s2, e2, expected) => {
    expect(sessionsOverlap({ daypart: d1, startTime: s1, endTime: e1 }, { daypart: d2, startTime: s2, endTime: e2 })).toBe(expected);
  });
});
