import { createHash } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { processedRequests } from '../../../db/schema';

/** Request ids are kept at least this long (a resend after a week still does nothing twice). */
export const REQUEST_ID_RETENTION_DAYS = 7;

export type StoredRequest = typeof processedRequests.$inferSelect;

export function hashInput(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\0').update(JSON.stringify(input ?? null)).digest('hex');
}

export function findProcessedRequest(db: AppDatabase, requestId: string): StoredRequest | undefined {
  return db.select().from(processedRequests).where(eq(processedRequests.requestId, requestId)).get();
}

/** Marks the request as done; called inside the write transaction of the operation itself. */
export function markRequestProcessed(db: AppDatabase, entry: { requestId: string; operation: string; inputHash: string; actor: string; at: Date }): void {
  db.insert(processedRequests)
    .values({ requestId: entry.requestId, operation: entry.operation, inputHash: entry.inputHash, actor: entry.actor, processedAt: entry.at.toISOString(), answer: null })
    .onConflictDoNothing()
    .run();
}

export function storeAnswer(db: AppDatabase, requestId: string, answer: unknown): void {
  db.update(processedRequests).set({ answer: answer as never }).where(eq(processedRequests.requestId, requestId)).run();
}

export function forgetOldRequests(db: AppDatabase, now: Date): number {
  const cutoff = new Date(now.getTime() - REQUEST_ID_RETENTION_DAYS * 24 * 3600 * 1000).toISOString();
  return db.delete(processedRequests).where(lt(processedRequests.processedAt, cutoff)).run().changes;
}
