import type { AppDatabase } from '../../db/open-database';
import { auditEvents } from '../../db/schema';
import { returnedRow } from './context/query-results';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: number;
  reason?: string | null;
  details?: unknown;
  occurredAt: string;
}

/** Writes one audit row and returns its id. Call it inside the same transaction as the change it records. */
export async function recordAudit(db: Pick<AppDatabase, 'insert'>, entry: AuditEntry): Promise<number> {
  return returnedRow(await db.insert(auditEvents)
    .values({
      occurredAt: entry.occurredAt,
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      reason: entry.reason ?? null,
      details: entry.details ?? null,
    })
    .returning({ id: auditEvents.id })).id;
}

/** Writes one audit row without reading it back: a refusal is written by a connection that may read no audit rows (db/pg-migrations/0007). */
export async function appendAudit(db: Pick<AppDatabase, 'insert'>, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    occurredAt: entry.occurredAt,
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
  });
}

/**
 * Writes several audit rows with one statement, in the order given (their ids rise in that order), as
 * recordAudit would one after the other. Call it inside the transaction of the changes they record.
 */
export async function recordAudits(db: Pick<AppDatabase, 'insert'>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditEvents).values(
    entries.map((entry) => ({
      occurredAt: entry.occurredAt,
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      reason: entry.reason ?? null,
      details: entry.details ?? null,
    })),
  );
}
