import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { cjibHandoffs } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { evaluateHandoff, handoffDeadlines, loadHandoffFacts } from './queue-facts';

/**
 * Marks a returned hand-off as reworked (the decision was corrected on the case page): it is waiting
 * again and goes in the next batch with its next attempt. Only when the completeness check passes.
 */
export function markHandoffReworked(
  db: AppDatabase,
  input: { handoffId: number; reason: string },
  actor: string,
  now: Date,
): { handoffId: number; status: 'waiting' } {
  const context = loadDeadlineContext(db);
  return db.transaction((tx) => {
    const [facts] = loadHandoffFacts(tx, { handoffIds: [input.handoffId] });
    if (!facts) throw new ServiceError('NOT_FOUND', `Overdracht ${input.handoffId} bestaat niet.`);
    const { handoff, caseRow } = facts;
    if (handoff.status !== 'returned') {
      throw new ServiceError('CONFLICT', `${caseRow.parketnummer}: alleen een beslissing die retour is gekomen kan als hersteld worden gemarkeerd.`);
    }
    const result = evaluateHandoff(facts, handoffDeadlines(facts, context), now.getTime());
    if (!result.sendable) {
      throw new ServiceError(
        'CONFLICT',
        `${caseRow.parketnummer} is nog niet compleet; herstel eerst: ${result.problems.map((p) => p.message).join('; ')}`,
      );
    }
    tx.update(cjibHandoffs).set({ status: 'waiting' }).where(eq(cjibHandoffs.id, handoff.id)).run();
    recordAudit(tx, {
      actor,
      action: 'cjib.handoff_reworked',
      entityType: 'cjib_handoff',
      entityId: handoff.id,
      reason: input.reason,
      details: { returnCode: handoff.returnCode, returnCount: handoff.returnCount, attempt: handoff.attempt, caseId: caseRow.id },
      occurredAt: now.toISOString(),
    });
    return { handoffId: handoff.id, status: 'waiting' as const };
  });
}
