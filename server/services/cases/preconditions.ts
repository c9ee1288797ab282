import { and, eq } from 'drizzle-orm';
import { isValidLocalDate } from '../../../shared/calendar/local-date';
import { CASE_STATUS_LABELS, EVENTS_EDITABLE_STATUSES } from '../../../shared/domain/case-lifecycle';
import { PRECONDITION_LABELS, type PreconditionKind, type PreconditionStatus } from '../../../shared/domain/precondition';
import type { AppDatabase } from '../../../db/open-database';
import { casePreconditions, criminalCases } from '../../../db/schema';
import { recordAudit } from '../audit';
import type { Tx } from './case-transition';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { derivedColumns, preconditionsOf } from './derived-columns';
import { firstRow, inTransaction } from '../context/query-results';

export interface PreconditionInput {
  caseId: number;
  kind: PreconditionKind;
  status: PreconditionStatus;
  /** YYYY-MM-DD the party expects to deliver; null = not known. */
  expectedOn: string | null;
  note: string | null;
}

export const PRECONDITION_NOTE_MAX = 500;

type Row = typeof casePreconditions.$inferSelect;
const auditView = (p: Pick<Row, 'status' | 'expectedOn' | 'metOn' | 'note'> | undefined) =>
  p ? { status: p.status, expectedOn: p.expectedOn, metOn: p.metOn, note: p.note } : null;

async function editableCase(tx: Tx, caseId: number) {
  const c = firstRow(await tx.select().from(criminalCases).where(eq(criminalCases.id, caseId)));
  if (!c) throw new ServiceError('NOT_FOUND', `Zaak ${caseId} bestaat niet.`);
  if (!EVENTS_EDITABLE_STATUSES.includes(c.status)) {
    throw new ServiceError('CONFLICT', `Voorwaarden van een zaak met status '${CASE_STATUS_LABELS[c.status]}' zijn niet meer te wijzigen.`);
  }
  return c;
}

/** Rewrites the case's cached readiness from its preconditions as they now stand. */
async function rewriteDerived(tx: Tx, c: typeof criminalCases.$inferSelect, context: Awaited<ReturnType<typeof loadDeadlineContext>>) {
  await tx.update(criminalCases).set(derivedColumns(c, context, await preconditionsOf(tx, c.id))).where(eq(criminalCases.id, c.id));
}

/**
 * Adds or changes one precondition of a case. Becoming 'met' records today as the day it was met.
 * The audit row holds the old and new values; the case's readiness is rewritten in the same transaction.
 */
export async function setPrecondition(db: AppDatabase, input: PreconditionInput, actor: string, today: string, now: Date): Promise<void> {
  const label = PRECONDITION_LABELS[input.kind];
  if (input.expectedOn !== null && !isValidLocalDate(input.expectedOn)) {
    throw new ServiceError('INVALID_INPUT', `Verwachte datum bij '${label}' is geen geldige datum.`);
  }
  const note = input.note?.trim() ? input.note.trim() : null;
  if (note && note.length > PRECONDITION_NOTE_MAX) {
    throw new ServiceError('INVALID_INPUT', `Toelichting bij '${label}' is te lang (max. ${PRECONDITION_NOTE_MAX} tekens).`);
  }
  const context = await loadDeadlineContext(db);
  await inTransaction(db, async (tx) => {
    const c = await editableCase(tx, input.caseId);
    const current = firstRow(await tx
      .select()
      .from(casePreconditions)
      .where(and(eq(casePreconditions.caseId, c.id), eq(casePreconditions.kind, input.kind))));
    const dateChanged = input.expectedOn !== (current?.expectedOn ?? null);
    // A new promise in the past would be overdue at once: ask for the date it will really be ready.
    if (input.status === 'pending' && input.expectedOn !== null && dateChanged && input.expectedOn < today) {
      throw new ServiceError('INVALID_INPUT', `Verwachte datum bij '${label}' ligt vóór vandaag: vul de datum in waarop het naar verwachting rond is.`);
    }
    const metOn = input.status === 'met' ? (current?.status === 'met' ? current.metOn : today) : null;
    const next = { status: input.status, expectedOn: input.expectedOn, metOn, note };
    if (current && current.status === next.status && current.expectedOn === next.expectedOn && current.note === next.note) {
      throw new ServiceError('CONFLICT', 'Er is niets gewijzigd.');
    }
    const stamp = { updatedAt: now.toISOString(), updatedBy: actor };
    if (current) await tx.update(casePreconditions).set({ ...next, ...stamp }).where(eq(casePreconditions.id, current.id));
    else await tx.insert(casePreconditions).values({ caseId: c.id, kind: input.kind, ...next, ...stamp });
    await rewriteDerived(tx, c, context);
    await recordAudit(tx, {
      actor,
      action: 'case.precondition_set',
      entityType: 'case',
      entityId: c.id,
      details: { kind: input.kind, from: auditView(current), to: auditView(next) },
      occurredAt: now.toISOString(),
    });
  });
}

/** Removes one precondition of a case (e.g. added by mistake), audited with what it was. */
export async function removePrecondition(db: AppDatabase, input: { caseId: number; kind: PreconditionKind }, actor: string, now: Date): Promise<void> {
  const context = await loadDeadlineContext(db);
  await inTransaction(db, async (tx) => {
    const c = await editableCase(tx, input.caseId);
    const current = firstRow(await tx
      .select()
      .from(casePreconditions)
      .where(and(eq(casePreconditions.caseId, c.id), eq(casePreconditions.kind, input.kind))));
    if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${c.parketnummer} heeft geen voorwaarde '${PRECONDITION_LABELS[input.kind]}'.`);
    await tx.delete(casePreconditions).where(eq(casePreconditions.id, current.id));
    await rewriteDerived(tx, c, context);
    await recordAudit(tx, {
      actor,
      action: 'case.precondition_removed',
      entityType: 'case',
      entityId: c.id,
      details: { kind: input.kind, from: auditView(current), to: null },
      occurredAt: now.toISOString(),
    });
  });
}
