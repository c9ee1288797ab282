import { eq, sql } from 'drizzle-orm';
import { EXECUTION_STATUS_LABELS, throughputDays } from '../../../shared/cjib/execution-rules';
import { describeReturnReason } from '../../../shared/cjib/return-reasons';
import type { CaseStatus } from '../../../shared/domain/case-status';
import { cjibHandoffs, cjibMessages, criminalCases, sanctionExecutions } from '../../../db/schema';
import { recordAudit } from '../audit';
import { transitionCase, type Tx } from '../cases/case-transition';
import type { ImportStep } from './import-plan';
import { firstRow, returnedRow } from '../context/query-results';

export interface ApplyContext {
  actor: string;
  fileName: string;
  /** ISO instant of the import. */
  importedAt: string;
}

/** Writes the checked steps; call inside the transaction that checked them. */
export async function applyImport(tx: Tx, steps: readonly ImportStep[], context: ApplyContext): Promise<void> {
  for (const step of steps) await applyStep(tx, step, context);
}

async function applyStep(tx: Tx, step: ImportStep, context: ApplyContext): Promise<void> {
  const { handoff, message } = step;
  const { actor, fileName, importedAt } = context;
  const messageId = returnedRow(await tx
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
    .returning({ id: cjibMessages.id })).id;
  const audit = async (action: string, details: Record<string, unknown>, reason: string | null = null) =>
    await recordAudit(tx, {
      actor,
      action,
      entityType: 'cjib_handoff',
      entityId: handoff.id,
      reason,
      details: { caseId: handoff.caseId, correlationId: handoff.correlationId, messageId, fileName, at: message.at, ...details },
      occurredAt: importedAt,
    });
  const moveCase = async (to: CaseStatus, reason: string, details: Record<string, unknown> = {}) => {
    const current = firstRow(await tx.select({ status: criminalCases.status }).from(criminalCases).where(eq(criminalCases.id, handoff.caseId)));
    if (current?.status !== to) await transitionCase(tx, handoff.caseId, to, { actor, reason, details: { handoffId: handoff.id, messageId, ...details } }, new Date(importedAt));
  };

  switch (step.kind) {
    case 'outdated':
      await audit('cjib.outdated_message_recorded', { kind: step.message.type, attempt: step.message.attempt, currentAttempt: handoff.attempt });
      return;
    case 'ack':
      await tx.update(cjibHandoffs).set({ status: 'acknowledged', acknowledgedAt: step.message.at }).where(eq(cjibHandoffs.id, handoff.id));
      await audit('cjib.acknowledged', { attempt: step.message.attempt });
      await moveCase('in_execution', `Ontvangst bevestigd door het CJIB (poging ${step.message.attempt})`);
      if (step.completesCase) await moveCase('completed', 'Niets ten uitvoer te leggen: alleen voorwaardelijke straffen of andere maatregelen');
      return;
    case 'return': {
      const { attempt, reasonCode, reasonText } = step.message;
      await tx.update(cjibHandoffs)
        .set({ status: 'returned', returnedAt: step.message.at, returnCode: reasonCode, returnReason: reasonText, returnCount: sql`${cjibHandoffs.returnCount} + 1` })
        .where(eq(cjibHandoffs.id, handoff.id));
      const reason = `Retour van het CJIB: ${describeReturnReason(reasonCode, reasonText)}`;
      await audit('cjib.returned', { attempt, reasonCode, reasonText }, reason);
      await moveCase('returned_from_cjib', reason, { reasonCode });
      return;
    }
    case 'execution': {
      const { sanctionId, status } = step.message;
      await tx.insert(sanctionExecutions).values({ sanctionId, status, occurredAt: step.message.at, messageId });
      await recordAudit(tx, {
        actor,
        action: 'sanction.execution_reported',
        entityType: 'sanction',
        entityId: sanctionId,
        reason: EXECUTION_STATUS_LABELS[status],
        details: { caseId: handoff.caseId, handoffId: handoff.id, status, at: step.message.at, messageId, fileName },
        occurredAt: importedAt,
      });
      if (step.completesCase) {
        const started = firstRow(await tx.select({ offenceAt: criminalCases.offenceAt, arrestedAt: criminalCases.arrestedAt }).from(criminalCases).where(eq(criminalCases.id, handoff.caseId)));
        await moveCase('completed', 'Alle sancties zijn ten uitvoer gelegd', {
          completedAt: step.completesCase,
          throughputDays: throughputDays(started?.offenceAt ?? started?.arrestedAt, step.completesCase),
        });
      }
      return;
    }
  }
}
