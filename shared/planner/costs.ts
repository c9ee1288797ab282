import type { CostWeights, PlanOptions, PlanningCase, PlanningProblem, PlanningSession } from './planning-problem';
import { DEFAULT_COST_WEIGHTS } from './planning-problem';

const MS_PER_HOUR = 3_600_000;

/** Whole hours since the epoch. Delays are differences of these, so a cost is linear in the session's hour. */
export function hourIndex(instant: number): number {
  return Math.floor(instant / MS_PER_HOUR);
}

/**
 * The hard rules for one case-session pair: modality accepted, a minor only on a session that accepts
 * minors (art. 77a Sr ff.), not before `earliest`, not after `latest`.
 */
export function isFeasible(c: PlanningCase, session: PlanningSession): boolean {
  return session.accepts.includes(c.modality) && (!c.minor || session.acceptsMinors === true) && session.start >= c.earliest && (c.latest === null || session.start <= c.latest);
}

/**
 * Cost of hearing case `c` at an instant, without the move cost. Non-decreasing in `start`
 * (the pruning and its proof rely on that) and linear in the start hour up to the target.
 */
export function timeCost(c: PlanningCase, start: number, w: CostWeights): number {
  const startHour = hourIndex(start);
  const delay = Math.max(0, startHour - hourIndex(c.earliest));
  let cost = (c.detained ? w.detainedDelayPerHour : w.freeDelayPerHour) * delay;
  if (c.targetBy !== null && start > c.targetBy) {
    cost += w.targetMissPenalty + w.targetLatePerHour * Math.max(0, startHour - hourIndex(c.targetBy));
  }
  return cost;
}

/** Extra cost of placing `c` on `sessionId`: the move of an announced hearing. */
export function moveCostOf(c: PlanningCase, sessionId: number, w: CostWeights): number {
  return c.currentSessionId !== undefined && c.currentSessionId !== sessionId ? w.moveCost : 0;
}

export function placementCost(c: PlanningCase, session: PlanningSession, w: CostWeights): number {
  return timeCost(c, session.start, w) + moveCostOf(c, session.id, w);
}

export interface CostModel {
  weights: CostWeights;
  /** The next chance after the horizon: a day after the last session starts. */
  horizonEnd: number;
  /**
   * The reward for planning a case: what leaving it out costs. A case left out is treated as heard
   * at `horizonEnd` at the earliest (its delay, target and move costs still run up to then), plus
   * `plannedReward`, `hardLimitReward` for a hard limit, and `ageRewardPerHour` for every hour it
   * was plannable before `horizonEnd` (of two cases that do not both fit, the older one is planned).
   * Planning a case on any feasible session therefore beats leaving it out by at least `plannedReward`.
   */
  reward(c: PlanningCase): number;
  cost(c: PlanningCase, session: PlanningSession): number;
}

const MS_PER_DAY = 24 * MS_PER_HOUR;

/** The weights with defaults filled in; the test oracle builds its LP from this same model. */
export function resolveCostModel(problem: PlanningProblem, options: PlanOptions = {}): CostModel {
  const weights: CostWeights = { ...DEFAULT_COST_WEIGHTS, ...stripUndefined(options.weights ?? {}) };
  let lastStart = -Infinity;
  for (const s of problem.sessions) lastStart = Math.max(lastStart, s.start);
  const horizonEnd = lastStart === -Infinity ? 0 : lastStart + MS_PER_DAY;
  const endHour = hourIndex(horizonEnd);
  return {
    weights,
    horizonEnd,
    reward: (c) =>
      weights.plannedReward +
      (c.latest === null ? 0 : weights.hardLimitReward) +
      timeCost(c, horizonEnd, weights) +
      (c.currentSessionId === undefined ? 0 : weights.moveCost) +
      weights.ageRewardPerHour * Math.max(0, endHour - hourIndex(c.earliest)),
    cost: (c, session) => placementCost(c, session, weights),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
