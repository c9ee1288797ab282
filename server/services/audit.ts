import type { AppDatabase } from '../../db/open-database';
import { auditEvents } from '../../db/schema';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: number;
  reason?: string | null;
  details?: unknown;
  occurredAt: string;
}

/** Writes one audit row. Call it inside the same transaction as the change it records. */
export function recordAudit(db: Pick<AppDatabase, 'insert'>, entry: AuditEntry): void {
  db.insert(auditEvents)
    .values({
      occurredAt: entry.occurredAt,
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      reason: entry.reason ?? null,
      details: entry.details ?? null,
    })
    .run();
}
