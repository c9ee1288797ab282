import type { PlanningNetwork } from './build-network';
import { extendRun, type ArcList, type FlowCase } from './candidates';
import { hourIndex, timeCost } from './costs';
import { INACTIVE, type CaseSessionFlow } from './min-cost-flow';
import type { CostWeights } from './planning-problem';

/**
 * Pricing (column generation) for the arcs the solver left out. The flow is optimal on the arcs it
 * holds, and its potentials are a feasible LP dual there. If every left-out arc also has a
 * reduced cost >= 0, the same potentials are a feasible dual of the full LP with the same
 * objective, so the flow is optimal for the full problem: that is the proof that pruning lost
 * nothing. Left-out arcs with a negative reduced cost are added and the flow is repaired; repeat.
 *
 * Cheap test first: a placement cost is at least slope * (session hour - earliest hour) + move
 * (the target penalty and the clamp at zero only add), so with a range minimum of
 * slope * hour - potential over the run's left-out sessions (a sparse table per class and slope)
 * one comparison bounds every reduced cost of the run. Only runs failing the bound are scanned.
 *
 * Returns the number of cases that got new arcs (0: the flow is proven optimal).
 */
export function priceOmittedArcs(
  network: PlanningNetwork,
  weights: CostWeights,
  flow: CaseSessionFlow,
  cases: readonly FlowCase[],
  perClass: number,
): number {
  flow.tightenCasePotentials();
  const slopes = [weights.detainedDelayPerHour, weights.freeDelayPerHour];
  const tables = slopes.map((slope) =>
    network.classes.map((cls) => new RangeMin(Float64Array.from(cls.members, (j, p) => slope * hourIndex(cls.starts[p]!) - flow.sessionPotentialOf(j)))),
  );
  const extensions = new Map<number, number[]>();
  for (let i = 0; i < cases.length; i++) {
    if (flow.placementOf(i) === INACTIVE) continue;
    const fc = cases[i]!;
    const pi = flow.casePotentialOf(i);
    const runs = fc.runs;
    const detained = fc.c.detained;
    const base = fc.move + pi - slopes[detained ? 0 : 1]! * hourIndex(fc.c.earliest);
    const table = tables[detained ? 0 : 1]!;
    for (let r = 0; r < runs.length; r += 4) {
      const cls = runs[r]!;
      const end = runs[r + 2]!;
      const to = runs[r + 3]!;
      if (end >= to) continue;
      if (base + table[cls]!.min(end, to - 1) >= 0) continue;
      const { members, starts } = network.classes[cls]!;
      let last = -1;
      for (let p = end; p < to; p++) {
        const j = members[p]!;
        if (j === fc.current) continue;
        if (timeCost(fc.c, starts[p]!, weights) + fc.move + pi - flow.sessionPotentialOf(j) < 0) last = p;
      }
      if (last < 0) continue;
      let list = extensions.get(i);
      if (!list) extensions.set(i, (list = []));
      list.push(r, Math.min(to, Math.max(last + 1, end + perClass)));
    }
  }
  for (const [i, list] of extensions) {
    const arcs: ArcList = { sessions: [], costs: [] };
    for (let k = 0; k < list.length; k += 2) {
      const more = extendRun(network, cases[i]!, weights, list[k]!, list[k + 1]!);
      arcs.sessions.push(...more.sessions);
      arcs.costs.push(...more.costs);
    }
    flow.extendArcs(i, arcs.sessions, arcs.costs);
  }
  return extensions.size;
}

/** Range minimum in O(1) after O(n log n) preparation (a sparse table). */
class RangeMin {
  private readonly levels: Float64Array[];

  constructor(values: Float64Array) {
    this.levels = [values];
    for (let width = 1; 2 * width <= values.length; width *= 2) {
      const previous = this.levels[this.levels.length - 1]!;
      const next = new Float64Array(values.length - 2 * width + 1);
      for (let i = 0; i < next.length; i++) next[i] = Math.min(previous[i]!, previous[i + width]!);
      this.levels.push(next);
    }
  }

  /** Minimum over positions from..to, inclusive. */
  min(from: number, to: number): number {
    const level = 31 - Math.clz32(to - from + 1);
    const row = this.levels[level]!;
    return Math.min(row[from]!, row[to - (1 << level) + 1]!);
  }
}
