import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../server/services/demo/seeded-random';
import { CaseSessionFlow, INACTIVE, UNPLANNED } from '../../../shared/planner/min-cost-flow';

interface TinyCase {
  arcs: [session: number, cost: number][];
  unplannedCost: number;
}

/** The optimum by trying every assignment (each case: one of its arcs or unplanned). */
function bruteForce(cases: readonly (TinyCase | null)[], capacities: readonly number[]): number {
  const load = capacities.map(() => 0);
  let best = Infinity;
  const visit = (k: number, total: number) => {
    if (total >= best) return;
    if (k === cases.length) {
      best = total;
      return;
    }
    const c = cases[k];
    if (c === null || c === undefined) return visit(k + 1, total);
    visit(k + 1, total + c.unplannedCost);
    for (const [j, cost] of c.arcs) {
      if (load[j]! >= capacities[j]!) continue;
      load[j]! += 1;
      visit(k + 1, total + cost);
      load[j]! -= 1;
    }
  };
  visit(0, 0);
  return best;
}

function randomTiny(seed: number) {
  const random = createSeededRandom(seed);
  const capacities = Array.from({ length: random.int(1, 4) }, () => random.int(0, 2));
  const cases: TinyCase[] = Array.from({ length: random.int(1, 7) }, () => {
    const sessions = capacities.map((_, j) => j).filter(() => random.chance(0.6));
    return { arcs: sessions.map((j) => [j, random.int(0, 20)] as [number, number]), unplannedCost: random.int(1, 30) };
  });
  return { random, capacities, cases };
}

function checkAssignment(flow: CaseSessionFlow, cases: readonly (TinyCase | null)[], capacities: readonly number[]): number {
  let total = 0;
  const load = capacities.map(() => 0);
  cases.forEach((c, i) => {
    const at = flow.placementOf(i);
    if (c === null) return expect(at).toBe(INACTIVE);
    if (at === UNPLANNED) total += c.unplannedCost;
    else {
      const arc = c.arcs.find(([j]) => j === at);
      expect(arc, `case ${i} sits on session ${at} without an arc`).toBeDefined();
      expect(flow.placementCostOf(i)).toBe(arc![1]);
      total += arc![1];
      load[at]! += 1;
    }
  });
  load.forEach((n, j) => expect(n).toBeLessThanOrEqual(flow.capacityOf(j)));
  expect(flow.totalCost()).toBe(total);
  return total;
}

describe('CaseSessionFlow: successive shortest paths with potentials', () => {
  it.each([
    ['one case, cheapest session', [5], [{ arcs: [[0, 3]], unplannedCost: 10 }], 3],
    ['leaving out is cheaper than a dear session', [1], [{ arcs: [[0, 30]], unplannedCost: 10 }], 10],
    [
      'the later case takes the contested slot when the first has an alternative (a re-routing path)',
      [1, 1],
      [
        { arcs: [[0, 0], [1, 1]], unplannedCost: 100 },
        { arcs: [[0, 0]], unplannedCost: 100 },
      ],
      1,
    ],
    [
      'a case is displaced to unplanned when another needs the slot more',
      [1],
      [
        { arcs: [[0, 0]], unplannedCost: 5 },
        { arcs: [[0, 0]], unplannedCost: 50 },
      ],
      5,
    ],
    [
      'a chain of moves: the last case pushes the others one session on',
      [1, 1, 2],
      [
        { arcs: [[0, 0], [1, 2]], unplannedCost: 100 },
        { arcs: [[1, 0], [2, 2]], unplannedCost: 100 },
        { arcs: [[2, 0]], unplannedCost: 100 },
        { arcs: [[0, 1]], unplannedCost: 100 },
      ],
      5,
    ],
  ] as [string, number[], TinyCase[], number][])('%s', (_, capacities, cases, optimum) => {
    const flow = new CaseSessionFlow(capacities);
    for (const c of cases) flow.insert(flow.addCase(c.arcs.map(([j]) => j), c.arcs.map(([, cost]) => cost), c.unplannedCost));
    expect(checkAssignment(flow, cases, capacities)).toBe(optimum);
    expect(bruteForce(cases, capacities)).toBe(optimum);
  });

  it('matches brute force on 600 random tiny instances, in any insertion order', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const { random, capacities, cases } = randomTiny(seed);
      const flow = new CaseSessionFlow(capacities);
      const indices = cases.map((c) => flow.addCase(c.arcs.map(([j]) => j), c.arcs.map(([, cost]) => cost), c.unplannedCost));
      const order = [...indices].sort(() => random.next() - 0.5);
      for (const i of order) flow.insert(i);
      expect(checkAssignment(flow, cases, capacities), `seed ${seed}`).toBe(bruteForce(cases, capacities));
    }
  });

  it('stays optimal through removals, re-insertions, capacity changes and added arcs', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { random, capacities, cases } = randomTiny(seed);
      const present: (TinyCase | null)[] = [...cases];
      const flow = new CaseSessionFlow(capacities);
      for (const c of cases) flow.insert(flow.addCase(c.arcs.map(([j]) => j), c.arcs.map(([, cost]) => cost), c.unplannedCost));
      for (let step = 0; step < 12; step++) {
        const i = random.int(0, cases.length - 1);
        const j = random.int(0, capacities.length - 1);
        const action = random.int(0, 3);
        if (action === 0) {
          if (present[i]) flow.remove(i);
          else flow.insert(i);
          present[i] = present[i] ? null : cases[i]!;
        } else if (action === 1) {
          capacities[j]! += 1;
          flow.increaseCapacity(j);
        } else if (action === 2 && capacities[j]! > 0) {
          capacities[j]! -= 1;
          flow.decreaseCapacity(j);
        } else if (action === 3 && present[i] && !cases[i]!.arcs.some(([s]) => s === j)) {
          const cost = random.int(0, 20);
          cases[i]!.arcs.push([j, cost]);
          flow.extendArcs(i, [j], [cost]);
        }
        expect(checkAssignment(flow, present, capacities), `seed ${seed} step ${step}`).toBe(bruteForce(present, capacities));
      }
    }
  });

  it('keeps every residual arc at a non-negative reduced cost (the optimality certificate)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { capacities, cases } = randomTiny(seed);
      const flow = new CaseSessionFlow(capacities);
      for (const c of cases) flow.insert(flow.addCase(c.arcs.map(([j]) => j), c.arcs.map(([, cost]) => cost), c.unplannedCost));
      flow.tightenCasePotentials();
      cases.forEach((c, i) => {
        const pi = flow.casePotentialOf(i);
        const at = flow.placementOf(i);
        for (const [j, cost] of c.arcs) {
          const reduced = cost + pi - flow.sessionPotentialOf(j);
          if (j === at) expect(reduced).toBe(0);
          else expect(reduced).toBeGreaterThanOrEqual(0);
        }
        if (at === UNPLANNED) expect(-c.unplannedCost - pi).toBeGreaterThanOrEqual(0);
        else expect(c.unplannedCost + pi).toBeGreaterThanOrEqual(0);
      });
      capacities.forEach((capacity, j) => {
        const load = flow.casesAt(j).length;
        if (load < capacity) expect(flow.sessionPotentialOf(j)).toBeGreaterThanOrEqual(0);
        if (load > 0) expect(flow.sessionPotentialOf(j)).toBeLessThanOrEqual(0);
      });
    }
  });
});
