import { feasibleRuns, usableCurrentSession, type PlanningNetwork } from './build-network';
import { timeCost } from './costs';
import type { CostWeights, PlanningCase } from './planning-problem';

/**
 * A case in the flow and the arcs the solver holds for it. Per class, the feasible sessions are
 * the run [from, to) of the class's members; the solver holds arcs for the prefix [from, end),
 * plus the announced session wherever it lies. Everything after `end` is the pricing step's job.
 */
export interface FlowCase {
  readonly c: PlanningCase;
  /** [class, from, end, to] quadruples. */
  readonly runs: number[];
  /** Session index of the announced hearing when it is feasible and usable, else -1. */
  readonly current: number;
  /** Move cost on every session other than the announced one. */
  readonly move: number;
}

export interface ArcList {
  sessions: number[];
  costs: number[];
}

/** The case with the first `perClass` feasible sessions of every class, and the announced one. */
export function initialCandidates(network: PlanningNetwork, c: PlanningCase, weights: CostWeights, perClass: number): { flowCase: FlowCase; arcs: ArcList } {
  const feasible = feasibleRuns(network, c);
  const current = usableCurrentSession(network, c);
  const move = c.currentSessionId === undefined ? 0 : weights.moveCost;
  const runs: number[] = [];
  const arcs: ArcList = { sessions: [], costs: [] };
  for (let r = 0; r < feasible.length; r += 3) {
    const cls = feasible[r]!;
    const from = feasible[r + 1]!;
    const to = feasible[r + 2]!;
    const end = Math.min(to, from + perClass);
    runs.push(cls, from, end, to);
    pushArcs(network, c, weights, move, current, false, cls, from, end, arcs);
  }
  if (current >= 0 && !holds(network, runs, current)) {
    arcs.sessions.push(current);
    arcs.costs.push(timeCost(c, network.sessions[current]!.start, weights));
  }
  return { flowCase: { c, runs, current, move }, arcs };
}

/** Extends run `r` (index of its quadruple) to hold positions up to `newEnd`; returns the new arcs. */
export function extendRun(network: PlanningNetwork, flowCase: FlowCase, weights: CostWeights, r: number, newEnd: number): ArcList {
  const runs = flowCase.runs;
  const cls = runs[r]!;
  const end = runs[r + 2]!;
  const arcs: ArcList = { sessions: [], costs: [] };
  // Beyond the old end, the announced session is already held as an extra arc.
  pushArcs(network, flowCase.c, weights, flowCase.move, flowCase.current, true, cls, end, newEnd, arcs);
  runs[r + 2] = newEnd;
  return arcs;
}

function pushArcs(
  network: PlanningNetwork,
  c: PlanningCase,
  weights: CostWeights,
  move: number,
  current: number,
  skipCurrent: boolean,
  cls: number,
  from: number,
  end: number,
  arcs: ArcList,
): void {
  const { members, starts } = network.classes[cls]!;
  for (let p = from; p < end; p++) {
    const j = members[p]!;
    if (j === current) {
      if (skipCurrent) continue;
      arcs.sessions.push(j);
      arcs.costs.push(timeCost(c, starts[p]!, weights));
    } else {
      arcs.sessions.push(j);
      arcs.costs.push(timeCost(c, starts[p]!, weights) + move);
    }
  }
}

/** Whether the held prefixes already contain session `j`. */
function holds(network: PlanningNetwork, runs: readonly number[], j: number): boolean {
  const cls = network.classOfSession[j]!;
  const position = network.positionInClass[j]!;
  for (let r = 0; r < runs.length; r += 4) {
    if (runs[r] === cls) return position >= runs[r + 1]! && position < runs[r + 2]!;
  }
  return false;
}
