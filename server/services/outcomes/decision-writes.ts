import { randomUUID } from 'node:crypto';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { DecisionKind } from '../../../shared/domain/outcome';
import { sanctionIssues, type SanctionInput } from '../../../shared/outcomes/sanction-rules';
import { verdictOf } from '../../../shared/outcomes/outcome-record';
import { cjibBatchItems, cjibHandoffs, criminalCases, sanctionExecutions, sanctions } from '../../../db/schema';
import { recordAudit, type AuditEntry } from '../audit';
import type { Tx } from '../cases/case-transition';
import { derivedColumns, preconditionsOf } from '../cases/derived-columns';
import { ServiceError } from '../service-error';
import type { DeadlineContext } from '../settings/district-settings';
import { firstRow, returnedRow } from '../context/query-results';

type SanctionRow = typeof sanctions.$inferSelect;

/** Refuses sanctions that break a rule for this kind of decision, naming every field (the contract checks judgments already). */
export function assertSanctionsValid(list: readonly SanctionInput[], kind: DecisionKind): void {
  const problems = list.flatMap((s, index) => sanctionIssues(s, kind).map((issue) => (list.length > 1 ? `Straf ${index + 1}, ${issue.message}` : issue.message)));
  if (problems.length > 0) throw new ServiceError('INVALID_INPUT', problems.join('; '));
}

const sanctionValues = (s: SanctionInput) => ({
  kind: s.kind,
  amountCents: s.amountCents,
  hours: s.hours,
  days: s.days,
  conditional: s.conditional,
  probationMonths: s.conditional ? s.probationMonths : null,
  substituteDetentionDays: s.substituteDetentionDays,
  description: s.description || null,
});

/**
 * Makes the decision's sanctions equal to `next`: a sanction with an id is updated in place (CJIB
 * knows it by that id), one without is added, one left out is removed unless CJIB already reported
 * on its execution. Returns the sanctions before and after, for the audit.
 */
export async function writeSanctions(tx: Tx, decisionId: number, next: readonly SanctionInput[], options: { newDecision?: boolean } = {}): Promise<{ before: SanctionRow[]; after: SanctionRow[] }> {
  // A decision inserted by this transaction has no sanctions yet: all are added, with one statement.
  if (options.newDecision) return { before: [], after: await insertSanctionsOfNewDecision(tx, decisionId, next) };
  const before = (await tx.select().from(sanctions).where(eq(sanctions.decisionId, decisionId)));
  const keep = next.flatMap((s) => (s.id === undefined ? [] : [s.id]));
  for (const id of keep) {
    if (!before.some((row) => row.id === id)) throw new ServiceError('INVALID_INPUT', `Straf ${id} hoort niet bij deze beslissing.`);
  }
  const removed = before.filter((row) => !keep.includes(row.id)).map((row) => row.id);
  if (removed.length > 0) {
    const executed = (await tx.select({ id: sanctionExecutions.sanctionId }).from(sanctionExecutions).where(inArray(sanctionExecutions.sanctionId, removed)));
    if (executed.length > 0) throw new ServiceError('CONFLICT', 'Een straf waarover het CJIB al een executiestand meldde, kan niet worden verwijderd.');
    await tx.delete(sanctions).where(and(eq(sanctions.decisionId, decisionId), keep.length ? notInArray(sanctions.id, keep) : undefined));
  }
  for (const s of next) {
    if (s.id === undefined) await tx.insert(sanctions).values({ decisionId, ...sanctionValues(s) });
    else await tx.update(sanctions).set(sanctionValues(s)).where(eq(sanctions.id, s.id));
  }
  const after = (await tx.select().from(sanctions).where(eq(sanctions.decisionId, decisionId)));
  return { before, after };
}

async function insertSanctionsOfNewDecision(tx: Tx, decisionId: number, next: readonly SanctionInput[]): Promise<SanctionRow[]> {
  const named = next.find((s) => s.id !== undefined);
  if (named) throw new ServiceError('INVALID_INPUT', `Straf ${named.id} hoort niet bij deze beslissing.`);
  if (next.length === 0) return [];
  return await tx.insert(sanctions).values(next.map((s) => ({ decisionId, ...sanctionValues(s) }))).returning();
}

/** What syncHandoff may be told instead of reading it: the decision's sanctions and hand-off as this transaction wrote them. */
export interface KnownHandoffFacts {
  sanctions?: readonly Pick<SanctionRow, 'kind' | 'description'>[];
  /** null: the decision is new in this transaction, so it has no hand-off yet. */
  handoff?: null;
  /** Collects the audit rows here (the caller writes them in order, recordAudits). */
  audits?: AuditEntry[];
}

/**
 * A decision with something to enforce gets one hand-off (status waiting, one correlation id for its
 * whole life); a verdict without punishment needs none, and an unsent one is withdrawn when a
 * correction turns the decision into such a verdict.
 */
export async function syncHandoff(tx: Tx, decisionId: number, actor: string, now: Date, known: KnownHandoffFacts = {}): Promise<void> {
  const list = known.sanctions ?? (await tx.select({ kind: sanctions.kind, description: sanctions.description }).from(sanctions).where(eq(sanctions.decisionId, decisionId)));
  const enforceable = list.length > 0 && verdictOf(list) === 'sanctions';
  const handoff = known.handoff === null ? undefined : firstRow(await tx.select().from(cjibHandoffs).where(eq(cjibHandoffs.decisionId, decisionId)));
  if (enforceable && !handoff) {
    const correlationId = randomUUID();
    const created = returnedRow(await tx.insert(cjibHandoffs).values({ decisionId, correlationId, status: 'waiting' }).returning({ id: cjibHandoffs.id }));
    const entry: AuditEntry = { actor, action: 'cjib.handoff_created', entityType: 'cjib_handoff', entityId: created.id, details: { decisionId, correlationId }, occurredAt: now.toISOString() };
    if (known.audits) known.audits.push(entry);
    else await recordAudit(tx, entry);
  }
  if (!enforceable && handoff) {
    const inBatch = firstRow(await tx.select({ id: cjibBatchItems.id }).from(cjibBatchItems).where(eq(cjibBatchItems.handoffId, handoff.id)));
    if (handoff.attempt > 0 || inBatch) throw new ServiceError('CONFLICT', 'Deze beslissing is al eens naar het CJIB gestuurd; zij kan niet meer zonder straf worden.');
    await tx.delete(cjibHandoffs).where(eq(cjibHandoffs.id, handoff.id));
    await recordAudit(tx, { actor, action: 'cjib.handoff_withdrawn', entityType: 'cjib_handoff', entityId: handoff.id, details: { decisionId, correlationId: handoff.correlationId }, occurredAt: now.toISOString() });
  }
}

/** Sets the decision moments the deadline engine reads, and rewrites the case's derived columns. */
export async function setDecisionMoments(
  tx: Tx,
  caseId: number,
  context: DeadlineContext,
  moments: Partial<Pick<typeof criminalCases.$inferSelect, 'judgmentAt' | 'penaltyOrderDeliveredAt' | 'summonsServedAt'>>,
): Promise<void> {
  const current = firstRow(await tx.select().from(criminalCases).where(eq(criminalCases.id, caseId)));
  if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${caseId} bestaat niet.`);
  const next = { ...current, ...moments };
  await tx.update(criminalCases).set({ ...moments, ...derivedColumns(next, context, await preconditionsOf(tx, caseId)) }).where(eq(criminalCases.id, caseId));
}
