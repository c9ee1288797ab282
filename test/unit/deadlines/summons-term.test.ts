import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { deadlineInputSchema } from '../../../shared/deadlines/input';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from '../../../shared/deadlines/settings';
import { earliestHearing, expectedServiceMoment, latestServiceDay } from '../../../shared/deadlines/summons-term';
import { defaultCourtCalendar } from '../../../shared/calendar/court-calendar';
import { startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { addDays } from '../../../shared/calendar/local-date';

function compute(fields: Record<string, unknown>, settings?: Partial<DeadlineSettings>) {
  return computeDeadlines(deadlineInputSchema.parse({ id: 'S-1', ...fields }), settings);
}

const TEN_DAY_TERM: Partial<DeadlineSettings> = { politierechterModalities: [] };

describe('summons term before the politierechter: at least 3 days (art. 370 Sv, setting), Atw applied', () => {
  it.each([
    ['served Monday: Tue-Thu, hearing from Friday', '2026-04-13T10:00:00+02:00', '2026-04-17T00:00:00+02:00', 'none'],
    ['served Friday: Sat, Sun, Mon hold one working day; art. 2 Atw adds Tuesday', '2026-04-10T10:00:00+02:00', '2026-04-15T00:00:00+02:00', 'art. 2'],
    ['served before Easter: Goede Vrijdag and Tweede Paasdag do not count', '2026-04-01T15:00:00+02:00', '2026-04-08T00:00:00+02:00', 'art. 2'],
    ['served Thursday before the DST night: hearing from Tuesday (summer time)', '2026-03-26T15:00:00+01:00', '2026-03-31T00:00:00+02:00', 'art. 2'],
    ['served just after midnight (given in UTC): the day of service is Monday', '2026-04-12T22:30:00Z', '2026-04-17T00:00:00+02:00', 'none'],
    ['served Wednesday 23 April 2025: the term ends on Koningsdag (Saturday); art. 1 Atw to Monday', '2025-04-23T10:00:00+02:00', '2025-04-29T00:00:00+02:00', 'art. 1'],
  ])('%s', (_, summonsServedAt, expected, extension) => {
    const result = compute({ modality: 'snelrecht', summonsServedAt });
    expect(result.hearingFrom).toBe(expected);
    const rule = result.rules.find((entry) => entry.limit === 'hearingFrom');
    expect(rule).toMatchObject({ ruleId: 'summons-term-politierechter', article: 'art. 370 Sv', hard: true });
    if (extension === 'none') expect(rule?.explanation).not.toContain('Verlengd');
    else expect(rule?.explanation).toContain(`Verlengd volgens ${extension} Atw`);
  });
});

describe('summons term of 10 days (art. 265 lid 1 Sv) when the case is not for the politierechter', () => {
  it.each([
    ['ends on Saturday 11 April: art. 1 Atw to Monday, hearing from Tuesday', '2026-04-01T09:00:00+02:00', TEN_DAY_TERM, '2026-04-14T00:00:00+02:00'],
    ['without the Atw: hearing from the 11th day', '2026-04-01T09:00:00+02:00', { ...TEN_DAY_TERM, applyAtwToSummonsTerm: false }, '2026-04-12T00:00:00+02:00'],
    ['ends on Koningsdag on Saturday 26 April 2025', '2025-04-16T09:00:00+02:00', TEN_DAY_TERM, '2025-04-29T00:00:00+02:00'],
    ['over leap day', '2028-02-21T09:00:00+01:00', TEN_DAY_TERM, '2028-03-03T00:00:00+01:00'],
    ['ends on Tweede Kerstdag (Friday)', '2025-12-16T09:00:00+01:00', TEN_DAY_TERM, '2025-12-30T00:00:00+01:00'],
  ])('%s', (_, summonsServedAt, settings, expected) => {
    const result = compute({ modality: 'snelrecht_nd', summonsServedAt }, settings);
    expect(result.hearingFrom).toBe(expected);
    expect(result.rules.find((entry) => entry.limit === 'hearingFrom')).toMatchObject({
      ruleId: 'summons-term',
      article: 'art. 265 lid 1 Sv',
    });
  });

  it('uses the 10-day term for a modality taken out of the politierechter list only', () => {
    const settings = { politierechterModalities: ['supersnelrecht', 'snelrecht'] as DeadlineSettings['politierechterModalities'] };
    expect(compute({ modality: 'snelrecht', summonsServedAt: '2026-04-13T10:00:00+02:00' }, settings).hearingFrom).toBe(
      '2026-04-17T00:00:00+02:00',
    );
    expect(compute({ modality: 'filler', summonsServedAt: '2026-04-13T10:00:00+02:00' }, settings).hearingFrom).toBe(
      '2026-04-24T00:00:00+02:00',
    );
  });
});

describe('consent to a shorter term (art. 265 lid 2 Sv)', () => {
  it.each([
    ['supersnelrecht', '2026-04-11T10:00:00+02:00', '2026-04-11T10:00:00+02:00'],
    ['snelrecht', '2026-03-29T01:30:00Z', '2026-03-29T03:30:00+02:00'],
    ['snelrecht_nd', '2026-04-13T08:00:00+02:00', '2026-04-13T08:00:00+02:00'],
  ])('%s: hearing possible from the service itself', (modality, summonsServedAt, expected) => {
    const result = compute({ modality, summonsServedAt, shortTermConsent: true });
    expect(result.hearingFrom).toBe(expected);
    expect(result.rules.find((entry) => entry.limit === 'hearingFrom')).toMatchObject({
      ruleId: 'summons-term-waived',
      article: 'art. 265 lid 2 Sv',
    });
  });

  const NO_CONSENT = 'Geen instemming met een kortere dagvaardingstermijn';
  it.each([
    [true, false],
    [false, true],
    [undefined, true],
  ])('supersnelrecht with shortTermConsent %s: warning about no supersnelrecht slot: %s', (shortTermConsent, warned) => {
    const result = compute({
      modality: 'supersnelrecht',
      arrestedAt: '2026-04-10T10:00:00+02:00',
      ...(shortTermConsent === undefined ? {} : { shortTermConsent }),
    });
    expect(result.warnings.some((warning) => warning.startsWith(NO_CONSENT))).toBe(warned);
  });

  it('flags a detained case the summons term cannot fit before the hard limit', () => {
    const result = compute({
      modality: 'supersnelrecht',
      arrestedAt: '2026-04-10T10:00:00+02:00',
      summonsServedAt: '2026-04-11T10:00:00+02:00',
      shortTermConsent: false,
    });
    expect(result.hearingFrom).toBe('2026-04-15T00:00:00+02:00');
    expect(result.hearingBy).toBe('2026-04-14T04:00:00+02:00');
    expect(result.warnings).toContainEqual(expect.stringContaining('Niet haalbaar vóór de uiterste termijn'));
  });

  it('no summons term for ZSM (no hearing), with a warning', () => {
    const result = compute({ modality: 'zsm', summonsServedAt: '2026-04-11T10:00:00+02:00' });
    expect(result.hearingFrom).toBeUndefined();
    expect(result.warnings).toContainEqual(expect.stringContaining('Dagvaarding betekend bij een ZSM-zaak'));
  });
});

describe('serving for a date (issue 11 item 3): the last day of service is the inverse of the one summons-term rule', () => {
  const calendar = defaultCourtCalendar();
  const at = (iso: string) => Date.parse(iso);
  it.each<[string, DeadlineSettings, string, boolean, string]>([
    // 10 days (art. 265 lid 1 Sv) with the Atw: served Fri 3 April the term ends Mon 13, hearing from Tue 14; served Sat 4 it ends Tue 14.
    ['10 days, a Tuesday hearing', { ...DEFAULT_DEADLINE_SETTINGS, politierechterModalities: [] }, '2026-04-14T09:00:00+02:00', false, '2026-04-03'],
    // 3 days before the politierechter (art. 370 Sv): a hearing on Friday 17 April can be served until Monday 13 April.
    ['3 days, a Friday hearing', DEFAULT_DEADLINE_SETTINGS, '2026-04-17T09:00:00+02:00', false, '2026-04-13'],
    // Mon 22 June 13:30: served Wed 17 the term ends Sat 20 -> art. 1 Atw Mon 22 (too late); Tue 16 is the last day.
    ['3 days, a Monday hearing', DEFAULT_DEADLINE_SETTINGS, '2026-06-22T13:30:00+02:00', false, '2026-06-16'],
    // With consent to a shorter term (art. 265 lid 2 Sv): on the day of the hearing itself.
    ['with consent', DEFAULT_DEADLINE_SETTINGS, '2026-06-22T13:30:00+02:00', true, '2026-06-22'],
  ])('%s', (_, settings, hearing, consent, expected) => {
    const day = latestServiceDay(at(hearing), 'snelrecht_nd', consent, { ...settings }, calendar);
    expect(day).toBe(expected);
    expect(earliestHearing(startOfAmsterdamDay(day), 'snelrecht_nd', consent, { ...settings }, calendar).at).toBeLessThanOrEqual(at(hearing));
    if (!consent) expect(earliestHearing(startOfAmsterdamDay(addDays(day, 1)), 'snelrecht_nd', consent, { ...settings }, calendar).at).toBeGreaterThan(at(hearing));
  });

  it('counts from now, or from the expected service date when that lies later', () => {
    const now = at('2026-06-15T09:30:00+02:00');
    expect(expectedServiceMoment(null, now)).toBe(now);
    expect(expectedServiceMoment('2026-06-10', now)).toBe(now);
    expect(expectedServiceMoment('2026-06-18', now)).toBe(startOfAmsterdamDay('2026-06-18'));
  });
});
