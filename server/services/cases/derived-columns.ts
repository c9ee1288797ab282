import { eq, inArray } from 'drizzle-orm';
import type { PreconditionFacts } from '../../../shared/domain/planning-readiness';
import type { AppDatabase } from '../../../db/open-database';
import { casePreconditions, criminalCases, districtSettings, hearingOutcomes, hearings } from '../../../db/schema';
import { loadDeadlineContext } from '../settings/district-settings';
import { derivedColumns, HEARING_TOOK_PLACE, type ReadinessInputs } from './derived-values';
import { firstRow, inTransaction, sqlRow } from '../context/query-results';

export { deadlinesOf, derivedColumns, utc, type DeadlineFacts, type NextLimitKind, type ReadinessInputs } from './derived-values';

/**
 * Bump when the deadline engine's rules or derivedColumns change: every district file is then
 * recomputed when it is next opened, so the cached limits never lag behind the engine.
 */
export const DERIVED_COLUMNS_VERSION = 7;
const VERSION_KEY = 'derived.columnsVersion';

/** Recomputes the derived columns of every case, and records the version (stamped `now`), in one transaction. */
export async function refreshDerivedColumns(db: AppDatabase, actor: string, now: Date): Promise<number> {
  const context = await loadDeadlineContext(db);
  return await inTransaction(db, async (tx) => {
    const rows = (await tx.select().from(criminalCases));
    const preconditions = await preconditionsByCase(tx);
    for (const row of rows) {
      await tx.update(criminalCases).set(derivedColumns(row, context, preconditions.get(row.id) ?? [])).where(eq(criminalCases.id, row.id));
    }
    const marker = { key: VERSION_KEY, value: DERIVED_COLUMNS_VERSION, updatedAt: now.toISOString(), updatedBy: actor };
    await tx.insert(districtSettings).values(marker).onConflictDoUpdate({ target: districtSettings.key, set: marker });
    return rows.length;
  });
}

/** The preconditions of one case, and its latest adjournment's resume date, as readiness reads them. */
export async function preconditionsOf(db: Pick<AppDatabase, 'select' | '$client'>, caseId: number): Promise<PreconditionFacts[] & { resumeFrom: string | null; hearingTookPlace: boolean }> {
  const list = (await db
    .select({ kind: casePreconditions.kind, status: casePreconditions.status, expectedOn: casePreconditions.expectedOn })
    .from(casePreconditions)
    .where(eq(casePreconditions.caseId, caseId)));
  // Whether a hearing took place, and the resume date of the latest adjournment by the court (null when never adjourned): one round trip.
  const heard = await sqlRow(db.$client, `select
      (select 1 from hearing_outcome o join hearing h on h.id = o.hearing_id where h.case_id = ? and o.outcome in (${HEARING_TOOK_PLACE.map(() => '?').join(', ')}) limit 1) as "tookPlace",
      (select o.resume_from from hearing_outcome o join hearing h on h.id = o.hearing_id where h.case_id = ? and o.outcome = 'adjourned' order by o.id desc limit 1) as "resumeFrom"`,
  [caseId, ...HEARING_TOOK_PLACE, caseId]) as { tookPlace: number | null; resumeFrom: string | null };
  return Object.assign(list, { resumeFrom: heard.resumeFrom ?? null, hearingTookPlace: heard.tookPlace !== null });
}

async function preconditionsByCase(db: Pick<AppDatabase, 'select'>): Promise<Map<number, ReadinessInputs>> {
  const byCase = new Map<number, PreconditionFacts[] & { resumeFrom?: string | null; hearingTookPlace?: boolean }>();
  const rows = (await db
    .select({ caseId: casePreconditions.caseId, kind: casePreconditions.kind, status: casePreconditions.status, expectedOn: casePreconditions.expectedOn })
    .from(casePreconditions));
  for (const { caseId, ...facts } of rows) {
    const list = byCase.get(caseId);
    if (list) list.push(facts);
    else byCase.set(caseId, [facts]);
  }
  // Latest adjournment per case (the highest outcome id wins).
  const adjournments = (await db
    .select({ caseId: hearings.caseId, resumeFrom: hearingOutcomes.resumeFrom })
    .from(hearingOutcomes)
    .innerJoin(hearings, eq(hearings.id, hearingOutcomes.hearingId))
    .where(eq(hearingOutcomes.outcome, 'adjourned'))
    .orderBy(hearingOutcomes.id));
  for (const { caseId, resumeFrom } of adjournments) {
    const list = byCase.get(caseId) ?? [];
    list.resumeFrom = resumeFrom;
    byCase.set(caseId, list);
  }
  const heard = (await db
    .select({ caseId: hearings.caseId })
    .from(hearingOutcomes)
    .innerJoin(hearings, eq(hearings.id, hearingOutcomes.hearingId))
    .where(inArray(hearingOutcomes.outcome, [...HEARING_TOOK_PLACE]))
    .groupBy(hearings.caseId));
  for (const { caseId } of heard) {
    const list = byCase.get(caseId) ?? [];
    list.hearingTookPlace = true;
    byCase.set(caseId, list);
  }
  return byCase;
}

/** Recomputes the derived columns when they were written by another version of the rules. */
export async function ensureDerivedColumnsCurrent(db: AppDatabase, now: Date): Promise<boolean> {
  const stored = firstRow(await db.select().from(districtSettings).where(eq(districtSettings.key, VERSION_KEY)));
  if (stored?.value === DERIVED_COLUMNS_VERSION) return false;
  await refreshDerivedColumns(db, 'system', now);
  return true;
}
