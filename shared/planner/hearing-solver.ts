import { buildNetwork, type PlanningNetwork } from './build-network';
import { initialCandidates, type FlowCase } from './candidates';
import { resolveCostModel, type CostModel } from './costs';
import { CaseSessionFlow } from './min-cost-flow';
import type { PlanOptions, PlanningCase, PlanningProblem } from './planning-problem';
import { priceOmittedArcs } from './pricing';

export const DEFAULT_CANDIDATES_PER_CLASS = 6;

export interface PinnedCase {
  c: PlanningCase;
  session: number;
}

/**
 * The planning problem as a flow, kept optimal under case additions and removals. Pinned cases
 * stay outside the flow: they only take capacity from their session.
 */
export class HearingSolver {
  readonly network: PlanningNetwork;
  readonly costModel: CostModel;
  readonly flow: CaseSessionFlow;
  /** By flow index; a removed case keeps its index (the flow marks it inactive). */
  readonly flowCases: FlowCase[] = [];
  readonly pinned = new Map<number, PinnedCase>();
  pricingRounds = 0;
  private readonly perClass: number;
  private readonly flowIndexById = new Map<number, number>();
  private readonly pinnedCount: Int32Array;

  constructor(problem: PlanningProblem, options: PlanOptions = {}) {
    this.network = buildNetwork(problem, options);
    this.costModel = resolveCostModel(problem, options);
    this.perClass = options.candidatesPerClass ?? DEFAULT_CANDIDATES_PER_CLASS;
    const m = this.network.sessions.length;
    this.pinnedCount = new Int32Array(m);
    const open: PlanningCase[] = [];
    for (const c of problem.cases) {
      if (c.pinnedSessionId === undefined) open.push(c);
      else {
        const session = this.sessionOfPin(c);
        this.pinned.set(c.id, { c, session });
        this.pinnedCount[session]! += 1;
      }
    }
    const capacities = new Int32Array(m);
    for (let j = 0; j < m; j++) capacities[j] = Math.max(0, this.network.usable[j]! - this.pinnedCount[j]!);
    this.flow = new CaseSessionFlow(capacities);
    for (const c of open) this.register(c);
    // Earliest first: a new case then mostly finds a free session and the searches stay short.
    const order = this.flowCases.map((_, i) => i).sort((a, b) => this.flowCases[a]!.c.earliest - this.flowCases[b]!.c.earliest || a - b);
    for (const i of order) this.flow.insert(i);
    this.price();
  }

  get cases(): number {
    return this.flowIndexById.size + this.pinned.size;
  }

  flowIndexOf(caseId: number): number | undefined {
    return this.flowIndexById.get(caseId);
  }

  /** Session index of a case: pinned or planned; -1 when not planned; undefined when unknown. */
  sessionIndexOf(caseId: number): number | undefined {
    const pin = this.pinned.get(caseId);
    if (pin) return pin.session;
    const i = this.flowIndexById.get(caseId);
    if (i === undefined) return undefined;
    return Math.max(-1, this.flow.placementOf(i));
  }

  caseOf(caseId: number): PlanningCase | undefined {
    const i = this.flowIndexById.get(caseId);
    return i === undefined ? this.pinned.get(caseId)?.c : this.flowCases[i]!.c;
  }

  /** Cases taking part, in flow order then pinned. */
  *allCases(): Generator<PlanningCase> {
    for (const [, i] of this.flowIndexById) yield this.flowCases[i]!.c;
    for (const pin of this.pinned.values()) yield pin.c;
  }

  addCase(c: PlanningCase): void {
    if (this.flowIndexById.has(c.id) || this.pinned.has(c.id)) throw new Error(`zaak ${c.id} staat al in de planning`);
    if (c.pinnedSessionId !== undefined) {
      const session = this.sessionOfPin(c);
      this.pinned.set(c.id, { c, session });
      const freeBefore = this.network.usable[session]! - this.pinnedCount[session]!;
      this.pinnedCount[session]! += 1;
      if (freeBefore > 0) this.flow.decreaseCapacity(session);
    } else {
      this.flow.insert(this.register(c));
    }
    this.price();
  }

  removeCase(caseId: number): void {
    const pin = this.pinned.get(caseId);
    if (pin) {
      this.pinned.delete(caseId);
      this.pinnedCount[pin.session]! -= 1;
      if (this.network.usable[pin.session]! - this.pinnedCount[pin.session]! > 0) this.flow.increaseCapacity(pin.session);
    } else {
      const i = this.flowIndexById.get(caseId);
      if (i === undefined) throw new Error(`zaak ${caseId} staat niet in de planning`);
      this.flowIndexById.delete(caseId);
      this.flow.remove(i);
    }
    this.price();
  }

  /** Sum over planned cases (pinned included) of placement cost minus reward. */
  objective(): number {
    let total = 0;
    for (const [, i] of this.flowIndexById) {
      if (this.flow.placementOf(i) >= 0) total += this.flow.placementCostOf(i) - this.flow.unplannedCostOf(i);
    }
    for (const { c, session } of this.pinned.values()) total += this.costModel.cost(c, this.network.sessions[session]!) - this.costModel.reward(c);
    return total;
  }

  /** Held case-session arcs of the flow (for the benchmark's reduced LP and the statistics). */
  heldArcs(): number {
    let total = 0;
    for (const [, i] of this.flowIndexById) total += this.flow.arcSessionsOf(i).length;
    return total;
  }

  private price(): void {
    while (priceOmittedArcs(this.network, this.costModel.weights, this.flow, this.flowCases, this.perClass) > 0) this.pricingRounds += 1;
  }

  private register(c: PlanningCase): number {
    const { flowCase, arcs } = initialCandidates(this.network, c, this.costModel.weights, this.perClass);
    const i = this.flow.addCase(arcs.sessions, arcs.costs, this.costModel.reward(c));
    this.flowCases.push(flowCase);
    this.flowIndexById.set(c.id, i);
    return i;
  }

  private sessionOfPin(c: PlanningCase): number {
    const session = this.network.sessionIndexById.get(c.pinnedSessionId!);
    if (session === undefined) throw new Error(`zaak ${c.id} is vastgezet op een onbekende zitting ${c.pinnedSessionId}`);
    return session;
  }
}

