import { and, desc, eq, inArray } from 'drizzle-orm';
import { instantOf, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import type { DeadlineResult } from '../../../shared/deadlines/result';
import { toDeadlineInput } from '../../../shared/intake/case-intake';
import { readinessGaps, readyFrom, type PreconditionFacts } from '../../../shared/domain/planning-readiness';
import type { AppDatabase } from '../../../db/open-database';
import { casePreconditions, criminalCases, districtSettings, hearingOutcomes, hearings } from '../../../db/schema';
import { loadDeadlineContext, type DeadlineContext } from '../settings/district-settings';

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
export const utc = (iso: string | null | undefined) => (iso ? new Date(instantOf(iso)).toISOString() : null);

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

export function derivedColumns(c: DeadlineFacts, context: DeadlineContext, preconditions: ReadinessInputs = []) {
  const result = deadlinesOf(c, context);
  // The hearing limits bind until the hearing starts. Once a hearing took place (decided, or adjourned
  // by the court; not a no-show) they were met: they stay stored (the monitoring measures against
  // them) but no longer bind planning; the court decides when it resumes (the resume date below).
  const met = preconditions.hearingTookPlace === true;
  const hearingBy = utc(result.hearingBy);
  const voorgeleidingBy = utc(result.voorgeleidingBy);
  const hearingTargetBy = utc(result.hearingTargetBy);
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
    hearingFrom: utc(result.hearingFrom),
    hearingTargetBy,
    nextLimit,
    nextLimitKind,
    queueOrder: nextLimit ?? END_OF_TIME,
    planningGaps: readinessGaps(c, preconditions).join(','),
    readyFrom: laterOf(readyFrom(preconditions), preconditions.resumeFrom ? new Date(startOfAmsterdamDay(preconditions.resumeFrom)).toISOString() : null),
  };
}

/**
 * Bump when the deadline engine's rules or derivedColumns change: every district file is then
 * recomputed when it is next opened, so the cached limits never lag behind the engine.
 */
export const DERIVED_COLUMNS_VERSION = 7;
const VERSION_KEY = 'derived.columnsVersion';

/** Recomputes the derived columns of every case, and records the version (stamped `now`), in one transaction. */
export function refreshDerivedColumns(db: AppDatabase, actor: string, now: Date): number {
  const context = loadDeadlineContext(db);
  return db.transaction((tx) => {
    const rows = tx.select().from(criminalCases).all();
    const preconditions = preconditionsByCase(tx);
    for (const row of rows) {
      tx.update(criminalCases).set(derivedColumns(row, context, preconditions.get(row.id) ?? [])).where(eq(criminalCases.id, row.id)).run();
    }
    const marker = { key: VERSION_KEY, value: DERIVED_COLUMNS_VERSION, updatedAt: now.toISOString(), updatedBy: actor };
    tx.insert(districtSettings).values(marker).onConflictDoUpdate({ target: districtSettings.key, set: marker }).run();
    return rows.length;
  });
}

/** The preconditions of one case, and its latest adjournment's resume date, as readiness reads them. */
export function preconditionsOf(db: Pick<AppDatabase, 'select'>, caseId: number): PreconditionFacts[] & { resumeFrom: string | null; hearingTookPlace: boolean } {
  const list = db
    .select({ kind: casePreconditions.kind, status: casePreconditions.status, expectedOn: casePreconditions.expectedOn })
    .from(casePreconditions)
    .where(eq(casePreconditions.caseId, caseId))
    .all();
  const tookPlace = db
    .select({ id: hearingOutcomes.id })
    .from(hearingOutcomes)
    .innerJoin(hearings, eq(hearings.id, hearingOutcomes.hearingId))
    .where(and(eq(hearings.caseId, caseId), inArray(hearingOutcomes.outcome, [...HEARING_TOOK_PLACE])))
    .limit(1)
    .get();
  return Object.assign(list, { resumeFrom: latestResumeFrom(db, caseId), hearingTookPlace: tookPlace !== undefined });
}

/** The resume date of the case's latest adjournment by the court; null when never adjourned. */
export function latestResumeFrom(db: Pick<AppDatabase, 'select'>, caseId: number): string | null {
  const row = db
    .select({ resumeFrom: hearingOutcomes.resumeFrom })
    .from(hearingOutcomes)
    .innerJoin(hearings, eq(hearings.id, hearingOutcomes.hearingId))
    .where(and(eq(hearings.caseId, caseId), eq(hearingOutcomes.outcome, 'adjourned')))
    .orderBy(desc(hearingOutcomes.id))
    .limit(1)
    .get();
  return row?.resumeFrom ?? null;
}

function preconditionsByCase(db: Pick<AppDatabase, 'select'>): Map<number, ReadinessInputs> {
  const byCase = new Map<number, PreconditionFacts[] & { resumeFrom?: string | null; hearingTookPlace?: boolean }>();
  const rows = db
    .select({ caseId: casePreconditions.caseId, kind: casePreconditions.kind, status: casePreconditions.status, expectedOn: casePreconditions.expectedOn })
    .from(casePreconditions)
    .all();
  for (const { caseId, ...facts } of rows) {
    const list = byCase.get(caseId);
    if (list) list.push(facts);
    else byCase.set(caseId, [facts]);
  }
  // Latest adjournment per case (the highest outcome id wins).
  const adjournments = db
    .select({ caseId: hearings.caseId, resumeFrom: hearingOutcomes.resumeFrom })
    .from(hearingOutcomes)
    .innerJoin(hearings, eq(hearings.id, hearingOutcomes.hearingId))
    .where(eq(hearingOutcomes.outcome, 'adjourned'))
    .orderBy(hearingOutcomes.id)
    .all();
  for (const { caseId, resumeFrom } of adjournments) {
    const list = byCase.get(caseId) ?? [];
    list.resumeFrom = resumeFrom;
    byCase.set(caseId, list);
  }
  const heard = db
    .select({ caseId: hearings.caseId })
    .from(hearingOutcomes)
    .innerJoin(hearings, eq(hearings.id, hearingOutcomes.hearingId))
    .where(inArray(hearingOutcomes.outcome, [...HEARING_TOOK_PLACE]))
    .groupBy(hearings.caseId)
    .all();
  for (const { caseId } of heard) {
    const list = byCase.get(caseId) ?? [];
    list.hearingTookPlace = true;
    byCase.set(caseId, list);
  }
  return byCase;
}

/** Recomputes the derived columns when they were written by another version of the rules. */
export function ensureDerivedColumnsCurrent(db: AppDatabase, now: Date): boolean {
  const stored = db.select().from(districtSettings).where(eq(districtSettings.key, VERSION_KEY)).get();
  if (stored?.value === DERIVED_COLUMNS_VERSION) return false;
  refreshDerivedColumns(db, 'system', now);
  return true;
}
