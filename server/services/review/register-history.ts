import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { auditEvents } from '../../../db/schema';
import type { RegisterChange } from '../../../shared/review/register-schemas';

type Reader = Pick<AppDatabase, 'select'>;

/** The audit rows of register entries (creation and every change), oldest first, per entity id. */
export async function registerHistory(db: Reader, entityType: 'review_agreement' | 'work_signal', ids: number[]): Promise<Map<number, RegisterChange[]>> {
  const byId = new Map<number, RegisterChange[]>();
  if (ids.length === 0) return byId;
  const rows = (await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), inArray(auditEvents.entityId, ids)))
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id)));
  for (const row of rows) {
    const status = (row.details as { status?: { from?: unknown; to?: unknown } } | null)?.status;
    const change: RegisterChange = {
      occurredAt: row.occurredAt,
      actor: row.actor,
      action: row.action,
      fromStatus: typeof status?.from === 'string' ? status.from : null,
      toStatus: typeof status?.to === 'string' ? status.to : null,
      reason: row.reason,
    };
    const list = byId.get(row.entityId) ?? [];
    list.push(change);
    byId.set(row.entityId, list);
  }
  return byId;
}

/** The changed fields of an update as {field: {from, to}}; empty when nothing changed. */
export function changedFields<T extends Record<string, unknown>>(current: T, next: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(next)) {
    if (current[key] !== value) changes[key] = { from: current[key] ?? null, to: value ?? null };
  }
  return changes;
}
