import { describe, expect, it } from 'vitest';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { deadlineInputSchema } from '../../../shared/deadlines/input';
import type { DeadlineSettings } from '../../../shared/deadlines/settings';

function compute(fields: Record<string, unknown>, settings?: Partial<DeadlineSettings>, calendar = createCourtCalendar()) {
  return computeDeadlines(deadlineInputSchema.parse({ id: 'R-1', ...fields }), settings, calendar);
}

function ruleFor(result: ReturnType<typeof compute>, limit: string) {
  return result.rules.find((rule) => rule.limit === limit);
}

describe('verzet against a strafbeschikking: 14 days after delivery (art. 257e Sv), Atw applied', () => {
  it.each([
    ['ends on a Friday', '2026-04-10T10:00:00+02:00', '2026-04-24T23:59:59+02:00'],
    ['ends on Koningsdag on Saturday 26 April 2025: runs on to Monday', '2025-04-12T14:00:00+02:00', '2025-04-28T23:59:59+02:00'],
    ['ends on Tweede Kerstdag: runs on to Monday', '2025-12-12T09:00:00+01:00', '2025-12-29T23:59:59+01:00'],
    ['ends on Goede Vrijdag: over Easter to Tuesday', '2026-03-20T09:00:00+01:00', '2026-04-07T23:59:59+02:00'],
    ['delivered just after midnight (given in UTC)', '2026-04-09T22:30:00Z', '2026-04-24T23:59:59+02:00'],
    ['delivered just before midnight', '2026-04-09T23:59:00+02:00', '2026-04-23T23:59:59+02:00'],
  ])('%s', (_, penaltyOrderDeliveredAt, expected) => {
    const result = compute({ modality: 'zsm', penaltyOrderDeliveredAt });
    expect(result.verzetBy).toBe(expected);
    expect(ruleFor(result, 'verzetBy')).toMatchObject({ ruleId: 'verzet', article: 'art. 257e lid 1 Sv; art. 1 en 2 Atw', hard: true });
  });

  it('follows the calendar settings: without Goede Vrijdag as equivalent day the term ends on it', () => {
    const calendar = createCourtCalendar({ equivalentDaysByYear: { '2026': [] } });
    expect(compute({ modality: 'zsm', penaltyOrderDeliveredAt: '2026-03-20T09:00:00+01:00' }, undefined, calendar).verzetBy).toBe(
      '2026-04-03T23:59:59+02:00',
    );
  });
});

describe('hoger beroep: 14 days after the judgment (art. 408 Sv), Atw applied', () => {
  it.each([
    ['ends on Hemelvaartsdag: over the Friday after to Monday', '2026-04-30T11:00:00+02:00', '2026-05-18T23:59:59+02:00'],
    ['ends on leap day', '2028-02-15T11:00:00+01:00', '2028-02-29T23:59:59+01:00'],
    ['over Christmas and New Year, ends on a Monday', '2025-12-22T11:00:00+01:00', '2026-01-05T23:59:59+01:00'],
    ['over the autumn DST change', '2026-10-14T11:00:00+02:00', '2026-10-28T23:59:59+01:00'],
    ['ends on Koningsdag (Monday 27 April 2026)', '2026-04-13T11:00:00+02:00', '2026-04-28T23:59:59+02:00'],
  ])('%s', (_, judgmentAt, expected) => {
    const result = compute({ modality: 'snelrecht', judgmentAt });
    expect(result.appealBy).toBe(expected);
    expect(ruleFor(result, 'appealBy')).toMatchObject({ ruleId: 'appeal', article: 'art. 408 lid 1 Sv; art. 1 en 2 Atw', hard: true });
  });
});

describe('court -> OM: signed judgment within 14 days (Wet USB practice), Atw applied', () => {
  it.each([
    ['ends on Hemelvaartsdag', '2026-04-30T11:00:00+02:00', undefined, '2026-05-18T23:59:59+02:00'],
    ['ends on leap day', '2028-02-15T11:00:00+01:00', undefined, '2028-02-29T23:59:59+01:00'],
    ['district setting 10 days: ends on Sunday, runs on to Monday', '2026-04-30T11:00:00+02:00', { judgmentToOmDays: 10 }, '2026-05-11T23:59:59+02:00'],
  ])('%s', (_, judgmentAt, settings, expected) => {
    const result = compute({ modality: 'snelrecht_nd', judgmentAt }, settings);
    expect(result.judgmentToOmBy).toBe(expected);
    expect(ruleFor(result, 'judgmentToOmBy')).toMatchObject({ ruleId: 'judgment-to-om', hard: false });
  });
});

describe('OM -> CJIB: within 14 days of the decision becoming enforceable (Wet USB practice)', () => {
  it.each([
    ['judgment: appeal term ends Monday 18 May, hand-off by 1 June', { judgmentAt: '2026-04-30T11:00:00+02:00' }, undefined, '2026-06-01T23:59:59+02:00', 'cjib-after-appeal-term'],
    ['judgment: appeal term ends Tuesday 28 April (after Koningsdag)', { judgmentAt: '2026-04-13T11:00:00+02:00' }, undefined, '2026-05-12T23:59:59+02:00', 'cjib-after-appeal-term'],
    ['penalty order: verzet term ends 24 April, hand-off by 8 May', { penaltyOrderDeliveredAt: '2026-04-10T10:00:00+02:00' }, undefined, '2026-05-08T23:59:59+02:00', 'cjib-after-verzet-term'],
    ['penalty order over Christmas: verzet term ends 29 December', { penaltyOrderDeliveredAt: '2025-12-12T09:00:00+01:00' }, undefined, '2026-01-12T23:59:59+01:00', 'cjib-after-verzet-term'],
    [
      'penalty order and the judgment on the verzet: the judgment is enforced',
      { penaltyOrderDeliveredAt: '2026-04-10T10:00:00+02:00', judgmentAt: '2026-04-30T11:00:00+02:00' },
      undefined,
      '2026-06-01T23:59:59+02:00',
      'cjib-after-appeal-term',
    ],
    [
      'district setting 7 days: 18 + 7 = Tweede Pinksterdag 25 May, runs on to Tuesday',
      { judgmentAt: '2026-04-30T11:00:00+02:00' },
      { toCjibDays: 7 },
      '2026-05-26T23:59:59+02:00',
      'cjib-after-appeal-term',
    ],
  ])('%s', (_, events, settings, expected, ruleId) => {
    const result = compute({ modality: 'snelrecht', ...events }, settings);
    expect(result.toCjibBy).toBe(expected);
    expect(ruleFor(result, 'toCjibBy')).toMatchObject({ ruleId, hard: false });
  });

  it('names the day the decision becomes enforceable in the explanation', () => {
    const result = compute({ modality: 'zsm', penaltyOrderDeliveredAt: '2026-04-10T10:00:00+02:00' });
    expect(ruleFor(result, 'toCjibBy')?.explanation).toContain('verzettermijn eindigt ongebruikt op 2026-04-24');
  });
});
