import { eq, inArray } from 'drizzle-orm';
import { instantOf } from '../../../shared/calendar/amsterdam-time';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import type { DeadlineResult } from '../../../shared/deadlines/result';
import { toDeadlineInput } from '../../../shared/intake/case-intake';
import { readinessGaps } from '../../../shared/domain/planning-readiness';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases } from '../../../db/schema';
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

const utc = (iso: string | undefined) => (iso ? new Date(instantOf(iso)).toISOString() : null);

/** The derived values stored on the case row: its key limits (UTC, so text order is time order) and its readiness gaps. */
export function derivedColumns(c: DeadlineFacts, context: DeadlineContext) {
  const result = deadlinesOf(c, context);
  return {
    voorgeleidingBy: utc(result.voorgeleidingBy),
    hearingBy: utc(result.hearingBy),
    hearingFrom: utc(result.hearingFrom),
    hearingTargetBy: utc(result.hearingTargetBy),
    planningGaps: readinessGaps(c).join(','),
  };
}

/** Recomputes the derived columns of the given cases (all when omitted), e.g. after a settings change or migration. */
export function refreshDerivedColumns(db: AppDatabase, caseIds?: readonly number[]): number {
  const context = loadDeadlineContext(db);
  return db.transaction((tx) => {
    const rows = caseIds ? tx.select().from(criminalCases).where(inArray(criminalCases.id, [...caseIds])).all() : tx.select().from(criminalCases).all();
    for (const row of rows) tx.update(criminalCases).set(derivedColumns(row, context)).where(eq(criminalCases.id, row.id)).run();
    return rows.length;
  });
}
