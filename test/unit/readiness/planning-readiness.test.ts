import { describe, expect, it } from 'vitest';
import {
  needsSummonsService,
  parseReadinessGap,
  preconditionGaps,
  READINESS_GAPS,
  readinessGaps,
  readyFrom,
  suggestedPreconditions,
  type PreconditionFacts,
  type ReadinessFacts,
} from '../../../shared/domain/planning-readiness';

const pending = (kind: PreconditionFacts['kind'], expectedOn: string | null): PreconditionFacts => ({ kind, status: 'pending', expectedOn });
const done = (kind: PreconditionFacts['kind'], status: 'met' | 'not_needed' = 'met', expectedOn: string | null = null): PreconditionFacts => ({ kind, status, expectedOn });

describe('intake fact gaps', () => {
  const base: ReadinessFacts = { modality: 'snelrecht_nd', arrestedAt: null, summonsServedAt: '2026-04-14T08:00:00.000Z', shortTermConsent: false };
  it.each<[string, Partial<ReadinessFacts>, string[]]>([
    ['snelrecht_nd with summons served', {}, []],
    // Issue 11 item 3: no gap; the case is planned from the expected service and the summons served for its date.
    ['snelrecht_nd without summons (planned from the expected service, not a gap)', { summonsServedAt: null }, []],
    ['supersnelrecht without arrest or consent', { modality: 'supersnelrecht', summonsServedAt: null }, ['arrest_time', 'short_term_consent']],
    ['supersnelrecht complete', { modality: 'supersnelrecht', arrestedAt: '2026-04-14T08:00:00.000Z', shortTermConsent: true, summonsServedAt: null }, []],
    ['detained snelrecht without arrest', { modality: 'snelrecht' }, ['arrest_time']],
    ['zsm needs no summons', { modality: 'zsm', summonsServedAt: null }, []],
  ])('%s', (_name, change, expected) => {
    expect(readinessGaps({ ...base, ...change })).toEqual(expected);
  });
});

describe('precondition gaps', () => {
  it.each<[string, PreconditionFacts[], string | null, string[]]>([
    ['none', [], '2026-04-14', []],
    ['pending without a date', [pending('advice_nifp', null)], '2026-04-14', ['precondition_no_date:advice_nifp']],
    ['pending with a future date', [pending('dossier', '2026-04-20')], '2026-04-14', []],
    ['pending due today is not overdue', [pending('dossier', '2026-04-14')], '2026-04-14', []],
    ['pending with a past date is overdue', [pending('dossier', '2026-04-13')], '2026-04-14', ['precondition_overdue:dossier']],
    ['without today, a past date is not judged', [pending('dossier', '2026-04-13')], null, []],
    ['met and not needed never block', [done('dossier'), done('advice_3ro', 'not_needed'), done('interpreter', 'met', '2026-01-01')], '2026-04-14', []],
    [
      'one gap per precondition, in the kinds order',
      [pending('victim_informed', null), pending('dossier', '2026-04-01'), pending('advice_nifp', null)],
      '2026-04-14',
      ['precondition_overdue:dossier', 'precondition_no_date:advice_nifp', 'precondition_no_date:victim_informed'],
    ],
  ])('%s', (_name, preconditions, today, expected) => {
    expect(preconditionGaps(preconditions, today)).toEqual(expected);
  });

  it('come after the fact gaps', () => {
    const facts: ReadinessFacts = { modality: 'snelrecht_nd', arrestedAt: null, summonsServedAt: null, shortTermConsent: false };
    expect(readinessGaps({ ...facts, modality: 'snelrecht', arrestedAt: null }, [pending('interpreter', null)], '2026-04-14')).toEqual(['arrest_time', 'precondition_no_date:interpreter']);
    // An unserved summons is no gap (issue 11 item 3): the case is planned and the summons served for its date.
    expect(readinessGaps(facts, [], '2026-04-14')).toEqual([]);
  });

  it('every gap code is listed and names what it is about', () => {
    expect(READINESS_GAPS).toContain('precondition_no_date:advice_shn');
    expect(new Set(READINESS_GAPS).size).toBe(READINESS_GAPS.length);
    expect(parseReadinessGap('precondition_overdue:advice_nfi')).toEqual({ type: 'precondition', problem: 'overdue', kind: 'advice_nfi' });
    expect(parseReadinessGap('arrest_time')).toEqual({ type: 'fact', gap: 'arrest_time' });
  });
});

describe('ready from', () => {
  it.each<[string, PreconditionFacts[], string | null]>([
    ['nothing pending', [done('dossier')], null],
    ['pending without a date gives no moment', [pending('dossier', null)], null],
    // 14 April 2026 is summer time: midnight Amsterdam is 22:00 UTC the day before.
    ['start of the day in summer time', [pending('dossier', '2026-04-14')], '2026-04-13T22:00:00.000Z'],
    ['start of the day in winter time', [pending('dossier', '2026-01-14')], '2026-01-13T23:00:00.000Z'],
    ['the latest pending date counts', [pending('dossier', '2026-04-14'), pending('advice_3ro', '2026-05-04'), pending('interpreter', null)], '2026-05-03T22:00:00.000Z'],
    ['a met item with a later date does not count', [pending('dossier', '2026-04-14'), done('advice_3ro', 'met', '2026-06-01')], '2026-04-13T22:00:00.000Z'],
  ])('%s', (_name, preconditions, expected) => {
    expect(readyFrom(preconditions)).toBe(expected);
  });
});

describe('suggested preconditions per modality', () => {
  it.each<[ReadinessFacts['modality'], string[]]>([
    ['supersnelrecht', ['dossier', 'lawyer_informed']],
    ['snelrecht', ['dossier', 'lawyer_informed', 'victim_informed']],
    ['filler', ['dossier']],
    ['zsm', []],
  ])('%s', (modality, expected) => {
    expect(suggestedPreconditions(modality, [])).toEqual(expected);
  });

  it('leaves out what the case already has', () => {
    expect(suggestedPreconditions('snelrecht', [{ kind: 'dossier' }])).toEqual(['lawyer_informed', 'victim_informed']);
  });
});

describe('a summons still to be served (issue 11 item 3)', () => {
  it('is needed by heard cases other than supersnelrecht until it is recorded as served', () => {
    expect(needsSummonsService({ modality: 'snelrecht_nd', summonsServedAt: null })).toBe(true);
    expect(needsSummonsService({ modality: 'filler', summonsServedAt: null })).toBe(true);
    expect(needsSummonsService({ modality: 'snelrecht_nd', summonsServedAt: '2026-04-14T08:00:00.000Z' })).toBe(false);
    expect(needsSummonsService({ modality: 'supersnelrecht', summonsServedAt: null })).toBe(false);
    expect(needsSummonsService({ modality: 'zsm', summonsServedAt: null })).toBe(false);
  });
});
