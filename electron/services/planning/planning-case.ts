import { isDetainedModality, type HeardModality } from '../../../shared/domain/modality';
import type { PlanningCase } from '../../../shared/planner/planning-problem';

/** The cached limits of a case row, as the planner needs them (derived columns, ADR 11). */
export interface CaseLimitsRow {
  id: number;
  modality: HeardModality;
  hearingFrom: string | null;
  hearingBy: string | null;
  hearingTargetBy: string | null;
  readyFrom: string | null;
  coDefendantGroup: string | null;
}

const instant = (value: string | null) => (value ? Date.parse(value) : null);

/**
 * The one place a case becomes a planner case: never before now, the end of the summons term, the day
 * it will be ready, or any further bound the caller knows (`notBefore`: e.g. the summons window of an
 * announced hearing that would need a new summons); never after its hard limit.
 */
export function toPlanningCase(row: CaseLimitsRow, now: number, notBefore = 0): PlanningCase {
  return {
    id: row.id,
    modality: row.modality,
    earliest: Math.max(now, instant(row.hearingFrom) ?? 0, instant(row.readyFrom) ?? 0, notBefore),
    latest: instant(row.hearingBy),
    targetBy: instant(row.hearingTargetBy),
    detained: isDetainedModality(row.modality),
    group: row.coDefendantGroup ?? undefined,
  };
}
