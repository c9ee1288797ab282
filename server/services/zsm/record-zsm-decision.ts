import { eq } from 'drizzle-orm';
import { needsArrestTime } from '../../../shared/domain/case-lifecycle';
import { SUMMONS_MODALITY, type OtherRoute, type ZsmOutcome } from '../../../shared/domain/zsm-outcome';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases, zsmDecisions } from '../../../db/schema';
import { recordAudits, type AuditEntry } from '../audit';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { transitionCase } from '../cases/case-transition';
import { derivedColumns, preconditionsOf } from '../cases/derived-columns';
import { firstRow, inTransaction, returnedRow, sqlRows } from '../context/query-results';
import { expectKnownVersion } from '../context/versions';

export interface ZsmDecisionInput {
  caseId: number;
  outcome: ZsmOutcome;
  otherRoute: OtherRoute | null;
  prosecutorName: string;
  reason: string;
}

/**
 * Records what the OvJ decided at the ZSM table, with who, when and why. A summons puts the case in
 * the planning queue with its new modality and recomputed limits (a detained modality needs the arrest
 * time). A strafbeschikking waits until its content and delivery are recorded
 * (decisions.recordPenaltyOrder: see pendingPenaltyOrders), which creates its CJIB hand-off; sepot
 * and other routes complete the case.
 */
export async function recordZsmDecision(db: AppDatabase, input: ZsmDecisionInput, actor: string, now: Date, options: { expectedVersion?: number } = {}): Promise<void> {
  const context = await loadDeadlineContext(db);
  await inTransaction(db, async (tx) => {
    const current = firstRow(await tx.select().from(criminalCases).where(eq(criminalCases.id, input.caseId)));
    if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${input.caseId} bestaat niet.`);
    // A stale edit is refused before anything is written (expectVersion, with the version just read).
    if (options.expectedVersion !== undefined) await expectKnownVersion(tx, 'case', current.id, options.expectedVersion, current.version);
    const decidedAt = now.toISOString();
    const decision = returnedRow(await tx
      .insert(zsmDecisions)
      .values({ ...input, decidedAt, recordedBy: actor })
      .returning({ id: zsmDecisions.id }));
    // The audit rows in the order of the steps, written together at the end (one statement).
    const audits: AuditEntry[] = [];
    await transitionCase(tx, input.caseId, 'zsm_decided', { actor, reason: input.reason, details: { zsmDecisionId: decision.id, outcome: input.outcome } }, now, { from: current.status, audits });
    audits.push({
      actor,
      action: 'zsm.decided',
      entityType: 'case',
      entityId: input.caseId,
      reason: input.reason,
      details: { outcome: input.outcome, otherRoute: input.otherRoute, prosecutorName: input.prosecutorName },
      occurredAt: decidedAt,
    });

    const modality = SUMMONS_MODALITY[input.outcome];
    if (modality && needsArrestTime(modality) && !current.arrestedAt) {
      throw new ServiceError('CONFLICT', 'Vul eerst het tijdstip van aanhouding in: zonder dat is de termijn van een gedetineerde zaak niet te bewaken.');
    }
    if (input.outcome === 'sepot' || input.outcome === 'other_route') {
      await transitionCase(tx, input.caseId, 'completed', { actor, reason: input.reason, details: { outcome: input.outcome } }, now, { from: 'zsm_decided', audits });
    }
    if (modality) {
      const changed = { ...current, modality, fillerKind: null };
      await tx.update(criminalCases).set({ modality, fillerKind: null, ...derivedColumns(changed, context, await preconditionsOf(tx, input.caseId)) }).where(eq(criminalCases.id, input.caseId));
      if (modality !== current.modality) {
        audits.push({
          actor,
          action: 'case.modality_changed',
          entityType: 'case',
          entityId: input.caseId,
          reason: input.reason,
          details: { from: current.modality, to: modality },
          occurredAt: decidedAt,
        });
      }
      await transitionCase(tx, input.caseId, 'awaiting_planning', { actor, reason: 'Dagvaarding na ZSM-beslissing' }, now, { from: 'zsm_decided', audits });
    }
    await recordAudits(tx, audits);
  });
}

/**
 * Cases whose latest ZSM outcome is a strafbeschikking whose decision (sanctions, delivery) has not
 * been recorded yet: the OM's to-do list before the hand-off to CJIB can start.
 */
export async function pendingPenaltyOrders(db: AppDatabase): Promise<number[]> {
  return (await sqlRows(db.$client, `select c.id from criminal_case c
       where c.status = 'zsm_decided'
         and (select d.outcome from zsm_decision d where d.case_id = c.id order by d.id desc limit 1) = 'strafbeschikking'
         and not exists (select 1 from decision x where x.case_id = c.id and x.kind = 'penalty_order')
       order by c.id`))
    .map((r) => (r as { id: number }).id);
}
