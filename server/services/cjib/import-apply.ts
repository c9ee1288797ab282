import { eq, sql } from 'drizzle-orm';
import { EXECUTION_STATUS_LABELS, throughputDays } from '../../../shared/cjib/execution-rules';
import { describeReturnReason } from '../../../shared/cjib/return-reasons';
import type { CaseStatus } from '../../../shared/domain/case-status';
import { cjibHandoffs, cjibMessages, criminalCases, sanctionExecutions } from '../../../db/schema';
import { recordAudit } from '../audit';
import { transitionCase, type Tx } from '../cases/case-transition';
import type { ImportStep } from './import-plan';

export interface ApplyContext {
  actor: string;
  fileName: string;
  /** ISO instant of the import. */
  importedAt: string;
}

/** Writes the checked steps; call inside the transaction that checked them. */
export function applyImport(tx: Tx, steps: readonly ImportStep[], context: ApplyContext): void {
  for (const step of steps) applyStep(tx, step, context);
}

function applyStep(tx: Tx, step: ImportStep, context: ApplyContext): void {
  const { handoff, message } = step;
  const { actor, fileName, importedAt } = context;
  const messageId = tx
    .insert(cjibMessages)
    .values({
      messageKey: step.key,
      kind: message.type,
      handoffId: handoff.id,
      attempt: message.type === 'execution' ? handoff.attempt : message.attempt,
      occurredAt: message.at,
      fileName,
      importedAt,
      importedBy: actor,
      payload: step.raw,
    })
    .returning({ id: cjibMessages.id })
    .get().id;
  const audit = (action: string, details: Record<string, unknown>, reason: string | null = null) =>
    recordAudit(tx, {
      actor,
      action,
      entityType: 'cjib_handoff',
      entityId: handoff.id,
      reason,
      details: { caseId: handoff.caseId, correlationId: handoff.correlationId, messageId, fileName, at: message.at, ...details },
      occurredAt: importedAt,
    });
  const moveCase = (to: CaseStatus, reason: string, details: Record<string, unknown> = {}) => {
    const current = tx.select({ status: criminalCases.status }).from(criminalCases).where(eq(criminalCases.id, handoff.caseId)).get();
    if (current?.status !== to) transitionCase(tx, handoff.caseId, to, { actor, reason, details: { handoffId: handoff.id, messageId, ...details } }, new Date(importedAt));
  };

  switch (step.kind) {
    case 'outdated':
      audit('cjib.outdated_message_recorded', { kind: step.message.type, attempt: step.message.attempt, currentAttempt: handoff.attempt });
      return;
    case 'ack':
      tx.update(cjibHandoffs).set({ status: 'acknowledged', acknowledgedAt: step.message.at }).where(eq(cjibHandoffs.id, handoff.id)).run();
      audit('cjib.acknowledged', { attempt: step.message.attempt });
      moveCase('in_execution', `Ontvangst bevestigd door het CJIB (poging ${step.message.attempt})`);
      if (step.completesCase) moveCase('completed', 'Niets ten uitvoer te leggen: alleen voorwaardelijke straffen of andere maatregelen');
      return;
    case 'return': {
      const { attempt, reasonCode, reasonText } = step.message;
      tx.update(cjibHandoffs)
        .set({ status: 'returned', returnedAt: step.message.at, returnCode: reasonCode, returnReason: reasonText, returnCount: sql`${cjibHandoffs.returnCount} + 1` })
        .where(eq(cjibHandoffs.id, handoff.id))
        .run();
      const reason = `Retour van het CJIB: ${describeReturnReason(reasonCode, reasonText)}`;
      audit('cjib.returned', { attempt, reasonCode, reasonText }, reason);
      moveCase('returned_from_cjib', reason, { reasonCode });
      return;
    }
    case 'execution': {
      const { sanctionId, status } = step.message;
      tx.insert(sanctionExecutions).values({ sanctionId, status, occurredAt: step.message.at, messageId }).run();
      recordAudit(tx, {
        actor,
        action: 'sanction.execution_reported',
        entityType: 'sanction',
        entityId: sanctionId,
        reason: EXECUTION_STATUS_LABELS[status],
        details: { caseId: handoff.caseId, handoffId: handoff.id, status, at: step.message.at, messageId, fileName },
        occurredAt: importedAt,
      });
      if (step.completesCase) {
        const started = tx.select({ offenceAt: criminalCases.offenceAt, arrestedAt: criminalCases.arrestedAt }).from(criminalCases).where(eq(criminalCases.id, handoff.caseId)).get();
        moveCase('completed', 'Alle sancties zijn ten uitvoer gelegd', {
          completedAt: step.completesCase,
          throughputDays: throughputDays(started?.offenceAt ?? started?.arrestedAt, step.completesCase),
        });
      }
      return;
    }
  }
}
