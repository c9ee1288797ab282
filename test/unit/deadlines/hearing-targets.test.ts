import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { deadlineInputSchema } from '../../../shared/deadlines/input';
import type { DeadlineSettings } from '../../../shared/deadlines/settings';

function compute(fields: Record<string, unknown>, settings?: Partial<DeadlineSettings>) {
  return computeDeadlines(deadlineInputSchema.parse({ id: 'N-1', ...fields }), settings);
}

describe('non-detained snelrecht: soft target window of 2 to 4 weeks (action plan)', () => {
  it.each([
    ['from the arrest (ZSM decision day)', { arrestedAt: '2026-04-10T10:00:00+02:00' }, undefined, '2026-04-24T00:00:00+02:00', '2026-05-08T23:59:59+02:00'],
    [
      'from the service of the summons when no arrest is recorded; over the autumn DST change',
      { summonsServedAt: '2026-10-12T09:00:00+02:00' },
      undefined,
      '2026-10-26T00:00:00+01:00',
      '2026-11-09T23:59:59+01:00',
    ],
    ['over leap day', { arrestedAt: '2028-02-10T10:00:00+01:00' }, undefined, '2028-02-24T00:00:00+01:00', '2028-03-09T23:59:59+01:00'],
    ['midnight arrest', { arrestedAt: '2026-04-11T00:00:00+02:00' }, undefined, '2026-04-25T00:00:00+02:00', '2026-05-09T23:59:59+02:00'],
    [
      'policy days, not Atw: a window ending on Hemelvaartsdag is not moved',
      { arrestedAt: '2026-04-16T10:00:00+02:00' },
      undefined,
      '2026-04-30T00:00:00+02:00',
      '2026-05-14T23:59:59+02:00',
    ],
    ['district setting 7 to 21 days', { arrestedAt: '2026-04-10T10:00:00+02:00' }, { snelrechtNdTargetMinDays: 7, snelrechtNdTargetMaxDays: 21 }, '2026-04-17T00:00:00+02:00', '2026-05-01T23:59:59+02:00'],
  ])('%s', (_, events, settings, from, by) => {
    const result = compute({ modality: 'snelrecht_nd', ...events }, settings);
    expect(result.hearingTargetFrom).toBe(from);
    expect(result.hearingTargetBy).toBe(by);
    expect(result.hearingBy).toBeUndefined();
    const rules = result.rules.filter((rule) => rule.limit.startsWith('hearingTarget'));
    expect(rules.map((rule) => [rule.ruleId, rule.hard])).toEqual([
      ['snelrecht-nd-window-start', false],
      ['snelrecht-nd-window-end', false],
    ]);
  });

  const BEFORE = 'vóór de streefperiode';
  const AFTER = 'na de streefperiode';
  it.each([
    ['within the window', '2026-04-30T11:00:00+02:00', []],
    ['after the window', '2026-05-11T11:00:00+02:00', [AFTER]],
    ['before the window', '2026-04-20T11:00:00+02:00', [BEFORE]],
  ])('a hearing (judgment) %s', (_, judgmentAt, expected) => {
    const result = compute({ modality: 'snelrecht_nd', arrestedAt: '2026-04-10T10:00:00+02:00', judgmentAt });
    const found = [BEFORE, AFTER].filter((text) => result.warnings.some((warning) => warning.includes(text)));
    expect(found).toEqual(expected);
  });

  it('warns when the summons term leaves no hearing inside the window', () => {
    const result = compute({
      modality: 'snelrecht_nd',
      arrestedAt: '2026-04-10T10:00:00+02:00',
      summonsServedAt: '2026-05-06T10:00:00+02:00',
    });
    expect(result.hearingFrom).toBe('2026-05-12T00:00:00+02:00');
    expect(result.warnings).toContainEqual(expect.stringContaining('geen zitting binnen de streefperiode'));
  });

  it.each(['supersnelrecht', 'snelrecht', 'filler', 'zsm'])('no window for %s', (modality) => {
    const result = compute({ modality, arrestedAt: '2026-04-10T10:00:00+02:00', shortTermConsent: true });
    expect(result.hearingTargetFrom).toBeUndefined();
  });
});

describe('supersnelrecht rule of thumb: within 72 hours of arrest (action plan, soft)', () => {
  it.each([
    ['ordinary', '2026-04-10T10:00:00+02:00', undefined, '2026-04-13T10:00:00+02:00'],
    ['spring DST night: 72 real hours', '2026-03-27T10:00:00+01:00', undefined, '2026-03-30T11:00:00+02:00'],
    ['midnight arrest on Koningsdag 2025', '2025-04-26T00:00:00+02:00', undefined, '2025-04-29T00:00:00+02:00'],
    ['district setting 48 hours', '2026-04-10T10:00:00+02:00', { supersnelrechtTargetHours: 48 }, '2026-04-12T10:00:00+02:00'],
  ])('%s', (_, arrestedAt, settings, expected) => {
    const result = compute({ modality: 'supersnelrecht', arrestedAt, shortTermConsent: true }, settings);
    expect(result.hearingTargetBy).toBe(expected);
    expect(result.rules.find((rule) => rule.limit === 'hearingTargetBy')).toMatchObject({
      ruleId: 'supersnelrecht-rule-of-thumb',
      hard: false,
    });
  });

  it('is left out when switched off, or when the hard limit comes first', () => {
    expect(
      compute({ modality: 'supersnelrecht', arrestedAt: '2026-04-10T10:00:00+02:00' }, { supersnelrechtTargetHours: null })
        .hearingTargetBy,
    ).toBeUndefined();
    const early = compute({
      modality: 'supersnelrecht',
      arrestedAt: '2026-04-10T10:00:00+02:00',
      custodyOrderedAt: '2026-04-10T10:30:00+02:00',
    });
    expect(early.hearingBy).toBe('2026-04-13T10:30:00+02:00');
    expect(early.hearingTargetBy).toBe('2026-04-13T10:00:00+02:00');
    const later = compute({ modality: 'supersnelrecht', arrestedAt: '2026-04-10T10:00:00+02:00' }, { supersnelrechtTargetHours: 96 });
    expect(later.hearingBy).toBe('2026-04-14T04:00:00+02:00');
    expect(later.hearingTargetBy).toBeUndefined();
  });
});
