import { eq } from 'drizzle-orm';
import type { CaseStatus } from '../../../shared/domain/case-status';
import { transitionRefusal } from '../../../shared/domain/case-lifecycle';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { firstRow } from '../context/query-results';

/** The database inside a transaction: the same handle (inTransaction passes it on). */
type Tx = AppDatabase;

/** Moves a case to a new status if the lifecycle allows it, with an audit row; call inside a transaction. */
export async function transitionCase(
  tx: Tx,
  caseId: number,
  to: CaseStatus,
  audit: { actor: string; reason?: string | null; details?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  const current = firstRow(await tx.select({ status: criminalCases.status }).from(criminalCases).where(eq(criminalCases.id, caseId)));
  if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${caseId} bestaat niet.`);
  const refusal = transitionRefusal(current.status, to);
  if (refusal) throw new ServiceError('CONFLICT', refusal);
  await tx.update(criminalCases).set({ status: to }).where(eq(criminalCases.id, caseId));
  await recordAudit(tx, {
    actor: audit.actor,
    action: 'case.status_changed',
    entityType: 'case',
    entityId: caseId,
    reason: audit.reason ?? null,
    details: { from: current.status, to, ...audit.details },
    occurredAt: now.toISOString(),
  });
}

export type { Tx };
