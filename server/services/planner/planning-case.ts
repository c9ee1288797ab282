import { isDetainedModality, type HeardModality } from '../../../shared/domain/modality';
import type { PlanningCase } from '../../../shared/planner/planning-problem';
import { suspectAge } from '../../../shared/intake/plausibility';
import type { CourtCalendar } from '../../../shared/calendar/court-calendar';
import { needsSummonsService } from '../../../shared/domain/planning-readiness';
import { earliestHearing, expectedServiceMoment } from '../../../shared/deadlines/summons-term';
import type { DeadlineSettings } from '../../../shared/deadlines/settings';

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
  /** The suspect's birth date and the case's offence and arrest: a minor at the offence goes only to a session that accepts minors. */
  dateOfBirth?: string | undefined;
  offenceAt?: string | null | undefined;
  arrestedAt?: string | null | undefined;
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
    // 12 to 17 at the offence: juvenile law (art. 77a Sr ff.), heard only on a session that accepts minors.
    ...(suspectAge(row, now)?.minor ? { minor: true } : {}),
  };
}

/** What decides when a case whose summons is not yet served can be heard at the earliest. */
export interface SummonsFacts {
  modality: HeardModality;
  summonsServedAt: string | null;
  shortTermConsent: boolean | number;
  /** YYYY-MM-DD the summons is expected to be served; null = it can be served now. */
  expectedSummonsServiceOn: string | null;
}

/**
 * For a case whose summons is not yet served: the earliest hearing the summons term allows from the
 * expected service (now, or the date entered on the case; art. 265 lid 1 Sv, art. 370 Sv, consent
 * art. 265 lid 2 Sv), with the one summons-term rule. Null when served (the cached hearingFrom holds
 * the term then) or when the case needs no summons.
 */
export function unservedSummonsFrom(c: SummonsFacts, now: number, context: { settings: DeadlineSettings; calendar: CourtCalendar }): number | null {
  if (!needsSummonsService(c)) return null;
  const service = expectedServiceMoment(c.expectedSummonsServiceOn, now);
  return earliestHearing(service, c.modality, Boolean(c.shortTermConsent), context.settings, context.calendar).at;
}
