import { MinHeap } from './binary-heap';

/** `placementOf` for a case that takes part but has no session (its hard limit or capacity). */
export const UNPLANNED = -1;
/** `placementOf` for a case that is registered but not (or no longer) part of the flow. */
export const INACTIVE = -2;
const PENDING = -3;

/**
 * Exact min-cost flow on the planner's network, by successive shortest paths with node potentials
 * (Dijkstra on reduced costs). The network: source -> case (supply 1) -> session (capacity) -> sink,
 * plus one arc case -> sink per case, the 'unplanned' arc, whose cost is the case's reward. Every
 * case sends its unit either through a session or through that arc, so leaving a case out costs
 * its reward: minimising total cost = minimising sum over planned cases of (cost - reward) plus a
 * constant. All costs are integers, so every computation is exact.
 *
 * Invariant (reduced-cost optimality): with potentials pi and reduced cost c + pi(u) - pi(v), every
 * arc of the residual graph has a reduced cost >= 0, and pi(sink) = 0 throughout. Then the current
 * flow is a min-cost flow for the cases inserted so far; the LP dual (case and session potentials)
 * certifies it.
 *
 * - `insert(case)`: one Dijkstra from the case to the sink, stopping when the sink is reached
 *   (the usual truncated Dijkstra; only settled nodes get new potentials), then an augmentation.
 * - `remove(case)` and `increaseCapacity`: a freed slot can only improve the plan along one cycle
 *   sink -> ... -> session -> sink; a backward Dijkstra from the session finds the cheapest one.
 * - `decreaseCapacity`: one case leaves the session and is inserted again.
 */
export class CaseSessionFlow {
  private readonly capacity: Int32Array;
  private readonly sessionPotential: Float64Array;
  private readonly sessionCases: number[][];
  private readonly incomingCases: number[][];
  private readonly incomingCosts: number[][];

  private readonly arcSessions: number[][] = [];
  private readonly arcCosts: number[][] = [];
  private readonly unplannedCost: number[] = [];
  private readonly casePotential: number[] = [];
  private readonly placement: number[] = [];
  private readonly placementCost: number[] = [];
  private readonly positionInSession: number[] = [];

  // Search scratch: a stamp per search avoids clearing arrays.
  private stamp = 0;
  private readonly caseSeen: number[] = [];
  private readonly caseDone: number[] = [];
  private readonly caseDist: number[] = [];
  private readonly caseLink: number[] = [];
  private readonly caseLinkCost: number[] = [];
  private readonly sessionSeen: Int32Array;
  private readonly sessionDone: Int32Array;
  private readonly sessionDist: Float64Array;
  private readonly sessionLink: Int32Array;
  private readonly sessionLinkCost: Float64Array;
  private readonly heap = new MinHeap();
  private readonly doneCases: number[] = [];
  private readonly doneSessions: number[] = [];

  private changed: number[] = [];
  /** Settled nodes over all searches: a measure of work, for tests and the benchmark. */
  settledNodes = 0;

  constructor(capacities: ArrayLike<number>) {
    const m = capacities.length;
    this.capacity = Int32Array.from(capacities);
    this.sessionPotential = new Float64Array(m);
    this.sessionCases = Array.from({ length: m }, () => []);
    this.incomingCases = Array.from({ length: m }, () => []);
    this.incomingCosts = Array.from({ length: m }, () => []);
    this.sessionSeen = new Int32Array(m);
    this.sessionDone = new Int32Array(m);
    this.sessionDist = new Float64Array(m);
    this.sessionLink = new Int32Array(m);
    this.sessionLinkCost = new Float64Array(m);
  }

  get sessionCount(): number {
    return this.capacity.length;
  }

  get caseCount(): number {
    return this.placement.length;
  }

  /** Registers a case (inactive until `insert`). Arc costs must be integers >= 0, `unplannedCost` > 0. */
  addCase(sessions: ArrayLike<number>, costs: ArrayLike<number>, unplannedCost: number): number {
    const i = this.placement.length;
    this.arcSessions.push([]);
    this.arcCosts.push([]);
    this.unplannedCost.push(unplannedCost);
    this.casePotential.push(0);
    this.placement.push(INACTIVE);
    this.placementCost.push(0);
    this.positionInSession.push(-1);
    this.caseSeen.push(0);
    this.caseDone.push(0);
    this.caseDist.push(0);
    this.caseLink.push(0);
    this.caseLinkCost.push(0);
    this.appendArcs(i, sessions, costs);
    return i;
  }

  /** Adds arcs to sessions the case has no arc to yet (pricing); keeps the flow optimal. */
  extendArcs(i: number, sessions: ArrayLike<number>, costs: ArrayLike<number>): void {
    const active = this.placement[i] !== INACTIVE;
    if (active) this.remove(i);
    this.appendArcs(i, sessions, costs);
    if (active) this.insert(i);
  }

  /** Puts the case into the flow and restores optimality (one truncated Dijkstra). */
  insert(i: number): void {
    if (this.placement[i] !== INACTIVE) throw new Error(`case ${i} is already in the flow`);
    this.placement[i] = PENDING;
    this.resetSourcePotential(i);
    this.forward(i);
  }

  /** Takes the case out of the flow and restores optimality for the slot it frees. */
  remove(i: number): void {
    const at = this.placement[i]!;
    if (at === INACTIVE) return;
    if (at >= 0) {
      const wasFull = this.sessionCases[at]!.length >= this.capacity[at]!;
      this.detach(i, at);
      this.placement[i] = INACTIVE;
      this.changed.push(i);
      if (wasFull) this.repairFreeSlot(at);
    } else {
      this.placement[i] = INACTIVE;
      this.changed.push(i);
    }
  }

  increaseCapacity(j: number): void {
    const wasFull = this.sessionCases[j]!.length >= this.capacity[j]!;
    this.capacity[j]! += 1;
    if (wasFull) this.repairFreeSlot(j);
  }

  decreaseCapacity(j: number): void {
    if (this.capacity[j]! === 0) throw new Error(`session ${j} has no capacity left to take away`);
    const list = this.sessionCases[j]!;
    if (list.length < this.capacity[j]!) {
      this.capacity[j]! -= 1;
      return;
    }
    const b = list[list.length - 1]!;
    this.detach(b, j);
    this.capacity[j]! -= 1;
    this.placement[b] = INACTIVE;
    this.insert(b);
  }

  placementOf(i: number): number {
    return this.placement[i]!;
  }

  placementCostOf(i: number): number {
    return this.placementCost[i]!;
  }

  unplannedCostOf(i: number): number {
    return this.unplannedCost[i]!;
  }

  casePotentialOf(i: number): number {
    return this.casePotential[i]!;
  }

  sessionPotentialOf(j: number): number {
    return this.sessionPotential[j]!;
  }

  casesAt(j: number): readonly number[] {
    return this.sessionCases[j]!;
  }

  capacityOf(j: number): number {
    return this.capacity[j]!;
  }

  arcSessionsOf(i: number): readonly number[] {
    return this.arcSessions[i]!;
  }

  arcCostsOf(i: number): readonly number[] {
    return this.arcCosts[i]!;
  }

  /** Sum over active cases of the placement cost, or of the unplanned cost for those left out. */
  totalCost(): number {
    let total = 0;
    for (let i = 0; i < this.placement.length; i++) {
      const at = this.placement[i]!;
      if (at >= 0) total += this.placementCost[i]!;
      else if (at === UNPLANNED) total += this.unplannedCost[i]!;
    }
    return total;
  }

  /**
   * Raises every case potential to the largest value the invariant allows (the arc that carries
   * its unit becomes tight). Used before pricing: the larger a case's potential, the fewer arcs
   * left out of the network can look attractive.
   */
  tightenCasePotentials(): void {
    for (let i = 0; i < this.placement.length; i++) {
      const at = this.placement[i]!;
      if (at >= 0) this.casePotential[i] = this.sessionPotential[at]! - this.placementCost[i]!;
      else if (at === UNPLANNED) this.casePotential[i] = -this.unplannedCost[i]!;
    }
  }

  /**
   * Moves a placed case to another session without any check. Only for zero-cost exchanges along
   * tight arcs (the co-defendant pass), which keep the flow optimal and the invariant intact.
   */
  relocate(i: number, j: number, cost: number): void {
    this.place(i, j, cost);
  }

  /** Cases whose placement changed since the last call. */
  takeChanged(): number[] {
    const changed = this.changed;
    this.changed = [];
    return changed;
  }

  private appendArcs(i: number, sessions: ArrayLike<number>, costs: ArrayLike<number>): void {
    const own = this.arcSessions[i]!;
    const ownCosts = this.arcCosts[i]!;
    for (let k = 0; k < sessions.length; k++) {
      const j = sessions[k]!;
      const cost = costs[k]!;
      own.push(j);
      ownCosts.push(cost);
      this.incomingCases[j]!.push(i);
      this.incomingCosts[j]!.push(cost);
    }
  }

  /** The smallest potential that keeps every arc out of a fresh source non-negative. */
  private resetSourcePotential(i: number): void {
    let p = -this.unplannedCost[i]!;
    const sessions = this.arcSessions[i]!;
    const costs = this.arcCosts[i]!;
    for (let k = 0; k < sessions.length; k++) {
      const v = this.sessionPotential[sessions[k]!]! - costs[k]!;
      if (v > p) p = v;
    }
    this.casePotential[i] = p;
  }

  private forward(source: number): void {
    const stamp = ++this.stamp;
    const heap = this.heap;
    const { caseSeen, caseDone, caseDist, sessionSeen, sessionDone, sessionDist, sessionLink, sessionLinkCost } = this;
    const { casePotential, sessionPotential, placement, placementCost, unplannedCost, sessionCases, capacity } = this;
    const doneCases = this.doneCases;
    const doneSessions = this.doneSessions;
    heap.clear();
    doneCases.length = 0;
    doneSessions.length = 0;
    caseSeen[source] = stamp;
    caseDist[source] = 0;
    heap.push(0, source);
    let best = Infinity;
    let via = 0;
    while (heap.size > 0) {
      const key = heap.peekKey();
      if (key >= best) break;
      const node = heap.pop();
      if (node >= 0) {
        const u = node;
        if (caseDone[u] === stamp) continue;
        caseDone[u] = stamp;
        doneCases.push(u);
        const pu = casePotential[u]!;
        const viaUnplanned = key + unplannedCost[u]! + pu;
        if (viaUnplanned < best) {
          best = viaUnplanned;
          via = u;
        }
        const sessions = this.arcSessions[u]!;
        const costs = this.arcCosts[u]!;
        const at = placement[u]!;
        for (let k = 0; k < sessions.length; k++) {
          const j = sessions[k]!;
          if (j === at || sessionDone[j] === stamp) continue;
          const d = key + costs[k]! + pu - sessionPotential[j]!;
          if (sessionSeen[j] !== stamp || d < sessionDist[j]!) {
            sessionSeen[j] = stamp;
            sessionDist[j] = d;
            sessionLink[j] = u;
            sessionLinkCost[j] = costs[k]!;
            heap.push(d, ~j);
          }
        }
      } else {
        const j = ~node;
        if (sessionDone[j] === stamp) continue;
        sessionDone[j] = stamp;
        doneSessions.push(j);
        const pj = sessionPotential[j]!;
        const list = sessionCases[j]!;
        if (list.length < capacity[j]!) {
          const viaFree = key + pj;
          if (viaFree < best) {
            best = viaFree;
            via = ~j;
          }
        }
        for (let k = 0; k < list.length; k++) {
          const b = list[k]!;
          if (caseDone[b] === stamp) continue;
          const d = key - placementCost[b]! + pj - casePotential[b]!;
          if (caseSeen[b] !== stamp || d < caseDist[b]!) {
            caseSeen[b] = stamp;
            caseDist[b] = d;
            heap.push(d, b);
          }
        }
      }
    }
    this.settledNodes += doneCases.length + doneSessions.length;
    for (const u of doneCases) casePotential[u] = casePotential[u]! + caseDist[u]! - best;
    for (const j of doneSessions) sessionPotential[j] = sessionPotential[j]! + sessionDist[j]! - best;

    // Augment along the path source -> s1 <- b1 -> s2 ... -> sink, from its end.
    let mover: number;
    let target: number;
    let targetCost: number;
    if (via >= 0) {
      mover = via;
      target = UNPLANNED;
      targetCost = 0;
    } else {
      target = ~via;
      mover = sessionLink[target]!;
      targetCost = sessionLinkCost[target]!;
    }
    for (;;) {
      const from = placement[mover]!;
      this.place(mover, target, targetCost);
      if (mover === source) break;
      target = from;
      mover = sessionLink[from]!;
      targetCost = sessionLinkCost[from]!;
    }
  }

  /**
   * Session `j0` has a new free slot. The only way the plan can improve is one cycle
   * sink -> (a session giving up a case, or an unplanned case) -> ... -> j0 -> sink.
   * A Dijkstra backwards from j0 finds the cheapest path from the sink; potentials are updated
   * so the invariant holds, and the cycle is used when the arc j0 -> sink then has negative
   * reduced cost.
   */
  private repairFreeSlot(j0: number): void {
    const stamp = ++this.stamp;
    const heap = this.heap;
    const { caseSeen, caseDone, caseDist, caseLink, caseLinkCost, sessionSeen, sessionDone, sessionDist, sessionLink } = this;
    const { casePotential, sessionPotential, placement, placementCost, unplannedCost, sessionCases } = this;
    const doneCases = this.doneCases;
    const doneSessions = this.doneSessions;
    heap.clear();
    doneCases.length = 0;
    doneSessions.length = 0;
    sessionSeen[j0] = stamp;
    sessionDist[j0] = 0;
    heap.push(0, ~j0);
    let best = Infinity;
    let via = 0;
    let farthest = 0;
    while (heap.size > 0) {
      const key = heap.peekKey();
      if (key >= best) break;
      const node = heap.pop();
      if (node < 0) {
        const s = ~node;
        if (sessionDone[s] === stamp) continue;
        sessionDone[s] = stamp;
        doneSessions.push(s);
        farthest = key;
        const ps = sessionPotential[s]!;
        // sink -> s (s gives up a case). For s = j0 this is the trivial cycle: it caps the shift so
        // that j0 ends tight when nothing better exists.
        if (sessionCases[s]!.length > 0) {
          const viaSession = key - ps;
          if (viaSession < best) {
            best = viaSession;
            via = ~s;
          }
        }
        const cases = this.incomingCases[s]!;
        const costs = this.incomingCosts[s]!;
        for (let k = 0; k < cases.length; k++) {
          const c = cases[k]!;
          const at = placement[c]!;
          if (at === s || at === INACTIVE || caseDone[c] === stamp) continue;
          const d = key + costs[k]! + casePotential[c]! - ps;
          if (caseSeen[c] !== stamp || d < caseDist[c]!) {
            caseSeen[c] = stamp;
            caseDist[c] = d;
            caseLink[c] = s;
            caseLinkCost[c] = costs[k]!;
            heap.push(d, c);
          }
        }
      } else {
        const c = node;
        if (caseDone[c] === stamp) continue;
        caseDone[c] = stamp;
        doneCases.push(c);
        farthest = key;
        const pc = casePotential[c]!;
        const at = placement[c]!;
        if (at >= 0) {
          if (sessionDone[at] === stamp) continue;
          const d = key - placementCost[c]! + sessionPotential[at]! - pc;
          if (sessionSeen[at] !== stamp || d < sessionDist[at]!) {
            sessionSeen[at] = stamp;
            sessionDist[at] = d;
            sessionLink[at] = c;
            heap.push(d, ~at);
          }
        } else {
          const viaUnplanned = key - unplannedCost[c]! - pc;
          if (viaUnplanned < best) {
            best = viaUnplanned;
            via = c;
          }
        }
      }
    }
    this.settledNodes += doneCases.length + doneSessions.length;
    // No path from the sink: any shift at least as large as every settled distance is valid.
    const found = best !== Infinity;
    const shift = found ? best : Math.max(farthest, -sessionPotential[j0]!, 0);
    for (const c of doneCases) casePotential[c] = casePotential[c]! + shift - caseDist[c]!;
    for (const s of doneSessions) sessionPotential[s] = sessionPotential[s]! + shift - sessionDist[s]!;
    if (!found || sessionPotential[j0]! >= 0 || via === ~j0) return;

    // The cycle sink -> ... -> j0 -> sink has negative cost: push one unit around it.
    let mover = via >= 0 ? via : sessionLink[~via]!;
    for (;;) {
      const target = caseLink[mover]!;
      this.place(mover, target, caseLinkCost[mover]!);
      if (target === j0) break;
      mover = sessionLink[target]!;
    }
  }

  private place(i: number, target: number, cost: number): void {
    const from = this.placement[i]!;
    if (from >= 0) this.detach(i, from);
    this.placement[i] = target;
    if (target >= 0) {
      const list = this.sessionCases[target]!;
      this.positionInSession[i] = list.length;
      list.push(i);
      this.placementCost[i] = cost;
    } else {
      this.placementCost[i] = 0;
    }
    this.changed.push(i);
  }

  private detach(i: number, j: number): void {
    const list = this.sessionCases[j]!;
    const position = this.positionInSession[i]!;
    const last = list.pop()!;
    if (last !== i) {
      list[position] = last;
      this.positionInSession[last] = position;
    }
    this.positionInSession[i] = -1;
  }
}
