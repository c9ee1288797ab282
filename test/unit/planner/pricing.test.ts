import { describe, expect, it } from 'vitest';
import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { HearingSolver } from '../../../shared/planner/hearing-solver';
import { planHearings } from '../../../shared/planner/plan-hearings';
import type { PlanningCase, PlanningSession } from '../../../shared/planner/planning-problem';

const at = (date: string, hour: number) => fromAmsterdamLocal(date, hour);
const sessions: PlanningSession[] = ['2026-04-13', '2026-04-14', '2026-04-15'].map((date, k) => ({
  id: k + 1,
  start: at(date, 9),
  date,
  capacity: 1,
  accepts: ['snelrecht'],
}));
const cases: PlanningCase[] = [10, 11, 12].map((id) => ({ id, modality: 'snelrecht', earliest: at('2026-04-13', 0), latest: null, targetBy: null, detained: true }));

describe('candidate pruning with pricing', () => {
  it('holds only the first candidates per class, then adds the arcs the dual asks for', () => {
    const solver = new HearingSolver({ sessions, cases }, { candidatesPerClass: 1 });
    // Each case starts with one arc (Monday); pricing must add Tuesday and Wednesday for two of them.
    expect(solver.pricingRounds).toBeGreaterThan(0);
    expect(solver.heldArcs()).toBeGreaterThan(3);
    expect(solver.heldArcs()).toBeLessThanOrEqual(9);
    const result = planHearings({ sessions, cases }, { candidatesPerClass: 1 });
    expect(result.unplanned).toEqual([]);
    expect(result.placements.map((p) => p.sessionId).sort()).toEqual([1, 2, 3]);
    expect(result.objective).toBe(planHearings({ sessions, cases }, { candidatesPerClass: 10 }).objective);
  });

  it('holds the announced session even when it lies beyond the candidates', () => {
    const announced = { ...cases[0]!, currentSessionId: 3 };
    const solver = new HearingSolver({ sessions, cases: [announced] }, { candidatesPerClass: 1 });
    expect(solver.sessionIndexOf(10)).toBe(2);
    expect(solver.heldArcs()).toBe(2);
  });
});
