import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../server/services/demo/seeded-random';
import { createIncrementalPlanner, planHearings } from '../../../shared/planner/plan-hearings';
import type { PlanningCase, PlanningProblem } from '../../../shared/planner/planning-problem';
import { sixWeekWindow, smallRandomInstance, solveWithHighs } from '../../support/planner-instances';

/** Random additions and removals; after every step the plan must equal a plan made from scratch. */
function replay(problem: PlanningProblem, options: Parameters<typeof planHearings>[1], seed: number, steps: number, onStep?: (current: PlanningProblem) => void) {
  const random = createSeededRandom(seed);
  const present: PlanningCase[] = problem.cases.filter(() => random.chance(0.7));
  const waiting: PlanningCase[] = problem.cases.filter((c) => !present.includes(c));
  const planner = createIncrementalPlanner({ sessions: problem.sessions, cases: present }, options);
  for (let step = 0; step < steps; step++) {
    if (waiting.length > 0 && (present.length === 0 || random.chance(0.5))) {
      const c = waiting.splice(random.int(0, waiting.length - 1), 1)[0]!;
      present.push(c);
      planner.addCase(c);
    } else if (present.length > 0) {
      const c = present.splice(random.int(0, present.length - 1), 1)[0]!;
      waiting.push(c);
      planner.removeCase(c.id);
    }
    const current = { sessions: problem.sessions, cases: present };
    const fresh = planHearings(current, options);
    expect(planner.objective(), `seed ${seed} step ${step}`).toBe(fresh.objective);
    const result = planner.result();
    expect(result.objective).toBe(fresh.objective);
    for (const p of result.placements) expect(planner.sessionOf(p.caseId)).toBe(p.sessionId);
    for (const i of result.infeasible) expect(planner.sessionOf(i.caseId)).toBeNull();
    onStep?.(current);
  }
}

describe('createIncrementalPlanner: one case added or removed, replanned without starting over', () => {
  it('stays equal to planning from scratch through random additions and removals (pinned cases too)', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const { problem, options } = smallRandomInstance(seed);
      replay(problem, options, seed, 8);
    }
  });

  it('stays at the HiGHS optimum on a demo-like six-week window', async () => {
    const problems: PlanningProblem[] = [];
    replay(sixWeekWindow(700, 21), {}, 21, 40, (current) => {
      if (problems.length < 5) problems.push({ sessions: current.sessions, cases: [...current.cases] });
    });
    for (const problem of problems) expect(Math.round((await solveWithHighs(problem)).objective)).toBe(planHearings(problem).objective);
  });

  it('reports which cases changed session', () => {
    const { problem } = smallRandomInstance(3);
    const planner = createIncrementalPlanner({ sessions: problem.sessions, cases: [] });
    expect(planner.takeChanged()).toEqual([]);
    const first = problem.cases[0]!;
    planner.addCase(first);
    const changed = planner.takeChanged();
    if (planner.sessionOf(first.id) !== null) expect(changed).toContain(first.id);
    planner.removeCase(first.id);
    expect(planner.takeChanged()).toContain(first.id);
    expect(() => planner.removeCase(first.id)).toThrow(/staat niet in de planning/);
  });

  it('refuses a case twice', () => {
    const { problem } = smallRandomInstance(4);
    const planner = createIncrementalPlanner(problem);
    expect(() => planner.addCase(problem.cases[0]!)).toThrow(/staat al in de planning/);
  });
});
