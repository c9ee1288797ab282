import { createHash } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { processedRequests } from '../../../db/schema';
import { changedRows, firstRow } from './query-results';

/** Request ids are kept at least this long (a resend after a week still does nothing twice). */
export const REQUEST_ID_RETENTION_DAYS = 7;

export type StoredRequest = typeof processedRequests.$inferSelect;

export function hashInput(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\0').update(JSON.stringify(input ?? null)).digest('hex');
}

export async function findProcessedRequest(db: AppDatabase, requestId: string): Promise<StoredRequest | undefined> {
  return firstRow(await db.select().from(processedRequests).where(eq(processedRequests.requestId, requestId)));
}

/** Marks the request as done; called inside the write transaction of the operation itself. */
export async function markRequestProcessed(db: AppDatabase, entry: { requestId: string; operation: string; inputHash: string; actor: string; at: Date }): Promise<void> {
  await db.insert(processedRequests)
    .values({ requestId: entry.requestId, operation: entry.operation, inputHash: entry.inputHash, actor: entry.actor, processedAt: entry.at.toISOString(), answer: null })
    .onConflictDoNothing();
}

/**
 * Marks the request as done if no operation has used its id yet: true when this call marked it. Inside the
 * operation's own transaction (PostgreSQL), as its first write: a refusal undoes the mark with the rest.
 */
export async function claimRequest(db: AppDatabase, entry: { requestId: string; operation: string; inputHash: string; actor: string; at: Date }): Promise<boolean> {
  const rows = await db.insert(processedRequests)
    .values({ requestId: entry.requestId, operation: entry.operation, inputHash: entry.inputHash, actor: entry.actor, processedAt: entry.at.toISOString(), answer: null })
    .onConflictDoNothing()
    .returning({ requestId: processedRequests.requestId });
  return rows.length > 0;
}

export async function storeAnswer(db: AppDatabase, requestId: string, answer: unknown): Promise<void> {
  await db.update(processedRequests).set({ answer: answer as never }).where(eq(processedRequests.requestId, requestId));
}

export async function forgetOldRequests(db: AppDatabase, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - REQUEST_ID_RETENTION_DAYS * 24 * 3600 * 1000).toISOString();
  return changedRows(await db.delete(processedRequests).where(lt(processedRequests.processedAt, cutoff)));
}
