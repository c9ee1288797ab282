import { eq } from 'drizzle-orm';
import { instantOf } from '../../../shared/calendar/amsterdam-time';
import type { ParsedInput } from '../../../shared/api/contract';
import type { AppDatabase } from '../../../db/open-database';
import { cjibHandoffs, decisions, sanctions } from '../../../db/schema';
import { recordAudit } from '../audit';
import type { Tx } from '../cases/case-transition';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { getDecision } from './decision-view';
import { assertSanctionsValid, setDecisionMoments, syncHandoff, writeSanctions } from '../outcomes/decision-writes';
import { firstRow, inTransaction } from '../context/query-results';

type DecisionRow = typeof decisions.$inferSelect;

async function loadDecision(tx: Tx, decisionId: number): Promise<DecisionRow> {
  const row = firstRow(await tx.select().from(decisions).where(eq(decisions.id, decisionId)));
  if (!row) throw new ServiceError('NOT_FOUND', `Beslissing ${decisionId} bestaat niet.`);
  return row;
}

function moment(iso: string, field: string, decision: DecisionRow, now: Date): string {
  const at = instantOf(iso);
  if (at < Date.parse(decision.decidedAt)) throw new ServiceError('INVALID_INPUT', `${field} ligt vóór de beslissing.`);
  if (at > now.getTime() + 60_000) throw new ServiceError('INVALID_INPUT', `${field} ligt in de toekomst.`);
  return new Date(at).toISOString();
}

/**
 * Corrects a decision (for example after CJIB returned it): sanctions, conditions, the signed
 * judgment, a remedy. Refused while CJIB has it (sent, awaiting an answer) or has accepted it:
 * CJIB would enforce something other than what Ketenplanner shows. Audited with old and new values.
 */
export async function updateDecision(db: AppDatabase, input: ParsedInput<'decisions.update'>, actor: string, now: Date) {
  const context = await loadDeadlineContext(db);
  await inTransaction(db, async (tx) => {
    const decision = await loadDecision(tx, input.decisionId);
    const handoff = firstRow(await tx.select().from(cjibHandoffs).where(eq(cjibHandoffs.decisionId, decision.id)));
    // A remedy filed late (e.g. an appeal that reached the clerk after the batch went out) must always
    // be recordable, so the case shows it; everything CJIB enforces stays locked while CJIB has it.
    const locked = handoff?.status === 'sent' || handoff?.status === 'acknowledged';
    if (locked && !await onlyRemedyChanges(tx, decision, input)) {
      throw new ServiceError(
        'CONFLICT',
        handoff?.status === 'sent'
          ? 'De beslissing ligt bij het CJIB en wacht op antwoord: alleen een ingesteld rechtsmiddel kan nu worden vastgelegd; corrigeren kan pas na een retour.'
          : 'Het CJIB heeft de beslissing al ontvangen en bevestigd: alleen een ingesteld rechtsmiddel kan nog worden vastgelegd.',
      );
    }
    assertSanctionsValid(input.sanctions, decision.kind);
    if (decision.kind === 'penalty_order' && input.judgmentSignedAt !== null) {
      throw new ServiceError('INVALID_INPUT', 'Een strafbeschikking wordt niet door de rechtbank getekend: laat de datum van ondertekening leeg.');
    }
    const expectedRemedy = decision.kind === 'penalty_order' ? 'verzet' : 'appeal';
    if (input.remedy !== 'none' && input.remedy !== expectedRemedy) {
      throw new ServiceError('INVALID_INPUT', decision.kind === 'penalty_order' ? 'Tegen een strafbeschikking staat verzet open, geen hoger beroep.' : 'Tegen een uitspraak staat hoger beroep open, geen verzet.');
    }
    const next = {
      conditions: input.conditions || null,
      judgmentSignedAt: input.judgmentSignedAt === null ? null : moment(input.judgmentSignedAt, 'De datum van ondertekening', decision, now),
      remedy: input.remedy,
      remedyFiledAt: input.remedyFiledAt === null ? null : moment(input.remedyFiledAt, 'De datum waarop het rechtsmiddel is ingesteld', decision, now),
    };
    await tx.update(decisions).set(next).where(eq(decisions.id, decision.id));
    const sanctions = await writeSanctions(tx, decision.id, input.sanctions);
    await syncHandoff(tx, decision.id, actor, now);
    await setDecisionMoments(tx, decision.caseId, context, {});
    await recordAudit(tx, {
      actor,
      action: 'decision.corrected',
      entityType: 'decision',
      entityId: decision.id,
      reason: input.reason,
      details: {
        caseId: decision.caseId,
        old: { conditions: decision.conditions, judgmentSignedAt: decision.judgmentSignedAt, remedy: decision.remedy, remedyFiledAt: decision.remedyFiledAt, sanctions: sanctions.before },
        new: { ...next, sanctions: sanctions.after },
      },
      occurredAt: now.toISOString(),
    });
  });
  return await getDecision(db, input.decisionId);
}

/** The advisory executability signals, as a person records them: audited with the old and new values. */
export async function updateSignals(db: AppDatabase, input: ParsedInput<'decisions.updateSignals'>, actor: string, now: Date) {
  await inTransaction(db, async (tx) => {
    const decision = await loadDecision(tx, input.decisionId);
    const next = {
      fitForCommunityService: input.fitForCommunityService,
      fitForDetention: input.fitForDetention,
      paymentArrangement: input.paymentArrangement,
      problematicDebts: input.problematicDebts,
      signalsNote: input.note || null,
    };
    const old = Object.fromEntries(Object.keys(next).map((key) => [key, decision[key as keyof typeof next]]));
    await tx.update(decisions).set(next).where(eq(decisions.id, decision.id));
    await recordAudit(tx, { actor, action: 'decision.signals_updated', entityType: 'decision', entityId: decision.id, details: { caseId: decision.caseId, old, new: next }, occurredAt: now.toISOString() });
  });
  return await getDecision(db, input.decisionId);
}

/** Court -> OM: the signed judgment is handed over (Wet USB norm: within 14 days of the judgment). */
export async function markSigned(db: AppDatabase, input: ParsedInput<'decisions.markSigned'>, actor: string, now: Date) {
  await inTransaction(db, async (tx) => {
    const decision = await loadDecision(tx, input.decisionId);
    if (decision.kind !== 'judgment') throw new ServiceError('CONFLICT', 'Alleen een uitspraak van de rechter wordt getekend; een strafbeschikking niet.');
    if (decision.judgmentSignedAt !== null) throw new ServiceError('CONFLICT', 'Deze uitspraak is al als getekend vastgelegd; corrigeer de datum via de beslissing, met een reden.');
    const signedAt = moment(input.signedAt, 'De datum van ondertekening', decision, now);
    await tx.update(decisions).set({ judgmentSignedAt: signedAt }).where(eq(decisions.id, decision.id));
    await recordAudit(tx, { actor, action: 'decision.signed', entityType: 'decision', entityId: decision.id, details: { caseId: decision.caseId, judgmentSignedAt: signedAt }, occurredAt: now.toISOString() });
  });
  return await getDecision(db, input.decisionId);
}

const SANCTION_FIELDS = ['kind', 'amountCents', 'hours', 'days', 'conditional', 'probationMonths', 'substituteDetentionDays', 'description'] as const;

/** Whether the update changes nothing but the remedy (the sanctions, conditions and signing as they are). */
async function onlyRemedyChanges(tx: Pick<AppDatabase, 'select'>, decision: typeof decisions.$inferSelect, input: ParsedInput<'decisions.update'>): Promise<boolean> {
  const current = (await tx.select().from(sanctions).where(eq(sanctions.decisionId, decision.id)).orderBy(sanctions.id));
  const sameSanctions =
    current.length === input.sanctions.length &&
    current.every((s, i) => {
      const next = input.sanctions[i]!;
      return (next.id === undefined || next.id === s.id) && SANCTION_FIELDS.every((field) => (s[field] ?? null) === (next[field] ?? null));
    });
  const signed = input.judgmentSignedAt === null ? null : Date.parse(input.judgmentSignedAt);
  const sameSigned = signed === (decision.judgmentSignedAt === null ? null : Date.parse(decision.judgmentSignedAt));
  return sameSanctions && (input.conditions || null) === (decision.conditions || null) && sameSigned;
}
