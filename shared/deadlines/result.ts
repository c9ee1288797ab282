import { z } from 'zod';

/** The limits a result can carry, in the order they appear in it. */
export const LIMIT_FIELDS = [
  'voorgeleidingBy',
  'hearingBy',
  'hearingFrom',
  'hearingTargetFrom',
  'hearingTargetBy',
  'verzetBy',
  'appealBy',
  'judgmentToOmBy',
  'toCjibBy',
] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

export const ruleApplicationSchema = z.object({
  limit: z.enum(LIMIT_FIELDS),
  ruleId: z.string(),
  article: z.string(),
  /** Short Dutch text for the UI. */
  explanation: z.string(),
  /** true: a legal limit the planner must respect; false: a policy target (warn, don't block). */
  hard: z.boolean(),
});
export type RuleApplication = z.infer<typeof ruleApplicationSchema>;

const amsterdamTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

export const deadlineResultSchema = z.object({
  id: z.string(),
  voorgeleidingBy: amsterdamTimestamp.optional(),
  hearingBy: amsterdamTimestamp.optional(),
  hearingFrom: amsterdamTimestamp.optional(),
  hearingTargetFrom: amsterdamTimestamp.optional(),
  hearingTargetBy: amsterdamTimestamp.optional(),
  verzetBy: amsterdamTimestamp.optional(),
  appealBy: amsterdamTimestamp.optional(),
  judgmentToOmBy: amsterdamTimestamp.optional(),
  toCjibBy: amsterdamTimestamp.optional(),
  /** One entry per limit present, in LIMIT_FIELDS order. */
  rules: z.array(ruleApplicationSchema),
  /** Dutch texts for the planner. */
  warnings: z.array(z.string()),
});
export type DeadlineResult = z.infer<typeof deadlineResultSchema>;

/** A computed limit before formatting: an instant plus where it came from. */
export interface LimitOutcome {
  at: number; // epoch ms
  ruleId: string;
  article: string;
  explanation: string;
  hard: boolean;
}

/** The earliest of several candidate limits (the binding one); undefined when there is none. */
export function earliestOutcome(candidates: ReadonlyArray<LimitOutcome | undefined>): LimitOutcome | undefined {
  let best: LimitOutcome | undefined;
  for (const candidate of candidates) if (candidate && (!best || candidate.at < best.at)) best = candidate;
  return best;
}
