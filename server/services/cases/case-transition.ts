import { eq } from 'drizzle-orm';
import type { CaseStatus } from '../../../shared/domain/case-status';
import { transitionRefusal } from '../../../shared/domain/case-lifecycle';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';

type Tx = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];

/** Moves a case to a new status if the lifecycle allows it, with an audit row; call inside a transaction. */
export function transitionCase(
  tx: Tx,
  caseId: number,
  to: CaseStatus,
  audit: { actor: string; reason?: string | null; details?: Record<string, unknown> },
  now: Date,
): void {
  const current = tx.select({ status: criminalCases.status }).from(criminalCases).where(eq(criminalCases.id, caseId)).get();
  if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${caseId} bestaat niet.`);
  const refusal = transitionRefusal(current.status, to);
  if (refusal) throw new ServiceError('CONFLICT', refusal);
  tx.update(criminalCases).set({ status: to }).where(eq(criminalCases.id, caseId)).run();
  recordAudit(tx, {
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
