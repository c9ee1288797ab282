import { countFeasibleArcs } from './build-network';
import { groupMembers, isWithCoDefendants, splitGroups } from './co-defendants';
import { DutchTimeFormatter } from './dutch-time';
import { explainPlacement, type CoDefendantState, type PlanView } from './explanations';
import type { HearingSolver } from './hearing-solver';
import { explainInfeasible } from './infeasibility';
import type { InfeasibleCase, PlanOptions, PlanResult, PlanningCase, Placement } from './planning-problem';

/** Turns the solved flow into the planner's answer: placements with explanations, infeasible and unplanned cases. */
export function assembleResult(solver: HearingSolver, options: PlanOptions, cases: Iterable<PlanningCase>): PlanResult {
  const { network, flow } = solver;
  const used = new Int32Array(network.sessions.length);
  for (let j = 0; j < used.length; j++) used[j] = flow.casesAt(j).length;
  for (const { session } of solver.pinned.values()) used[session]! += 1;
  const view: PlanView = { network, used: (j) => used[j]!, time: new DutchTimeFormatter() };
  const explain = options.explain !== false;
  const groups = groupMembers(solver);

  const placements: Placement[] = [];
  const infeasible: InfeasibleCase[] = [];
  const unplanned: number[] = [];
  const all: PlanningCase[] = [];
  let moves = 0;
  for (const c of cases) {
    all.push(c);
    const j = solver.sessionIndexOf(c.id) ?? -1;
    const sessionId = j >= 0 ? network.sessions[j]!.id : undefined;
    if (c.currentSessionId !== undefined && sessionId !== c.currentSessionId) moves += 1;
    if (sessionId !== undefined) {
      const members = c.group === undefined ? undefined : groups.get(c.group);
      const state: CoDefendantState = members === undefined ? 'none' : isWithCoDefendants(solver, c, members) ? 'together' : 'apart';
      placements.push({ caseId: c.id, sessionId, explanation: explain ? explainPlacement(view, c, j, state) : '' });
    } else if (c.latest !== null) {
      infeasible.push(explainInfeasible(view, c));
    } else {
      unplanned.push(c.id);
    }
  }
  return {
    placements,
    infeasible,
    unplanned,
    objective: solver.objective(),
    moves,
    splitGroups: splitGroups(solver),
    stats: {
      cases: all.length,
      sessions: network.sessions.length,
      feasibleArcs: countFeasibleArcs(network, all),
      candidateArcs: solver.heldArcs(),
      pricingRounds: solver.pricingRounds,
    },
  };
}
