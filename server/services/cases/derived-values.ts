import { instantOf, isoUtc, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { computeDeadlines, deadlineLimits } from '../../../shared/deadlines/compute-deadlines';
import type { DeadlineResult, LimitOutcome } from '../../../shared/deadlines/result';
import { resolveDeadlineSettings } from '../../../shared/deadlines/settings';
import type { CaseIntake } from '../../../shared/intake/case-intake';
import { toDeadlineInput } from '../../../shared/intake/case-intake';
import { readinessGaps, readyFrom, type PreconditionFacts } from '../../../shared/domain/planning-readiness';
import type { criminalCases } from '../../../db/schema';
import type { DeadlineContext } from '../settings/district-settings';

// The derived columns of a case as pure functions (no database): derived-columns.ts stores them, and
// the case import's worker thread computes them for the rows it checks (import-file-worker.ts).

type CaseRow = typeof criminalCases.$inferSelect;
export type DeadlineFacts = Pick<
  CaseRow,
  | 'parketnummer'
  | 'modality'
  | 'arrestedAt'
  | 'custodyOrderedAt'
  | 'custodyExtendedAt'
  | 'remandOrderedAt'
  | 'summonsServedAt'
  | 'shortTermConsent'
  | 'judgmentAt'
  | 'penaltyOrderDeliveredAt'
>;

/** The one way a stored case is handed to the deadline engine. */
export function deadlinesOf(c: DeadlineFacts, context: DeadlineContext): DeadlineResult {
  return computeDeadlines(toDeadlineInput(c.parketnummer, c) as never, context.settings, context.calendar);
}

/** An ISO-8601 moment with any offset as UTC text (text order is time order); null when absent. */
export const utc = (iso: string | null | undefined) => (iso ? isoUtc(instantOf(iso)) : null);

/** Outcomes after which a hearing took place (a no-show did not start the hearing). */
export const HEARING_TOOK_PLACE = ['decided', 'adjourned'] as const;

export type NextLimitKind = 'voorgeleiding' | 'hearing' | 'target' | 'none';
const END_OF_TIME = '9999-12-31T23:59:59.999Z';
const laterOf = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

/**
 * The derived values stored on the case row: its key limits (UTC, so text order is time order), the
 * limit that binds planning now, its readiness gaps and the moment it is ready. Pass the case's
 * preconditions (none for a case being created). 'Overdue' preconditions are not cached: that gap
 * arises by the passing of time alone, so readers add it against their own today.
 */
/**
 * What readiness reads besides the case row: its preconditions and, when the court adjourned it, the
 * date it may be heard again (resumeFrom, YYYY-MM-DD). preconditionsOf gives both, so every caller
 * that rewrites the derived columns keeps the adjournment's date.
 */
export type ReadinessInputs = readonly PreconditionFacts[] & { readonly resumeFrom?: string | null; readonly hearingTookPlace?: boolean };

/**
 * A limit as deadlinesOf writes it (formatAmsterdam: whole seconds, truncated) and utc() then reads
 * it, without that round trip through text: the same UTC text.
 */
const limitUtc = (limit: LimitOutcome | undefined) => (limit ? isoUtc(Math.floor(limit.at / 1000) * 1000) : null);

export function derivedColumns(c: DeadlineFacts, context: DeadlineContext, preconditions: ReadinessInputs = []) {
  return derivedFromLimits(c, limitsOf(c, context), preconditions);
}

/** deadlinesOf's limits, before it writes them out with its rules and warnings (not stored). */
function limitsOf(c: DeadlineFacts, context: DeadlineContext) {
  return deadlineLimits(toDeadlineInput(c.parketnummer, c), resolveDeadlineSettings(context.settings), context.calendar).limits;
}

function derivedFromLimits(c: DeadlineFacts, limits: ReturnType<typeof limitsOf>, preconditions: ReadinessInputs) {
  // The hearing limits bind until the hearing starts. Once a hearing took place (decided, or adjourned
  // by the court; not a no-show) they were met: they stay stored (the monitoring measures against
  // them) but no longer bind planning; the court decides when it resumes (the resume date below).
  const met = preconditions.hearingTookPlace === true;
  const hearingBy = limitUtc(limits.hearingBy);
  const voorgeleidingBy = limitUtc(limits.voorgeleidingBy);
  const hearingTargetBy = limitUtc(limits.hearingTargetBy);
  // A detained snelrecht case not yet in remand must be brought before the RC first (art. 59a Sv):
  // until then that limit binds, however far the hearing limit lies.
  const voorgeleidingBinds = !met && c.modality === 'snelrecht' && !c.remandOrderedAt && voorgeleidingBy !== null && (hearingBy === null || voorgeleidingBy < hearingBy);
  const [nextLimit, nextLimitKind]: [string | null, NextLimitKind] = met
    ? [null, 'none']
    : voorgeleidingBinds
      ? [voorgeleidingBy, 'voorgeleiding']
      : hearingBy
        ? [hearingBy, 'hearing']
        : hearingTargetBy
          ? [hearingTargetBy, 'target']
          : [null, 'none'];
  return {
    voorgeleidingBy,
    hearingBy,
    hearingFrom: limitUtc(limits.hearingFrom),
    hearingTargetBy,
    nextLimit,
    nextLimitKind,
    queueOrder: nextLimit ?? END_OF_TIME,
    planningGaps: readinessGaps(c, preconditions).join(','),
    readyFrom: laterOf(readyFrom(preconditions), preconditions.resumeFrom ? new Date(startOfAmsterdamDay(preconditions.resumeFrom)).toISOString() : null),
  };
}

export type DerivedValues = ReturnType<typeof derivedColumns>;

const NO_PRECONDITIONS: ReadinessInputs = [];

/** A new case's event moments as stored (UTC text) and its derived columns (no preconditions yet). */
export function intakeDerivedValues(intake: CaseIntake, context: DeadlineContext) {
  const events = {
    parketnummer: intake.parketnummer,
    modality: intake.modality,
    arrestedAt: utc(intake.arrestedAt),
    custodyOrderedAt: utc(intake.custodyOrderedAt),
    custodyExtendedAt: utc(intake.custodyExtendedAt),
    remandOrderedAt: utc(intake.remandOrderedAt),
    summonsServedAt: utc(intake.summonsServedAt),
    shortTermConsent: intake.shortTermConsent,
    judgmentAt: null,
    penaltyOrderDeliveredAt: null,
  };
  // The limits from the intake's own moments: the same instants as the UTC texts above (whole ms,
  // written out exactly), which the deadline engine need not read back from the new texts.
  const moments: DeadlineFacts = {
    parketnummer: intake.parketnummer,
    modality: intake.modality,
    arrestedAt: intake.arrestedAt,
    custodyOrderedAt: intake.custodyOrderedAt,
    custodyExtendedAt: intake.custodyExtendedAt,
    remandOrderedAt: intake.remandOrderedAt,
    summonsServedAt: intake.summonsServedAt,
    shortTermConsent: intake.shortTermConsent,
    judgmentAt: null,
    penaltyOrderDeliveredAt: null,
  };
  return { events, limits: derivedFromLimits(events, limitsOf(moments, context), NO_PRECONDITIONS) };
}
