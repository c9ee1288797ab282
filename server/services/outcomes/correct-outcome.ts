import { verdictOf } from '../../../shared/outcomes/outcome-record';
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api/contract';
import { resumeFromRefusal } from '../../../shared/outcomes/outcome-record';
import type { AppDatabase } from '../../../db/open-database';
import { cjibHandoffs, decisions, hearingOutcomes } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { getDecision } from '../decisions/decision-view';
import { setDecisionMoments, syncHandoff, writeSanctions } from './decision-writes';
import { judgmentMoment, loadHearingFacts } from './hearing-facts';
import type { OutcomeClock } from './record-outcome';
import { sanctionsOfRecord } from './record-outcome';
import { firstRow, inTransaction } from '../context/query-results';

const OUTCOME_LABELS = { decided: 'uitspraak', adjourned: 'aangehouden', not_appeared: 'niet verschenen', withdrawn: 'ingetrokken' } as const;

/**
 * Corrects a recorded outcome within its kind, with a reason; the audit keeps the old and the new
 * values. A judgment can be corrected here only while it has never been sent to CJIB (after a
 * return, decisions.update corrects it). Changing the kind (say a judgment into an adjournment) is
 * refused: the case has moved on in its lifecycle, and that cannot be silently undone.
 */
export async function correctOutcome(db: AppDatabase, input: ParsedInput<'outcomes.correct'>, clock: OutcomeClock) {
  const { record, reason } = input;
  const context = await loadDeadlineContext(db);
  const { actor, now } = clock;
  const result = await inTransaction(db, async (tx) => {
    const facts = await loadHearingFacts(tx, record.hearingId);
    const old = facts.outcome;
    if (!old) throw new ServiceError('CONFLICT', `Voor zaak ${facts.case.parketnummer} is op deze zitting nog geen uitkomst vastgelegd: leg die eerst vast.`);
    if (old.outcome !== record.outcome) {
      throw new ServiceError(
        'CONFLICT',
        `De vastgelegde uitkomst '${OUTCOME_LABELS[old.outcome]}' kan niet worden omgezet in '${OUTCOME_LABELS[record.outcome]}': corrigeer binnen dezelfde uitkomst, of leg de zaak opnieuw op de rol.`,
      );
    }
    const audit = async (details: Record<string, unknown>) =>
      await recordAudit(tx, { actor, action: 'outcome.corrected', entityType: 'hearing', entityId: facts.hearing.id, reason, details: { caseId: facts.case.id, outcome: record.outcome, ...details }, occurredAt: now.toISOString() });

    if (record.outcome === 'decided') {
      const decision = firstRow(await tx.select().from(decisions).where(eq(decisions.hearingId, facts.hearing.id)));
      if (!decision) throw new ServiceError('NOT_FOUND', 'De beslissing bij deze uitkomst ontbreekt.');
      const handoff = firstRow(await tx.select().from(cjibHandoffs).where(eq(cjibHandoffs.decisionId, decision.id)));
      if (handoff && (handoff.attempt > 0 || handoff.status !== 'waiting')) {
        throw new ServiceError('CONFLICT', 'De uitspraak is al naar het CJIB gestuurd: corrigeer haar na een retour via de beslissing (niet via de uitkomst).');
      }
      if (facts.case.status === 'completed' && verdictOf(sanctionsOfRecord(record)) === 'sanctions') {
        throw new ServiceError('CONFLICT', 'De zaak is afgerond zonder straf of maatregel; een straf achteraf kan hier niet worden toegevoegd. Neem contact op met de functioneel beheerder.');
      }
      const decidedAt = judgmentMoment(record.decidedAt ?? decision.decidedAt, facts.session, now);
      const next = {
        decidedAt,
        decidedBy: record.decidedBy,
        suspectPresent: record.suspectPresent,
        conditions: record.conditions || null,
        fitForCommunityService: record.signals.fitForCommunityService,
        fitForDetention: record.signals.fitForDetention,
        paymentArrangement: record.signals.paymentArrangement,
        problematicDebts: record.signals.problematicDebts,
        signalsNote: record.signals.note || null,
      };
      await tx.update(decisions).set(next).where(eq(decisions.id, decision.id));
      await tx.update(hearingOutcomes).set({ suspectPresent: record.suspectPresent, note: record.note ?? null }).where(eq(hearingOutcomes.id, old.id));
      const sanctions = await writeSanctions(tx, decision.id, sanctionsOfRecord(record));
      await syncHandoff(tx, decision.id, actor, now);
      await setDecisionMoments(tx, facts.case.id, context, { judgmentAt: decidedAt });
      const previous = Object.fromEntries(Object.keys(next).map((key) => [key, decision[key as keyof typeof next]]));
      await audit({ decisionId: decision.id, old: { ...previous, sanctions: sanctions.before }, new: { ...next, sanctions: sanctions.after } });
      return decision.id;
    }
    if (record.outcome === 'adjourned') {
      const refusal = resumeFromRefusal(record.resumeFrom, clock.today);
      if (refusal) throw new ServiceError('INVALID_INPUT', refusal);
      const next = { suspectPresent: record.suspectPresent, adjournmentReason: record.reason, resumeFrom: record.resumeFrom, note: record.note ?? null };
      await tx.update(hearingOutcomes).set(next).where(eq(hearingOutcomes.id, old.id));
      await setDecisionMoments(tx, facts.case.id, context, {});
      await audit({ old: { suspectPresent: old.suspectPresent, adjournmentReason: old.adjournmentReason, resumeFrom: old.resumeFrom, note: old.note }, new: next });
      return null;
    }
    const next = { adjournmentReason: record.reason, note: record.note ?? null };
    await tx.update(hearingOutcomes).set(next).where(eq(hearingOutcomes.id, old.id));
    await audit({ old: { adjournmentReason: old.adjournmentReason, note: old.note }, new: next });
    return null;
  });
  const facts = await inTransaction(db, async (tx) => await loadHearingFacts(tx, record.hearingId));
  return { hearingId: record.hearingId, caseId: facts.case.id, outcome: record.outcome, decision: result === null ? null : await getDecision(db, result) };
}
