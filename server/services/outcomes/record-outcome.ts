import { verdictOf } from '../../../shared/outcomes/outcome-record';
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api/contract';
import { resumeFromRefusal, VERDICT_DESCRIPTIONS, type OutcomeRecord } from '../../../shared/outcomes/outcome-record';
import type { SanctionInput } from '../../../shared/outcomes/sanction-rules';
import type { AppDatabase } from '../../../db/open-database';
import { decisions, hearingOutcomes, hearings } from '../../../db/schema';
import { recordAudits, type AuditEntry } from '../audit';
import type { Tx } from '../cases/case-transition';
import { ServiceError } from '../service-error';
import { loadDeadlineContext, type DeadlineContext } from '../settings/district-settings';
import { getDecision } from '../decisions/decision-view';
import { setDecisionMoments, syncHandoff, writeSanctions } from './decision-writes';
import { assertHearingCanHaveOutcome, judgmentMoment, loadHearingFacts, moveCase, type HearingFacts } from './hearing-facts';
import { inTransaction, returnedRow } from '../context/query-results';

export interface OutcomeClock {
  actor: string;
  today: string;
  now: Date;
}

/** The sanctions a decided record stands for: the ones entered, or the verdict without punishment. */
export function sanctionsOfRecord(record: Extract<OutcomeRecord, { outcome: 'decided' }>): SanctionInput[] {
  if (record.verdict === 'sanctions') return record.sanctions;
  return [
    { kind: 'other_measure', amountCents: null, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: null, description: VERDICT_DESCRIPTIONS[record.verdict] },
  ];
}

/**
 * Records what happened at a hearing, in one transaction: the outcome row, the hearing's and the
 * case's new status, and for a judgment the decision with its sanctions, the case's judgment moment
 * (so the appeal term and the CJIB countdown appear) and its hand-off to CJIB. A second recording
 * for the same hearing is refused: a correction goes through outcomes.correct.
 */
/** Why a case without punishment is completed at its decision. */
export const NOTHING_TO_ENFORCE = 'Geen straf of maatregel om ten uitvoer te leggen: de zaak is afgerond.';

export async function recordOutcome(db: AppDatabase, input: ParsedInput<'outcomes.record'>, clock: OutcomeClock) {
  const context = await loadDeadlineContext(db);
  const { caseId, decisionId } = await inTransaction(db, async (tx) => {
    const facts = await loadHearingFacts(tx, input.hearingId);
    if (facts.outcome) {
      throw new ServiceError('CONFLICT', `Voor zaak ${facts.case.parketnummer} is op deze zitting al een uitkomst vastgelegd; wijzigen kan alleen via 'corrigeren' met een reden.`);
    }
    assertHearingCanHaveOutcome(facts, clock.today);
    return { caseId: facts.case.id, decisionId: await applyOutcome(tx, facts, input, clock, context) };
  });
  return { hearingId: input.hearingId, caseId, outcome: input.outcome, decision: decisionId === null ? null : await getDecision(db, decisionId) };
}

async function applyOutcome(tx: Tx, facts: HearingFacts, record: OutcomeRecord, clock: OutcomeClock, context: DeadlineContext): Promise<number | null> {
  // The audit rows in the order of the steps, written together at the end (one statement).
  const audits: AuditEntry[] = [];
  const decisionId = await applyOutcomeSteps(tx, facts, record, clock, context, audits);
  await recordAudits(tx, audits);
  return decisionId;
}

async function applyOutcomeSteps(tx: Tx, facts: HearingFacts, record: OutcomeRecord, clock: OutcomeClock, context: DeadlineContext, audits: AuditEntry[]): Promise<number | null> {
  const { actor, now } = clock;
  // The case's status as loadHearingFacts read it in this transaction: the status changes need not read it again.
  const known = { from: facts.case.status, audits };
  const caseId = facts.case.id;
  const recordedAt = now.toISOString();
  const base = { hearingId: facts.hearing.id, outcome: record.outcome, note: record.note ?? null, recordedBy: actor, recordedAt };
  const setHearing = async (status: 'held' | 'adjourned' | 'cancelled') => await tx.update(hearings).set({ status }).where(eq(hearings.id, facts.hearing.id));
  const auditOutcome = (reason: string | null, details: Record<string, unknown>) =>
    audits.push({ actor, action: 'outcome.recorded', entityType: 'hearing', entityId: facts.hearing.id, reason, details: { caseId, sessionId: facts.session.id, outcome: record.outcome, ...details }, occurredAt: recordedAt });

  switch (record.outcome) {
    case 'decided': {
      const decidedAt = judgmentMoment(record.decidedAt, facts.session, now);
      await tx.insert(hearingOutcomes).values({ ...base, suspectPresent: record.suspectPresent });
      await setHearing('held');
      const decision = returnedRow(await tx
        .insert(decisions)
        .values({
          caseId,
          hearingId: facts.hearing.id,
          kind: 'judgment',
          decidedAt,
          decidedBy: record.decidedBy,
          suspectPresent: record.suspectPresent,
          conditions: record.conditions || null,
          fitForCommunityService: record.signals.fitForCommunityService,
          fitForDetention: record.signals.fitForDetention,
          paymentArrangement: record.signals.paymentArrangement,
          problematicDebts: record.signals.problematicDebts,
          signalsNote: record.signals.note || null,
          recordedBy: actor,
          recordedAt,
        })
        .returning({ id: decisions.id }));
      const { after } = await writeSanctions(tx, decision.id, sanctionsOfRecord(record), { newDecision: true });
      auditOutcome(null, { suspectPresent: record.suspectPresent, decisionId: decision.id });
      audits.push({
        actor,
        action: 'decision.recorded',
        entityType: 'decision',
        entityId: decision.id,
        details: { caseId, kind: 'judgment', decidedAt, decidedBy: record.decidedBy, verdict: record.verdict, sanctions: after, conditions: record.conditions, signals: record.signals },
        occurredAt: recordedAt,
      });
      await syncHandoff(tx, decision.id, actor, now, { sanctions: after, handoff: null, audits });
      const status = await moveCase(tx, caseId, ['heard', 'decided'], { actor, details: { hearingId: facts.hearing.id, decisionId: decision.id } }, now, known);
      await setDecisionMoments(tx, caseId, context, { judgmentAt: decidedAt });
      if (verdictOf(sanctionsOfRecord(record)) !== 'sanctions') {
        await moveCase(tx, caseId, ['decided', 'completed'], { actor, reason: NOTHING_TO_ENFORCE, details: { decisionId: decision.id } }, now, { from: status, audits });
      }
      return decision.id;
    }
    case 'adjourned': {
      const refusal = resumeFromRefusal(record.resumeFrom, clock.today);
      if (refusal) throw new ServiceError('INVALID_INPUT', refusal);
      await tx.insert(hearingOutcomes).values({ ...base, suspectPresent: record.suspectPresent, adjournmentReason: record.reason, resumeFrom: record.resumeFrom });
      await setHearing('adjourned');
      auditOutcome(record.reason, { resumeFrom: record.resumeFrom, suspectPresent: record.suspectPresent });
      await moveCase(tx, caseId, ['heard', 'adjourned', 'awaiting_planning'], { actor, reason: record.reason, details: { hearingId: facts.hearing.id, resumeFrom: record.resumeFrom } }, now, known);
      // The derived readiness now holds the resume date: the planner places it no earlier.
      await setDecisionMoments(tx, caseId, context, {});
      return null;
    }
    case 'not_appeared': {
      await tx.insert(hearingOutcomes).values({ ...base, suspectPresent: false, adjournmentReason: record.reason });
      await setHearing('adjourned');
      auditOutcome(record.reason, {});
      const path = facts.case.status === 'heard' ? (['adjourned', 'awaiting_planning'] as const) : (['awaiting_planning'] as const);
      await moveCase(tx, caseId, path, { actor, reason: record.reason, details: { hearingId: facts.hearing.id, outcome: 'not_appeared' } }, now, known);
      // A new hearing needs a new summons served (art. 265 Sv): readiness shows the gap until it is.
      const clearSummons = facts.case.modality !== 'supersnelrecht' && facts.case.summonsServedAt !== null;
      if (clearSummons) {
        audits.push({
          actor,
          action: 'case.events_changed',
          entityType: 'case',
          entityId: caseId,
          reason: `Niet verschenen: opnieuw dagvaarden (${record.reason})`,
          details: { summonsServedAt: { from: facts.case.summonsServedAt, to: null } },
          occurredAt: recordedAt,
        });
      }
      await setDecisionMoments(tx, caseId, context, clearSummons ? { summonsServedAt: null } : {});
      return null;
    }
    case 'withdrawn': {
      await tx.insert(hearingOutcomes).values({ ...base, adjournmentReason: record.reason });
      await setHearing('cancelled');
      auditOutcome(record.reason, {});
      await moveCase(tx, caseId, ['withdrawn'], { actor, reason: record.reason, details: { hearingId: facts.hearing.id } }, now, known);
      return null;
    }
  }
}
