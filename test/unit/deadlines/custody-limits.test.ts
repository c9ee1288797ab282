import { describe, expect, it } from 'vitest';
import { formatAmsterdam, instantOf } from '../../../shared/calendar/amsterdam-time';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { gevangenhoudingLatestEnd } from '../../../shared/deadlines/custody-rules';
import { deadlineInputSchema } from '../../../shared/deadlines/input';
import type { DeadlineSettings } from '../../../shared/deadlines/settings';

function compute(fields: Record<string, unknown>, settings?: Partial<DeadlineSettings>) {
  return computeDeadlines(deadlineInputSchema.parse({ id: 'T-1', ...fields }), settings);
}

function ruleFor(result: ReturnType<typeof compute>, limit: string) {
  return result.rules.find((rule) => rule.limit === limit);
}

describe('voorgeleiding: at most 3 days and 18 hours after arrest (art. 59a Sv)', () => {
  it.each([
    ['ordinary, over a weekend (not extended)', '2026-04-10T10:00:00+02:00', '2026-04-14T04:00:00+02:00'],
    ['midnight arrest', '2026-04-11T00:00:00+02:00', '2026-04-14T18:00:00+02:00'],
    ['arrest given in UTC, midnight in Amsterdam', '2026-04-10T22:00:00Z', '2026-04-14T18:00:00+02:00'],
    ['spring DST night inside: 89 real hours (earlier reading)', '2026-03-27T12:00:00+01:00', '2026-03-31T06:00:00+02:00'],
    ['autumn DST night inside: 90 real hours (earlier reading)', '2026-10-23T12:00:00+02:00', '2026-10-27T05:00:00+01:00'],
    ['Easter weekend: ends on Tweede Paasdag, not moved', '2026-04-02T20:00:00+02:00', '2026-04-06T14:00:00+02:00'],
    ['Koningsdag on Saturday 26 April 2025', '2025-04-25T09:00:00+02:00', '2025-04-29T03:00:00+02:00'],
    ['leap day', '2028-02-26T12:00:00+01:00', '2028-03-01T06:00:00+01:00'],
  ])('%s: arrest %s -> %s', (_, arrestedAt, expected) => {
    const result = compute({ modality: 'snelrecht', arrestedAt });
    expect(result.voorgeleidingBy).toBe(expected);
    expect(ruleFor(result, 'voorgeleidingBy')).toMatchObject({ ruleId: 'voorgeleiding', article: 'art. 59a lid 1 Sv', hard: true });
  });

  it.each([
    ['supersnelrecht', {}, true],
    ['snelrecht', {}, true],
    ['zsm', { custodyOrderedAt: '2026-04-10T12:00:00+02:00' }, true],
    ['zsm', {}, false], // no inverzekeringstelling: art. 59a does not apply
    ['snelrecht_nd', { custodyOrderedAt: '2026-04-10T12:00:00+02:00' }, false],
    ['filler', {}, false],
  ])('%s %j: voorgeleiding limit present: %s', (modality, extra, present) => {
    const result = compute({ modality, arrestedAt: '2026-04-10T10:00:00+02:00', ...extra });
    expect(result.voorgeleidingBy !== undefined).toBe(present);
  });
});

describe('supersnelrecht hearing: within the (extended) inverzekeringstelling and the voorgeleiding limit (art. 58, 59a Sv)', () => {
  it.each([
    [
      'custody ends first (3 days from its order)',
      { arrestedAt: '2026-04-10T10:00:00+02:00', custodyOrderedAt: '2026-04-10T16:00:00+02:00' },
      '2026-04-13T16:00:00+02:00',
      'supersnelrecht-within-custody',
      'art. 58 lid 1 Sv',
    ],
    [
      'voorgeleiding limit ends first once custody is extended',
      {
        arrestedAt: '2026-04-10T10:00:00+02:00',
        custodyOrderedAt: '2026-04-10T16:00:00+02:00',
        custodyExtendedAt: '2026-04-13T09:00:00+02:00',
      },
      '2026-04-14T04:00:00+02:00',
      'supersnelrecht-within-voorgeleiding',
      'art. 59a lid 1 Sv',
    ],
    [
      'extended custody without a recorded arrest: 3 + 3 days',
      { custodyOrderedAt: '2026-04-10T16:00:00+02:00', custodyExtendedAt: '2026-04-13T09:00:00+02:00' },
      '2026-04-16T16:00:00+02:00',
      'supersnelrecht-within-custody',
      'art. 58 lid 2 Sv',
    ],
    [
      'extended custody over the spring DST night (143 real hours)',
      { custodyOrderedAt: '2026-03-26T18:00:00+01:00', custodyExtendedAt: '2026-03-28T10:00:00+01:00' },
      '2026-04-01T18:00:00+02:00',
      'supersnelrecht-within-custody',
      'art. 58 lid 2 Sv',
    ],
    [
      'custody over the autumn DST night: 72 real hours, not 73',
      { custodyOrderedAt: '2026-10-23T18:00:00+02:00' },
      '2026-10-26T17:00:00+01:00',
      'supersnelrecht-within-custody',
      'art. 58 lid 1 Sv',
    ],
    [
      'custody ending on Goede Vrijdag is not extended',
      { custodyOrderedAt: '2026-03-31T11:00:00+02:00' },
      '2026-04-03T11:00:00+02:00',
      'supersnelrecht-within-custody',
      'art. 58 lid 1 Sv',
    ],
    [
      'arrest only: the voorgeleiding limit',
      { arrestedAt: '2025-12-24T08:00:00+01:00' },
      '2025-12-28T02:00:00+01:00',
      'supersnelrecht-within-voorgeleiding',
      'art. 59a lid 1 Sv',
    ],
  ])('%s', (_, events, expected, ruleId, article) => {
    const result = compute({ modality: 'supersnelrecht', shortTermConsent: true, ...events });
    expect(result.hearingBy).toBe(expected);
    expect(ruleFor(result, 'hearingBy')).toMatchObject({ ruleId, article, hard: true });
  });
});

describe('snelrecht (detained) hearing: within the bewaring and 17 days of arrest (art. 64, 67a Sv)', () => {
  it.each([
    ['bewaring of 14 days (no arrest recorded)', { remandOrderedAt: '2026-04-14T11:00:00+02:00' }, undefined, '2026-04-28T11:00:00+02:00', 'snelrecht-within-remand'],
    ['bewaring over the spring DST change: 335 real hours, ends on Goede Vrijdag', { remandOrderedAt: '2026-03-20T10:00:00+01:00' }, undefined, '2026-04-03T10:00:00+02:00', 'snelrecht-within-remand'],
    ['bewaring over the autumn DST change: 336 real hours', { remandOrderedAt: '2026-10-20T10:00:00+02:00' }, undefined, '2026-11-03T09:00:00+01:00', 'snelrecht-within-remand'],
    ['bewaring ending on Eerste Kerstdag is not extended', { remandOrderedAt: '2025-12-11T15:00:00+01:00' }, undefined, '2025-12-25T15:00:00+01:00', 'snelrecht-within-remand'],
    ['bewaring over leap day', { remandOrderedAt: '2028-02-20T12:00:00+01:00' }, undefined, '2028-03-05T12:00:00+01:00', 'snelrecht-within-remand'],
    [
      '17 days after arrest ends before the bewaring',
      { arrestedAt: '2026-04-01T08:00:00+02:00', remandOrderedAt: '2026-04-04T20:00:00+02:00' },
      undefined,
      '2026-04-18T08:00:00+02:00',
      'snelrecht-after-arrest',
    ],
    [
      'with the district setting 17 days 18 hours the bewaring ends first',
      { arrestedAt: '2026-04-01T08:00:00+02:00', remandOrderedAt: '2026-04-04T20:00:00+02:00' },
      { snelrechtMaxAfterArrest: { days: 17, hours: 18 } },
      '2026-04-18T20:00:00+02:00',
      'snelrecht-within-remand',
    ],
    ['bewaring not yet ordered: 17 days after arrest, over leap day', { arrestedAt: '2028-02-15T09:00:00+01:00' }, undefined, '2028-03-03T09:00:00+01:00', 'snelrecht-after-arrest'],
    [
      'midnight arrest, Koningsdag on Sunday inside',
      { arrestedAt: '2025-04-20T00:00:00+02:00', remandOrderedAt: '2025-04-23T10:00:00+02:00' },
      undefined,
      '2025-05-07T00:00:00+02:00',
      'snelrecht-after-arrest',
    ],
  ])('%s', (_, events, settings, expected, ruleId) => {
    const result = compute({ modality: 'snelrecht', ...events }, settings);
    expect(result.hearingBy).toBe(expected);
    expect(ruleFor(result, 'hearingBy')).toMatchObject({ ruleId, hard: true });
  });

  it('says when the bewaring is not yet recorded', () => {
    const result = compute({ modality: 'snelrecht', arrestedAt: '2026-04-01T08:00:00+02:00' });
    expect(ruleFor(result, 'hearingBy')?.explanation).toContain('Bewaring nog niet vastgelegd');
    expect(ruleFor(result, 'hearingBy')?.article).toBe('art. 67a lid 2 onder 4 Sv');
  });

  it.each(['snelrecht_nd', 'filler', 'zsm'])('no hard hearing limit for %s, even with a bewaring recorded', (modality) => {
    const result = compute({ modality, arrestedAt: '2026-04-01T08:00:00+02:00', remandOrderedAt: '2026-04-04T10:00:00+02:00' });
    expect(result.hearingBy).toBeUndefined();
    expect(result.warnings.some((warning) => warning.includes('niet-gedetineerde modaliteit'))).toBe(true);
  });
});

describe('gevangenhouding: at most 90 days in total (art. 66 Sv)', () => {
  it.each([
    ['2026-04-28T11:00:00+02:00', '2026-07-27T11:00:00+02:00'],
    ['2026-09-01T10:00:00+02:00', '2026-11-30T09:00:00+01:00'], // autumn change inside: 2160 real hours
    ['2028-01-15T12:00:00+01:00', '2028-04-14T12:00:00+02:00'], // leap day and spring change inside
  ])('from %s -> %s', (start, expected) => {
    expect(formatAmsterdam(gevangenhoudingLatestEnd(instantOf(start)))).toBe(expected);
  });
});
