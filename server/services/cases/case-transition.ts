import { and, eq } from 'drizzle-orm';
import type { CaseStatus } from '../../../shared/domain/case-status';
import { transitionRefusal } from '../../../shared/domain/case-lifecycle';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases } from '../../../db/schema';
import { recordAudit, type AuditEntry } from '../audit';
import { ServiceError } from '../service-error';
import { changedRows, firstRow } from '../context/query-results';

/** The database inside a transaction: the same handle (inTransaction passes it on). */
type Tx = AppDatabase;

export interface TransitionOptions {
  /**
   * The case's status as this transaction last wrote or read it: no SELECT first, the UPDATE checks it
   * (WHERE status = from); should the case stand otherwise after all, it is read and refused as without.
   */
  from?: CaseStatus;
  /** Collects the audit row here (the caller writes them together, recordAudits) instead of writing it at once. */
  audits?: AuditEntry[];
}

/** Moves a case to a new status if the lifecycle allows it, with an audit row; call inside a transaction. */
export async function transitionCase(
  tx: Tx,
  caseId: number,
  to: CaseStatus,
  audit: { actor: string; reason?: string | null; details?: Record<string, unknown> },
  now: Date,
  options: TransitionOptions = {},
): Promise<void> {
  let from = options.from;
  if (from !== undefined && transitionRefusal(from, to) === null) {
    const changed = changedRows(await tx.update(criminalCases).set({ status: to }).where(and(eq(criminalCases.id, caseId), eq(criminalCases.status, from))));
    if (changed !== 1) from = undefined;
  } else {
    from = undefined;
  }
  if (from === undefined) {
    const current = firstRow(await tx.select({ status: criminalCases.status }).from(criminalCases).where(eq(criminalCases.id, caseId)));
    if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${caseId} bestaat niet.`);
    const refusal = transitionRefusal(current.status, to);
    if (refusal) throw new ServiceError('CONFLICT', refusal);
    await tx.update(criminalCases).set({ status: to }).where(eq(criminalCases.id, caseId));
    from = current.status;
  }
  const entry: AuditEntry = {
    actor: audit.actor,
    action: 'case.status_changed',
    entityType: 'case',
    entityId: caseId,
    reason: audit.reason ?? null,
    details: { from, to, ...audit.details },
    occurredAt: now.toISOString(),
  };
  if (options.audits) options.audits.push(entry);
  else await recordAudit(tx, entry);
}

export type { Tx };
