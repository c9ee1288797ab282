import { assembleResult } from './assemble-result';
import { keepCoDefendantsTogether } from './co-defendants';
import { HearingSolver } from './hearing-solver';
import type { PlanOptions, PlanResult, PlanningCase, PlanningProblem } from './planning-problem';

/**
 * Plans hearings: an exact min-cost flow over case -> session arcs (docs/planner.md). Pure and
 * synchronous; run it in a worker. Input is trusted here: validate untrusted input first with
 * `parsePlanningProblem` and `parsePlanOptions`.
 */
export function planHearings(problem: PlanningProblem, options: PlanOptions = {}): PlanResult {
  const solver = new HearingSolver(problem, options);
  if (options.keepCoDefendantsTogether !== false) keepCoDefendantsTogether(solver);
  return assembleResult(solver, options, problem.cases);
}

/** A plan kept optimal while cases arrive and leave, without planning from scratch. */
export interface IncrementalPlanner {
  addCase(c: PlanningCase): void;
  removeCase(caseId: number): void;
  /** The session id of the case (pinned or planned), or null when it has none. */
  sessionOf(caseId: number): number | null;
  objective(): number;
  /** Case ids whose session changed since the last call. */
  takeChanged(): number[];
  /** The full answer, as `planHearings` gives it (explanations included). */
  result(): PlanResult;
}

/**
 * An added case costs one shortest-path search, a removed one a search from the slot it frees;
 * both end where the change stops spreading. The rewards are fixed when the planner is created.
 */
export function createIncrementalPlanner(problem: PlanningProblem, options: PlanOptions = {}): IncrementalPlanner {
  const solver = new HearingSolver(problem, options);
  const together = options.keepCoDefendantsTogether !== false;
  if (together) keepCoDefendantsTogether(solver);
  solver.flow.takeChanged();
  const changedIds = new Set<number>();

  const settle = (extraGroup: string | undefined) => {
    const changed = solver.flow.takeChanged();
    const groups = new Set<string>();
    if (extraGroup !== undefined) groups.add(extraGroup);
    for (const i of changed) {
      const c = solver.flowCases[i]!.c;
      if (c.group !== undefined) groups.add(c.group);
    }
    if (together && groups.size > 0) {
      keepCoDefendantsTogether(solver, groups);
      changed.push(...solver.flow.takeChanged());
    }
    for (const i of changed) changedIds.add(solver.flowCases[i]!.c.id);
  };

  return {
    addCase(c) {
      solver.addCase(c);
      if (c.pinnedSessionId !== undefined) changedIds.add(c.id);
      settle(c.group);
    },
    removeCase(caseId) {
      const group = solver.caseOf(caseId)?.group;
      solver.removeCase(caseId);
      changedIds.add(caseId);
      settle(group);
    },
    sessionOf(caseId) {
      const j = solver.sessionIndexOf(caseId);
      return j === undefined || j < 0 ? null : solver.network.sessions[j]!.id;
    },
    objective: () => solver.objective(),
    takeChanged() {
      const ids = [...changedIds];
      changedIds.clear();
      return ids;
    },
    result: () => assembleResult(solver, options, solver.allCases()),
  };
}
