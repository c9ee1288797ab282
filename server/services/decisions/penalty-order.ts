import { desc, eq, and } from 'drizzle-orm';
import { instantOf } from '../../../shared/calendar/amsterdam-time';
import type { ParsedInput } from '../../../shared/api/contract';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases, decisions, zsmDecisions } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { getDecision } from './decision-view';
import { setDecisionMoments, syncHandoff, writeSanctions } from '../outcomes/decision-writes';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

/**
 * Records the OM strafbeschikking of a case the ZSM table decided that way: the decision (decided
 * when the OvJ decided at the table), its sanctions, the moment it was handed to the person (the
 * verzet term, and so the CJIB countdown, runs from it) and its hand-off to CJIB. The case stays
 * 'zsm_decided' until the batch export hands it to CJIB.
 */
export async function recordPenaltyOrder(db: AppDatabase, input: ParsedInput<'decisions.recordPenaltyOrder'>, actor: string, now: Date) {
  const context = await loadDeadlineContext(db);
  const decisionId = await inTransaction(db, async (tx) => {
    const c = firstRow(await tx.select().from(criminalCases).where(eq(criminalCases.id, input.caseId)));
    if (!c) throw new ServiceError('NOT_FOUND', `Zaak ${input.caseId} bestaat niet.`);
    const zsm = firstRow(await tx.select().from(zsmDecisions).where(eq(zsmDecisions.caseId, c.id)).orderBy(desc(zsmDecisions.id)).limit(1));
    if (c.status !== 'zsm_decided' || zsm?.outcome !== 'strafbeschikking') {
      throw new ServiceError('CONFLICT', `Zaak ${c.parketnummer} heeft geen ZSM-beslissing 'strafbeschikking' die nog moet worden vastgelegd.`);
    }
    const existing = firstRow(await tx.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.caseId, c.id), eq(decisions.kind, 'penalty_order'))));
    if (existing) throw new ServiceError('CONFLICT', `De strafbeschikking van zaak ${c.parketnummer} is al vastgelegd; corrigeer haar via de beslissing.`);
    const delivered = instantOf(input.deliveredAt);
    if (delivered < Date.parse(zsm.decidedAt)) throw new ServiceError('INVALID_INPUT', 'Het tijdstip van uitreiking ligt vóór de ZSM-beslissing.');
    if (delivered > now.getTime() + 60_000) throw new ServiceError('INVALID_INPUT', 'Het tijdstip van uitreiking ligt in de toekomst.');
    const deliveredAt = new Date(delivered).toISOString();
    const recordedAt = now.toISOString();
    const decision = returnedRow(await tx
      .insert(decisions)
      .values({
        caseId: c.id,
        kind: 'penalty_order',
        decidedAt: zsm.decidedAt,
        decidedBy: input.decidedBy,
        conditions: input.conditions || null,
        fitForCommunityService: input.signals.fitForCommunityService,
        fitForDetention: input.signals.fitForDetention,
        paymentArrangement: input.signals.paymentArrangement,
        problematicDebts: input.signals.problematicDebts,
        signalsNote: input.signals.note || null,
        recordedBy: actor,
        recordedAt,
      })
      .returning({ id: decisions.id }));
    const { after } = await writeSanctions(tx, decision.id, input.sanctions);
    await recordAudit(tx, {
      actor,
      action: 'decision.recorded',
      entityType: 'decision',
      entityId: decision.id,
      details: { caseId: c.id, kind: 'penalty_order', decidedAt: zsm.decidedAt, deliveredAt, decidedBy: input.decidedBy, sanctions: after, conditions: input.conditions, signals: input.signals },
      occurredAt: recordedAt,
    });
    await recordAudit(tx, { actor, action: 'case.penalty_order_delivered', entityType: 'case', entityId: c.id, details: { decisionId: decision.id, penaltyOrderDeliveredAt: deliveredAt }, occurredAt: recordedAt });
    await syncHandoff(tx, decision.id, actor, now);
    await setDecisionMoments(tx, c.id, context, { penaltyOrderDeliveredAt: deliveredAt });
    return decision.id;
  });
  return await getDecision(db, decisionId);
}
