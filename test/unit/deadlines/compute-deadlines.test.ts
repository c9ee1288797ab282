import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { deadlineInputSchema } from '../../../shared/deadlines/input';
import { deadlineResultSchema, LIMIT_FIELDS } from '../../../shared/deadlines/result';
import {
  DEADLINE_SETTING_INFO,
  DEFAULT_DEADLINE_SETTINGS,
  deadlineSettingsSchema,
  resolveDeadlineSettings,
} from '../../../shared/deadlines/settings';

const ALL_EVENTS = {
  arrestedAt: '2026-04-10T10:00:00+02:00',
  custodyOrderedAt: '2026-04-10T16:00:00+02:00',
  custodyExtendedAt: '2026-04-13T09:00:00+02:00',
  remandOrderedAt: '2026-04-13T15:00:00+02:00',
  summonsServedAt: '2026-04-14T10:00:00+02:00',
  judgmentAt: '2026-04-24T11:00:00+02:00',
  penaltyOrderDeliveredAt: '2026-04-11T10:00:00+02:00',
  shortTermConsent: true,
};

function compute(fields: Record<string, unknown>) {
  return computeDeadlines(deadlineInputSchema.parse({ id: 'C-1', ...fields }));
}

describe('which limits apply', () => {
  it.each([
    ['zsm', ['voorgeleidingBy', 'verzetBy', 'appealBy', 'judgmentToOmBy', 'toCjibBy']],
    ['supersnelrecht', ['voorgeleidingBy', 'hearingBy', 'hearingFrom', 'hearingTargetBy', 'verzetBy', 'appealBy', 'judgmentToOmBy', 'toCjibBy']],
    ['snelrecht', ['voorgeleidingBy', 'hearingBy', 'hearingFrom', 'verzetBy', 'appealBy', 'judgmentToOmBy', 'toCjibBy']],
    ['snelrecht_nd', ['hearingFrom', 'hearingTargetFrom', 'hearingTargetBy', 'verzetBy', 'appealBy', 'judgmentToOmBy', 'toCjibBy']],
    ['filler', ['hearingFrom', 'verzetBy', 'appealBy', 'judgmentToOmBy', 'toCjibBy']],
  ])('%s with every event recorded', (modality, expected) => {
    const result = compute({ modality, ...ALL_EVENTS });
    const present = LIMIT_FIELDS.filter((field) => result[field] !== undefined);
    expect(present).toEqual(expected);
    expect(result.rules.map((rule) => rule.limit)).toEqual(expected);
  });

  it.each(['zsm', 'supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler'])('%s without events: no limits', (modality) => {
    const result = compute({ modality });
    expect(LIMIT_FIELDS.filter((field) => result[field] !== undefined)).toEqual([]);
    expect(result.rules).toEqual([]);
  });

  it.each([
    ['supersnelrecht', 'Geen aanhouding of inverzekeringstelling vastgelegd'],
    ['snelrecht', 'Geen aanhouding of bewaring vastgelegd'],
  ])('%s without events warns that the hard limit is unknown', (modality, text) => {
    expect(compute({ modality, shortTermConsent: true }).warnings).toContainEqual(expect.stringContaining(text));
  });
});

describe('the result', () => {
  const result = compute({ modality: 'snelrecht', ...ALL_EVENTS });

  it('has the documented shape, with Amsterdam timestamps with offset', () => {
    expect(deadlineResultSchema.parse(result)).toEqual(result);
    expect(Object.keys(result)).toEqual([
      'id',
      'voorgeleidingBy',
      'hearingBy',
      'hearingFrom',
      'verzetBy',
      'appealBy',
      'judgmentToOmBy',
      'toCjibBy',
      'rules',
      'warnings',
    ]);
    expect(result).toMatchObject({
      id: 'C-1',
      voorgeleidingBy: '2026-04-14T04:00:00+02:00',
      hearingBy: '2026-04-27T10:00:00+02:00', // 17 days after arrest comes before the bewaring's end (15:00)
      hearingFrom: '2026-04-14T10:00:00+02:00',
      verzetBy: '2026-04-28T23:59:59+02:00', // Saturday 25, Sunday, Koningsdag Monday 27

      appealBy: '2026-05-08T23:59:59+02:00',
    });
  });

  it('names a rule and an article for every limit, with a Dutch explanation', () => {
    for (const rule of result.rules) {
      expect(rule.ruleId).toMatch(/^[a-z-]+$/);
      expect(rule.article).toMatch(/art\.|Actieplan|Wet USB/);
      expect(rule.explanation.length).toBeGreaterThan(20);
    }
  });

  it('is the same for the same input, whatever offset the timestamps were given in', () => {
    const utc = compute({
      modality: 'snelrecht',
      ...ALL_EVENTS,
      arrestedAt: '2026-04-10T08:00:00Z',
      remandOrderedAt: '2026-04-13T13:00:00Z',
    });
    expect(utc).toEqual(result);
  });
});

describe('data warnings', () => {
  it.each([
    [
      'custody extended after the first 3 days ended',
      { modality: 'supersnelrecht', shortTermConsent: true, custodyOrderedAt: '2026-04-10T16:00:00+02:00', custodyExtendedAt: '2026-04-13T16:00:01+02:00' },
      'na afloop van de eerste 3 dagen',
    ],
    [
      'bewaring ordered after the voorgeleiding limit',
      { modality: 'snelrecht', arrestedAt: '2026-04-10T10:00:00+02:00', remandOrderedAt: '2026-04-14T04:00:01+02:00' },
      'na de voorgeleidingstermijn',
    ],
    [
      'supersnelrecht case with a bewaring',
      { modality: 'supersnelrecht', shortTermConsent: true, arrestedAt: '2026-04-10T10:00:00+02:00', remandOrderedAt: '2026-04-12T10:00:00+02:00' },
      'valt buiten supersnelrecht',
    ],
    [
      'judgment after the hard hearing limit',
      { modality: 'snelrecht', remandOrderedAt: '2026-04-10T10:00:00+02:00', judgmentAt: '2026-04-24T10:00:01+02:00' },
      'De uitspraak ligt na de uiterste zittingsdatum',
    ],
  ])('%s', (_, fields, text) => {
    expect(compute(fields).warnings).toContainEqual(expect.stringContaining(text));
  });

  it.each([
    [{ modality: 'supersnelrecht', shortTermConsent: true, custodyOrderedAt: '2026-04-10T16:00:00+02:00', custodyExtendedAt: '2026-04-13T16:00:00+02:00' }],
    [{ modality: 'snelrecht', arrestedAt: '2026-04-10T10:00:00+02:00', remandOrderedAt: '2026-04-14T04:00:00+02:00' }],
    [{ modality: 'snelrecht', remandOrderedAt: '2026-04-10T10:00:00+02:00', judgmentAt: '2026-04-24T10:00:00+02:00' }],
  ])('no warning exactly at the limit: %j', (fields) => {
    expect(compute(fields).warnings).toEqual([]);
  });
});

describe('settings', () => {
  it('documents every setting and has the defaults of LEGAL-RULES.md', () => {
    expect(Object.keys(DEADLINE_SETTING_INFO).sort()).toEqual(Object.keys(DEFAULT_DEADLINE_SETTINGS).sort());
    expect(DEFAULT_DEADLINE_SETTINGS).toEqual({
      summonsTermDays: 10,
      politierechterSummonsTermDays: 3,
      politierechterModalities: ['supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler'],
      applyAtwToSummonsTerm: true,
      snelrechtMaxAfterArrest: { days: 17, hours: 0 },
      supersnelrechtTargetHours: 72,
      snelrechtNdTargetMinDays: 14,
      snelrechtNdTargetMaxDays: 28,
      judgmentToOmDays: 14,
      toCjibDays: 14,
    });
  });

  it.each([
    [{ summonsTermDays: 0 }, 'summonsTermDays'],
    [{ snelrechtNdTargetMinDays: 30 }, 'snelrechtNdTargetMinDays'],
    [{ snelrechtMaxAfterArrest: { days: 17, hours: 24 } }, 'snelrechtMaxAfterArrest.hours'],
  ])('refuses %j, naming the setting', (partial, name) => {
    expect(() => resolveDeadlineSettings(partial)).toThrow(name);
    expect(() => computeDeadlines({ id: 'X', modality: 'zsm' }, partial)).toThrow(RangeError);
  });

  it('merges a partial over the defaults', () => {
    expect(resolveDeadlineSettings({ toCjibDays: 7 })).toEqual({ ...DEFAULT_DEADLINE_SETTINGS, toCjibDays: 7 });
    expect(deadlineSettingsSchema.parse({})).toEqual(DEFAULT_DEADLINE_SETTINGS);
  });
});
