import { z } from 'zod';
import { HEARD_MODALITIES, type HeardModality } from '../domain/modality';

/**
 * The planner's input: plain data, no database. Instants are epoch milliseconds; wall-clock times
 * are Europe/Amsterdam (only the Dutch explanations need the zone).
 */
export interface PlanningSession {
  id: number;
  /** Epoch ms of the session start. */
  start: number;
  /** YYYY-MM-DD, Europe/Amsterdam. */
  date: string;
  /** Slots free for planning (before pinned cases and the reserve are taken off). */
  capacity: number;
  accepts: readonly HeardModality[];
  /** Also hears suspects who were minors at the offence (juvenile law, art. 77a Sr ff.); absent = adults only. */
  acceptsMinors?: boolean | undefined;
}

export interface PlanningCase {
  id: number;
  modality: HeardModality;
  /** Epoch ms: not before (summons term, readiness). */
  earliest: number;
  /** Epoch ms: hard limit (custody); null = none. A case is never planned after it. */
  latest: number | null;
  /** Epoch ms: soft policy target; being later costs extra, never blocks. */
  targetBy: number | null;
  detained: boolean;
  /** The suspect was 12 to 17 at the offence (art. 77a Sr ff.): only a session that accepts minors may hear it. */
  minor?: boolean | undefined;
  /** Co-defendants share a group. */
  group?: string | undefined;
  /** Fixed by the coordinator (or inside the summons window): the case stays on this session. */
  pinnedSessionId?: number | undefined;
  /** The announced hearing: moving it costs `moveCost`. */
  currentSessionId?: number | undefined;
}

export interface PlanningProblem {
  sessions: readonly PlanningSession[];
  cases: readonly PlanningCase[];
}

/** Integer cost weights (integers keep the flow exact); see docs/planner.md for the reasoning. */
export interface CostWeights {
  /** Per whole hour between `earliest` and the session start, for a detained case. */
  detainedDelayPerHour: number;
  /** Per whole hour between `earliest` and the session start, for a case at liberty. */
  freeDelayPerHour: number;
  /** Once, when the session starts after `targetBy`. */
  targetMissPenalty: number;
  /** Per whole hour after `targetBy`. */
  targetLatePerHour: number;
  /** For placing a case with an announced hearing on another session. */
  moveCost: number;
  /** Reward for every planned case (>= 1): planning a case always beats leaving it out by this. */
  plannedReward: number;
  /** Extra reward for a planned case with a hard limit: custody cases win a contested slot. */
  hardLimitReward: number;
  /** Extra reward per hour a case was plannable before the horizon ends: the older case goes first. */
  ageRewardPerHour: number;
}

export const DEFAULT_COST_WEIGHTS: CostWeights = {
  detainedDelayPerHour: 4,
  freeDelayPerHour: 1,
  targetMissPenalty: 100,
  targetLatePerHour: 2,
  moveCost: 240,
  plannedReward: 100_000,
  hardLimitReward: 100_000,
  ageRewardPerHour: 1,
};

export interface PlanOptions {
  weights?: Partial<CostWeights> | undefined;
  /** Slots held back on every session for expected urgent arrivals (default 0). */
  reservePerSession?: number | undefined;
  /** Per-session reserve by session id; overrides `reservePerSession`. */
  reserveBySession?: Readonly<Record<number, number>> | undefined;
  /**
   * Candidate sessions per case and session class before pricing adds more. Tuning only: the
   * result is optimal for any value (the pricing step proves it), only the speed changes.
   */
  candidatesPerClass?: number | undefined;
  /** Keep co-defendants together where that costs nothing (default true). */
  keepCoDefendantsTogether?: boolean | undefined;
  /** Dutch explanations per placement (default true); off only for measurements. */
  explain?: boolean | undefined;
}

export interface Placement {
  caseId: number;
  sessionId: number;
  /** Short Dutch explanation. */
  explanation: string;
}

export interface InfeasibleCase {
  caseId: number;
  /** Dutch. */
  reason: string;
  /** Dutch: what the chain can do instead. */
  options: string[];
}

export interface PlanStats {
  cases: number;
  sessions: number;
  /** Case-session pairs that satisfy the hard rules (the full LP's columns). */
  feasibleArcs: number;
  /** Pairs the solver actually held (candidates plus those added by pricing). */
  candidateArcs: number;
  pricingRounds: number;
}

export interface PlanResult {
  placements: Placement[];
  infeasible: InfeasibleCase[];
  /** Cases without a hard limit that did not fit. */
  unplanned: number[];
  /** Sum over planned cases of (placement cost - reward); pinned cases included. */
  objective: number;
  /** Announced hearings (currentSessionId) that the plan changes. */
  moves: number;
  /** Co-defendant groups that could not be kept on one session without a worse plan. */
  splitGroups: string[];
  stats: PlanStats;
}

const nonNegativeInt = z.number().int().min(0);

export const planningSessionSchema = z.object({
  id: z.number().int(),
  start: z.number(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  capacity: nonNegativeInt,
  accepts: z.array(z.enum(HEARD_MODALITIES)),
  acceptsMinors: z.boolean().optional(),
});

export const planningCaseSchema = z.object({
  id: z.number().int(),
  modality: z.enum(HEARD_MODALITIES),
  earliest: z.number(),
  latest: z.number().nullable(),
  targetBy: z.number().nullable(),
  detained: z.boolean(),
  minor: z.boolean().optional(),
  group: z.string().min(1).optional(),
  pinnedSessionId: z.number().int().optional(),
  currentSessionId: z.number().int().optional(),
});

export const planningProblemSchema = z
  .object({ sessions: z.array(planningSessionSchema), cases: z.array(planningCaseSchema) })
  .superRefine((problem, ctx) => {
    const sessionIds = new Set<number>();
    for (const [index, session] of problem.sessions.entries()) {
      if (sessionIds.has(session.id)) ctx.addIssue({ code: 'custom', path: ['sessions', index, 'id'], message: `zitting ${session.id} komt twee keer voor` });
      sessionIds.add(session.id);
    }
    const caseIds = new Set<number>();
    for (const [index, c] of problem.cases.entries()) {
      if (caseIds.has(c.id)) ctx.addIssue({ code: 'custom', path: ['cases', index, 'id'], message: `zaak ${c.id} komt twee keer voor` });
      caseIds.add(c.id);
      if (c.pinnedSessionId !== undefined && !sessionIds.has(c.pinnedSessionId)) {
        ctx.addIssue({ code: 'custom', path: ['cases', index, 'pinnedSessionId'], message: `zaak ${c.id} is vastgezet op een onbekende zitting ${c.pinnedSessionId}` });
      }
    }
  });

export const costWeightsSchema = z.object({
  detainedDelayPerHour: nonNegativeInt,
  freeDelayPerHour: nonNegativeInt,
  targetMissPenalty: nonNegativeInt,
  targetLatePerHour: nonNegativeInt,
  moveCost: nonNegativeInt,
  plannedReward: z.number().int().min(1),
  hardLimitReward: nonNegativeInt,
  ageRewardPerHour: nonNegativeInt,
});

export const planOptionsSchema = z.object({
  weights: costWeightsSchema.partial().optional(),
  reservePerSession: nonNegativeInt.optional(),
  reserveBySession: z.record(z.string().regex(/^-?\d+$/), nonNegativeInt).optional(),
  candidatesPerClass: z.number().int().min(1).optional(),
  keepCoDefendantsTogether: z.boolean().optional(),
  explain: z.boolean().optional(),
});

/** Validates untrusted input (the worker boundary); throws a ZodError with Dutch messages for id problems. */
export function parsePlanningProblem(input: unknown): PlanningProblem {
  return planningProblemSchema.parse(input);
}

export function parsePlanOptions(input: unknown): PlanOptions {
  return planOptionsSchema.parse(input ?? {});
}
