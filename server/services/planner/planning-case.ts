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
  /** 'none' also when the hearing limits were met by a hearing that took place (derived-columns.ts). */
  nextLimitKind: 'voorgeleiding' | 'hearing' | 'target' | 'none';
}

const instant = (value: string | null) => (value ? Date.parse(value) : null);

/**
 * The one place a case becomes a planner case: never before now, the end of the summons term, the day
 * it will be ready, or any further bound the caller knows (`notBefore`: e.g. the summons window of an
 * announced hearing that would need a new summons); never after its hard limit.
 */
export function toPlanningCase(row: CaseLimitsRow, now: number, notBefore = 0): PlanningCase {
  // A case whose hearing already took place (adjourned by the court) is no longer held to the hearing limits.
  const bound = row.nextLimitKind !== 'none';
  return {
    id: row.id,
    modality: row.modality,
    earliest: Math.max(now, instant(row.hearingFrom) ?? 0, instant(row.readyFrom) ?? 0, notBefore),
    latest: bound ? instant(row.hearingBy) : null,
    targetBy: bound ? instant(row.hearingTargetBy) : null,
    detained: isDetainedModality(row.modality),
    group: row.coDefendantGroup ?? undefined,
  };
}
