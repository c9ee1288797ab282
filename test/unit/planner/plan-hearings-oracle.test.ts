import { describe, expect, it } from 'vitest';
import { isFeasible, resolveCostModel } from '../../../shared/planner/costs';
import { planHearings } from '../../../shared/planner/plan-hearings';
import type { PlanOptions, PlanResult, PlanningProblem } from '../../../shared/planner/planning-problem';
import { districtYear, sixWeekWindow, smallRandomInstance, solveWithHighs } from '../../support/planner-instances';

/** Everything a plan must satisfy, checked from the input alone. */
function checkPlan(problem: PlanningProblem, options: PlanOptions, result: PlanResult, label: string): void {
  const sessions = new Map(problem.sessions.map((s) => [s.id, s]));
  const seen = new Map<number, string>();
  for (const p of result.placements) seen.set(p.caseId, 'placed');
  for (const i of result.infeasible) seen.set(i.caseId, 'infeasible');
  for (const id of result.unplanned) seen.set(id, 'unplanned');
  expect(seen.size, `${label}: every case exactly once`).toBe(problem.cases.length);
  expect(result.placements.length + result.infeasible.length + result.unplanned.length, label).toBe(problem.cases.length);

  const model = resolveCostModel(problem, options);
  const cases = new Map(problem.cases.map((c) => [c.id, c]));
  const planned = new Map<number, number>();
  const pinned = new Map<number, number>();
  let objective = 0;
  for (const p of result.placements) {
    const c = cases.get(p.caseId)!;
    const s = sessions.get(p.sessionId)!;
    expect(p.explanation.length, label).toBeGreaterThan(0);
    objective += model.cost(c, s) - model.reward(c);
    if (c.pinnedSessionId !== undefined) {
      expect(p.sessionId, `${label}: pinned case ${c.id}`).toBe(c.pinnedSessionId);
      pinned.set(s.id, (pinned.get(s.id) ?? 0) + 1);
      continue;
    }
    expect(isFeasible(c, s), `${label}: case ${c.id} on session ${s.id} breaks a hard rule`).toBe(true);
    if (c.detained && c.latest !== null) expect(s.start, `${label}: detained case ${c.id} after its limit`).toBeLessThanOrEqual(c.latest);
    planned.set(s.id, (planned.get(s.id) ?? 0) + 1);
  }
  for (const [id, n] of planned) {
    const s = sessions.get(id)!;
    const reserve = options.reserveBySession?.[id] ?? options.reservePerSession ?? 0;
    expect(n, `${label}: session ${id} over capacity`).toBeLessThanOrEqual(Math.max(0, s.capacity - reserve - (pinned.get(id) ?? 0)));
  }
  for (const i of result.infeasible) {
    expect(cases.get(i.caseId)!.latest, label).not.toBeNull();
    expect(i.reason.length, label).toBeGreaterThan(0);
    expect(i.options, label).toContain('ander zittingstype');
  }
  for (const id of result.unplanned) expect(cases.get(id)!.latest, label).toBeNull();
  expect(result.objective, `${label}: objective = sum of placement cost - reward`).toBe(objective);
}

describe('planHearings against the HiGHS LP optimum (test oracle only)', () => {
  it('equals the LP optimum exactly on 400 small seeded random instances, and every plan keeps the rules', async () => {
    let withPricing = 0;
    let withGroupsApart = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { problem, options } = smallRandomInstance(seed);
      const result = planHearings(problem, options);
      const highs = await solveWithHighs(problem, options);
      // Integer costs: the optimum is an integer; HiGHS reports it in floating point.
      expect(Math.abs(highs.objective - result.objective), `seed ${seed}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(result.objective)));
      expect(Math.round(highs.objective), `seed ${seed}`).toBe(result.objective);
      expect(highs.fractional, `seed ${seed}: the LP's optimal vertex is integral`).toBeLessThan(1e-9);
      checkPlan(problem, options, result, `seed ${seed}`);
      if (result.stats.pricingRounds > 0) withPricing += 1;
      if (result.splitGroups.length > 0) withGroupsApart += 1;
    }
    // The instances do reach the pricing step and the co-defendant pass.
    expect(withPricing).toBeGreaterThan(5);
    expect(withGroupsApart).toBeGreaterThan(5);
  }, 60_000); // 400 LP solves: CPU work, slow only on a busy machine

  it('gives the same optimum for any candidate count (the pricing step proves the pruning safe)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { problem, options } = smallRandomInstance(seed);
      const objectives = [1, 2, 8, 1000].map((k) => planHearings(problem, { ...options, candidatesPerClass: k }).objective);
      expect(new Set(objectives).size, `seed ${seed}`).toBe(1);
    }
  });

  it.each([
    ['a six-week window (2,800 cases a year)', () => sixWeekWindow(2800, 11)],
    ['a six-week window (7,000 cases a year)', () => sixWeekWindow(7000, 12)],
    ['a district-year of about 700 cases', () => districtYear(700, 13)],
  ])('equals the LP optimum on a demo-like instance: %s', async (_, make) => {
    const problem = make();
    const result = planHearings(problem);
    const highs = await solveWithHighs(problem);
    expect(Math.round(highs.objective)).toBe(result.objective);
    checkPlan(problem, {}, result, 'demo');
    expect(result.stats.candidateArcs).toBeLessThan(result.stats.feasibleArcs);
  });

  it('lists detained cases without a lawful session as infeasible on a full district-year, never late', () => {
    const problem = districtYear(2800, 14);
    const result = planHearings(problem);
    checkPlan(problem, {}, result, 'year');
    expect(result.infeasible.length).toBeGreaterThan(0);
    for (const i of result.infeasible) expect(i.reason).toMatch(/zijn vol|is vol|geen zitting|ligt na de termijn/);
  });
});
