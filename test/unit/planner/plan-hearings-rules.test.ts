import { describe, expect, it } from 'vitest';
import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import type { HeardModality } from '../../../shared/domain/modality';
import { planHearings } from '../../../shared/planner/plan-hearings';
import type { PlanOptions, PlanResult, PlanningCase, PlanningSession } from '../../../shared/planner/planning-problem';

const at = (date: string, hour: number, minute = 0) => fromAmsterdamLocal(date, hour, minute);
const MON = '2026-04-13';
const TUE = '2026-04-14';
const WED = '2026-04-15';
const THU = '2026-04-16';
const ALL: HeardModality[] = ['supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler'];

function session(id: number, date: string, hour: number, capacity: number, accepts: HeardModality[] = ALL): PlanningSession {
  return { id, start: at(date, hour), date, capacity, accepts };
}

function kase(id: number, modality: HeardModality, earliest: number, latest: number | null, extra: Partial<PlanningCase> = {}): PlanningCase {
  return { id, modality, earliest, latest, targetBy: null, detained: modality === 'supersnelrecht' || modality === 'snelrecht', ...extra };
}

/** case id -> session id, 'infeasible' or 'unplanned'. */
function outcome(result: PlanResult): Record<number, number | 'infeasible' | 'unplanned'> {
  const out: Record<number, number | 'infeasible' | 'unplanned'> = {};
  for (const p of result.placements) out[p.caseId] = p.sessionId;
  for (const i of result.infeasible) out[i.caseId] = 'infeasible';
  for (const id of result.unplanned) out[id] = 'unplanned';
  return out;
}

const SSR_LIMIT = at(TUE, 18); // di 14 apr 18:00

describe('planHearings: the hard rules and the preferences, one at a time', () => {
  it.each<[string, PlanningSession[], PlanningCase[], PlanOptions, Record<number, number | 'infeasible' | 'unplanned'>]>([
    [
      'a session that does not accept the modality is never used',
      [session(1, MON, 9, 3, ['snelrecht_nd', 'filler']), session(2, TUE, 9, 3, ['supersnelrecht'])],
      [kase(10, 'supersnelrecht', at(MON, 0), SSR_LIMIT)],
      {},
      { 10: 2 },
    ],
    [
      'not before the earliest moment (summons term, readiness)',
      [session(1, MON, 9, 3), session(2, TUE, 9, 3)],
      [kase(10, 'snelrecht_nd', at(MON, 12), null)],
      {},
      { 10: 2 },
    ],
    [
      'a session starting exactly at the earliest moment is allowed',
      [session(1, MON, 9, 3), session(2, TUE, 9, 3)],
      [kase(10, 'snelrecht_nd', at(MON, 9), null)],
      {},
      { 10: 1 },
    ],
    [
      'a session starting exactly at the hard limit is allowed',
      [session(1, TUE, 18, 1)],
      [kase(10, 'supersnelrecht', at(MON, 0), SSR_LIMIT)],
      {},
      { 10: 1 },
    ],
    [
      'a session one minute after the hard limit is not: the case is infeasible, never late',
      [session(1, TUE, 18, 1), session(2, WED, 9, 5)],
      [kase(10, 'supersnelrecht', at(MON, 0), SSR_LIMIT - 60_000)],
      {},
      { 10: 'infeasible' },
    ],
    [
      'capacity: the third case goes to the next session',
      [session(1, MON, 9, 2), session(2, TUE, 9, 2)],
      [kase(10, 'supersnelrecht', at(MON, 0), SSR_LIMIT), kase(11, 'supersnelrecht', at(MON, 0), SSR_LIMIT), kase(12, 'supersnelrecht', at(MON, 0), SSR_LIMIT)],
      {},
      { 10: 1, 11: 1, 12: 2 },
    ],
    [
      'the detained case gets the earlier slot (its delay costs more per hour)',
      [session(1, MON, 9, 1), session(2, TUE, 9, 1)],
      [kase(10, 'filler', at(MON, 0), null), kase(11, 'snelrecht', at(MON, 0), null)],
      {},
      { 10: 2, 11: 1 },
    ],
    [
      'a case with a hard limit wins the only slot from a case without one',
      [session(1, MON, 9, 1)],
      [kase(10, 'filler', at(MON, 0), null), kase(11, 'supersnelrecht', at(MON, 0), SSR_LIMIT)],
      {},
      { 10: 'unplanned', 11: 1 },
    ],
    [
      'a pinned case stays on its session, even one that breaks the rules, and uses its capacity',
      [session(1, MON, 9, 1, ['snelrecht_nd']), session(2, TUE, 9, 1)],
      [kase(10, 'supersnelrecht', at(MON, 0), SSR_LIMIT, { pinnedSessionId: 1 }), kase(11, 'snelrecht_nd', at(MON, 0), null)],
      {},
      { 10: 1, 11: 2 },
    ],
    [
      'pinned cases beyond the capacity stay; nothing else is added',
      [session(1, MON, 9, 1), session(2, TUE, 9, 1)],
      [kase(10, 'filler', at(MON, 0), null, { pinnedSessionId: 1 }), kase(11, 'filler', at(MON, 0), null, { pinnedSessionId: 1 }), kase(12, 'filler', at(MON, 0), null)],
      {},
      { 10: 1, 11: 1, 12: 2 },
    ],
    [
      'a reserve for urgent arrivals is held back on every session',
      [session(1, MON, 9, 1), session(2, TUE, 9, 2)],
      [kase(10, 'snelrecht', at(MON, 0), null)],
      { reservePerSession: 1 },
      { 10: 2 },
    ],
    [
      'a reserve per session overrides the general one',
      [session(1, MON, 9, 1), session(2, TUE, 9, 2)],
      [kase(10, 'snelrecht', at(MON, 0), null), kase(11, 'snelrecht', at(MON, 0), null)],
      { reservePerSession: 1, reserveBySession: { 1: 0 } },
      { 10: 1, 11: 2 },
    ],
    [
      'an announced hearing stays when moving it earlier saves less than the move cost',
      [session(1, MON, 9, 1), session(2, TUE, 9, 1)],
      [kase(10, 'snelrecht', at(MON, 0), null, { currentSessionId: 2 })],
      {},
      { 10: 2 },
    ],
    [
      'an announced hearing moves when the move cost is low enough',
      [session(1, MON, 9, 1), session(2, TUE, 9, 1)],
      [kase(10, 'snelrecht', at(MON, 0), null, { currentSessionId: 2 })],
      { weights: { moveCost: 50 } },
      { 10: 1 },
    ],
    [
      'a soft target: the session before the target is preferred over the one after',
      [session(1, MON, 9, 1, ['filler']), session(2, THU, 9, 1, ['snelrecht_nd'])],
      [kase(10, 'snelrecht_nd', at(MON, 0), null, { targetBy: at(WED, 23) })],
      {},
      { 10: 2 },
    ],
    [
      'a case without a hard limit that does not fit is unplanned, not infeasible',
      [session(1, MON, 9, 1)],
      [kase(10, 'filler', at(MON, 0), null), kase(11, 'filler', at(MON, 1), null)],
      {},
      { 10: 1, 11: 'unplanned' },
    ],
  ])('%s', (_, sessions, cases, options, expected) => {
    const result = planHearings({ sessions, cases }, options);
    expect(outcome(result)).toEqual(expected);
  });
});

describe('planHearings: explanations, infeasibility, moves and co-defendants', () => {
  it('explains a placement in Dutch, as in the issue', () => {
    const result = planHearings({
      sessions: [session(1, MON, 9, 1, ['supersnelrecht']), session(2, TUE, 9, 1, ['supersnelrecht'])],
      cases: [kase(10, 'supersnelrecht', at(MON, 0), SSR_LIMIT, { pinnedSessionId: 1 }), kase(11, 'supersnelrecht', at(MON, 0), SSR_LIMIT)],
    });
    expect(result.placements.find((p) => p.caseId === 11)?.explanation).toBe(
      'vroegste zitting die supersnelrecht accepteert vóór de termijn van di 14 apr 18:00; zitting 13 apr was vol',
    );
    expect(result.placements.find((p) => p.caseId === 10)?.explanation).toBe('vastgezet op zitting 13 apr');
  });

  it.each([
    [
      'no accepting session before the limit',
      [session(1, MON, 9, 5, ['snelrecht_nd']), session(2, WED, 9, 5, ['supersnelrecht'])],
      [],
      'geen zitting die supersnelrecht accepteert tussen ma 13 apr 00:00 en de termijn van di 14 apr 18:00',
    ],
    [
      'all accepting sessions before the limit are full',
      [session(1, MON, 9, 1, ['supersnelrecht']), session(2, TUE, 9, 1, ['supersnelrecht'])],
      [kase(20, 'supersnelrecht', at(MON, 0), SSR_LIMIT), kase(21, 'supersnelrecht', at(MON, 0), SSR_LIMIT)],
      'alle 2 zittingen die supersnelrecht accepteren vóór de termijn van di 14 apr 18:00 zijn vol: 13 apr en 14 apr',
    ],
  ])('lists an infeasible case with the reason (%s) and the options', (_, sessions, others, reason) => {
    const result = planHearings({ sessions, cases: [...others, kase(10, 'supersnelrecht', at(MON, 0), SSR_LIMIT)] });
    const listed = result.infeasible.find((i) => i.caseId === 10 || i.caseId === 21);
    expect(listed?.reason).toBe(reason);
    expect(listed?.options).toEqual(['ander zittingstype', 'extra zitting vóór di 14 apr 18:00', 'invrijheidstelling en niet-gedetineerde route']);
    expect(result.infeasible).toHaveLength(1);
  });

  it('offers releasing the reserve when the reserve is what is in the way', () => {
    const result = planHearings({ sessions: [session(1, MON, 9, 1, ['supersnelrecht'])], cases: [kase(10, 'supersnelrecht', at(MON, 0), SSR_LIMIT)] }, { reservePerSession: 1 });
    expect(result.infeasible[0]?.reason).toContain('(reserve voor spoedzaken aangehouden)');
    expect(result.infeasible[0]?.options).toContain('reservecapaciteit voor spoedzaken vrijgeven');
  });

  it('counts the moves of announced hearings and says so in the explanation', () => {
    const sessions = [session(1, MON, 9, 1), session(2, TUE, 9, 1, ['filler'])];
    const result = planHearings({ sessions, cases: [kase(10, 'snelrecht', at(MON, 0), null, { currentSessionId: 2 })] });
    expect(result.moves).toBe(1);
    expect(result.placements[0]?.sessionId).toBe(1);
    expect(result.placements[0]?.explanation).toContain('verplaatst van de aangekondigde zitting 14 apr, die niet meer binnen de regels past');
    const kept = planHearings({ sessions, cases: [kase(10, 'filler', at(MON, 0), null, { currentSessionId: 2 })] });
    expect(kept.moves).toBe(0);
    expect(kept.placements[0]?.explanation).toMatch(/^aangekondigde zitting behouden/);
  });

  it('keeps co-defendants together when that costs nothing', () => {
    // Three identical cases for one slot on Monday and two on Tuesday: every split is optimal; the
    // co-defendants must end together on Tuesday and the third case on Monday.
    const cases = [
      kase(10, 'snelrecht', at(MON, 0), null),
      kase(11, 'snelrecht', at(MON, 0), null, { group: 'A' }),
      kase(12, 'snelrecht', at(MON, 0), null, { group: 'A' }),
    ];
    for (const order of [cases, [...cases].reverse(), [cases[1]!, cases[0]!, cases[2]!]]) {
      const result = planHearings({ sessions: [session(1, MON, 9, 1), session(2, TUE, 9, 2)], cases: order });
      expect(outcome(result)).toEqual({ 10: 1, 11: 2, 12: 2 });
      expect(result.splitGroups).toEqual([]);
      expect(result.placements.find((p) => p.caseId === 11)?.explanation).toContain('samen met de medeverdachten');
      const free = planHearings({ sessions: [session(1, MON, 9, 1), session(2, TUE, 9, 2)], cases: order }, { keepCoDefendantsTogether: false });
      expect(free.objective).toBe(result.objective);
    }
  });

  it('moves an unrelated case along a chain of sessions to make room, without changing the objective', () => {
    const sessions = [session(1, MON, 9, 1), session(2, TUE, 9, 1), session(3, WED, 9, 1)];
    const cases = [
      kase(10, 'snelrecht', at(MON, 0), null, { group: 'A' }),
      kase(11, 'snelrecht', at(MON, 0), null, { group: 'A' }),
      kase(12, 'snelrecht', at(MON, 0), null),
    ];
    // Sessions hold one case each: no room for both, so the group stays split, at the optimum.
    const result = planHearings({ sessions, cases });
    expect(result.splitGroups).toEqual(['A']);
    expect(result.placements.find((p) => p.caseId === 10)?.explanation).toContain('medeverdachten op een andere zitting');
    expect(result.objective).toBe(planHearings({ sessions, cases }, { keepCoDefendantsTogether: false }).objective);
  });

  it('splits co-defendants rather than hear one of them later than needed', () => {
    const result = planHearings({
      sessions: [session(1, MON, 9, 1), session(2, TUE, 9, 5)],
      cases: [kase(10, 'snelrecht', at(MON, 0), null, { group: 'A' }), kase(11, 'snelrecht', at(MON, 0), null, { group: 'A' })],
    });
    expect(result.splitGroups).toEqual(['A']);
    expect(outcome(result)).toEqual({ 10: 1, 11: 2 });
  });

  it('reports the objective as the sum of placement cost minus reward (pinned included)', () => {
    const result = planHearings({
      sessions: [session(1, MON, 9, 1), session(2, TUE, 9, 1)],
      cases: [kase(10, 'filler', at(MON, 9), null, { pinnedSessionId: 1 }), kase(11, 'snelrecht', at(MON, 9), null)],
    });
    // The horizon ends a day after the last session: Wednesday 09:00, 48 hours after both earliest
    // moments. Reward = 100,000 + the delay cost up to then + 1 per hour of age up to then.
    // Case 10 (pinned, filler, 1 per hour): cost 0, reward 100,000 + 48 + 48.
    // Case 11 (detained, 4 per hour): Tuesday costs 24 x 4 = 96, reward 100,000 + 192 + 48.
    expect(result.objective).toBe(0 - 100_096 + 96 - 100_240);
    expect(result.stats).toMatchObject({ cases: 2, sessions: 2, feasibleArcs: 2, candidateArcs: 2 });
  });
});
