import { asc, desc, eq } from 'drizzle-orm';
import { describeReturnReason } from '../../../shared/cjib/return-reasons';
import type { DecisionView } from '../../../shared/outcomes/decision-schemas';
import type { AppDatabase } from '../../../db/open-database';
import { cjibHandoffs, decisions, sanctions } from '../../../db/schema';
import { ServiceError } from '../service-error';
import { firstRow } from '../context/query-results';

type Reader = Pick<AppDatabase, 'select'>;
type DecisionRow = typeof decisions.$inferSelect;

/** Hand-off statuses in which the decision is with CJIB (awaiting an answer, or accepted): no corrections then. */
export const LOCKED_HANDOFF_STATUSES = ['sent', 'acknowledged'] as const;

export async function decisionView(db: Reader, row: DecisionRow): Promise<DecisionView> {
  const handoff = firstRow(await db
    .select({
      id: cjibHandoffs.id,
      status: cjibHandoffs.status,
      correlationId: cjibHandoffs.correlationId,
      attempt: cjibHandoffs.attempt,
      returnCount: cjibHandoffs.returnCount,
      returnCode: cjibHandoffs.returnCode,
      returnReason: cjibHandoffs.returnReason,
    })
    .from(cjibHandoffs)
    .where(eq(cjibHandoffs.decisionId, row.id)));
  return {
    id: row.id,
    version: row.version,
    caseId: row.caseId,
    hearingId: row.hearingId,
    kind: row.kind,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedBy,
    suspectPresent: row.suspectPresent,
    conditions: row.conditions,
    judgmentSignedAt: row.judgmentSignedAt,
    remedy: row.remedy,
    remedyFiledAt: row.remedyFiledAt,
    signals: {
      fitForCommunityService: row.fitForCommunityService,
      fitForDetention: row.fitForDetention,
      paymentArrangement: row.paymentArrangement,
      problematicDebts: row.problematicDebts,
      note: row.signalsNote,
    },
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt,
    sanctions: (await db
      .select({
        id: sanctions.id,
        kind: sanctions.kind,
        amountCents: sanctions.amountCents,
        hours: sanctions.hours,
        days: sanctions.days,
        conditional: sanctions.conditional,
        probationMonths: sanctions.probationMonths,
        substituteDetentionDays: sanctions.substituteDetentionDays,
        description: sanctions.description,
      })
      .from(sanctions)
      .where(eq(sanctions.decisionId, row.id))
      .orderBy(asc(sanctions.id))),
    handoff: handoff
      ? {
          id: handoff.id,
          status: handoff.status,
          correlationId: handoff.correlationId,
          attempt: handoff.attempt,
          returnCount: handoff.returnCount,
          returnLabel: handoff.returnCode ? describeReturnReason(handoff.returnCode, handoff.returnReason) : null,
          returnCode: handoff.returnCode,
          returnReason: handoff.returnReason,
        }
      : null,
    correctable: !handoff || !(LOCKED_HANDOFF_STATUSES as readonly string[]).includes(handoff.status),
  };
}

export async function getDecision(db: Reader, decisionId: number): Promise<DecisionView> {
  const row = firstRow(await db.select().from(decisions).where(eq(decisions.id, decisionId)));
  if (!row) throw new ServiceError('NOT_FOUND', `Beslissing ${decisionId} bestaat niet.`);
  return await decisionView(db, row);
}

/** A case's decisions, newest first. */
export async function decisionsForCase(db: Reader, caseId: number): Promise<DecisionView[]> {
  const rows = await db.select().from(decisions).where(eq(decisions.caseId, caseId)).orderBy(desc(decisions.id));
  const views: DecisionView[] = [];
  for (const row of rows) views.push(await decisionView(db, row));
  return views;
}
