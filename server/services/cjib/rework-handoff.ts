import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { describeReturnReason, returnFieldsOf } from '../../../shared/cjib/return-reasons';
import { cjibHandoffs } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { evaluateHandoff, handoffDeadlines, loadHandoffFacts } from './queue-facts';
import { inTransaction, sqlRow, sqlRows } from '../context/query-results';

const DETAIL_LABELS = { fullName: 'Naam verdachte', dateOfBirth: 'Geboortedatum', summonsAddress: 'Adres voor dagvaarding' } as const;

/**
 * Whether what the return concerns was corrected after it came back, read from the audit trail: a
 * case.details_changed of the case touching one of the return's fields, or a decision.corrected of the
 * decision. Returns the Dutch refusal, or null when corrected (or when the return names no field).
 */
async function uncorrectedSinceReturn(db: AppDatabase, facts: { handoffId: number; caseId: number; decisionId: number; returnCode: string | null; returnReason: string | null }): Promise<string | null> {
  const fields = returnFieldsOf(facts.returnCode, facts.returnReason);
  if (fields.caseFields.length === 0 && !fields.decision) return null;
  // The return's own audit row; for a hand-off returned before the import recorded one, its last send.
  const baseline = await sqlRow(db.$client, `select coalesce(
         (select max(id) from audit_event where action = 'cjib.returned' and entity_type = 'cjib_handoff' and entity_id = @handoffId),
         (select max(id) from audit_event where action = 'cjib.handoff_sent' and entity_type = 'cjib_handoff' and entity_id = @handoffId),
         0) as id`, [{ handoffId: facts.handoffId }]) as { id: number };
  const changes = await sqlRows(db.$client, `select action, details from audit_event where id > @after
         and ((action = 'case.details_changed' and entity_type = 'case' and entity_id = @caseId)
           or (action = 'decision.corrected' and entity_type = 'decision' and entity_id = @decisionId))`, [{ after: baseline.id, caseId: facts.caseId, decisionId: facts.decisionId }]) as { action: string; details: string | null }[];
  const corrected = changes.some((c) =>
    c.action === 'decision.corrected' ? fields.decision : fields.caseFields.some((f) => f in ((c.details ? JSON.parse(c.details) : {}) as Record<string, unknown>)),
  );
  if (corrected) return null;
  const what = [...fields.caseFields.map((f) => DETAIL_LABELS[f]), ...(fields.decision ? ['de beslissing (Beslissing corrigeren)'] : [])].join(', ');
  return `Na de retour (${describeReturnReason(facts.returnCode ?? '', facts.returnReason)}) is er nog niets gecorrigeerd: corrigeer eerst ${what} op de zaakpagina, met een reden, en markeer de beslissing daarna als verwerkt.`;
}

/**
 * Marks a returned hand-off as reworked (the decision or the suspect's details were corrected on the
 * case page): it is waiting again and goes in the next batch with its next attempt. Only when the
 * completeness check passes and what the return concerns changed since it came back.
 */
export async function markHandoffReworked(
  db: AppDatabase,
  input: { handoffId: number; reason: string },
  actor: string,
  now: Date,
): Promise<{ handoffId: number; status: 'waiting' }> {
  const context = await loadDeadlineContext(db);
  return await inTransaction(db, async (tx) => {
    const [facts] = await loadHandoffFacts(tx, { handoffIds: [input.handoffId] });
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
    const uncorrected = await uncorrectedSinceReturn(db, {
      handoffId: handoff.id,
      caseId: caseRow.id,
      decisionId: facts.decision.id,
      returnCode: handoff.returnCode,
      returnReason: handoff.returnReason,
    });
    if (uncorrected) throw new ServiceError('CONFLICT', `${caseRow.parketnummer}: ${uncorrected}`);
    await tx.update(cjibHandoffs).set({ status: 'waiting' }).where(eq(cjibHandoffs.id, handoff.id));
    await recordAudit(tx, {
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
