import { and, asc, between, eq, inArray, lt, or } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { workSignals } from '../../../db/schema';
import type { ParsedInput } from '../../../shared/api/contract';
import type { SignalStatus } from '../../../shared/domain/review';
import type { WorkSignal } from '../../../shared/review/register-schemas';
import { reviewPeriodRange } from '../../../shared/metrics/review-period';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { changedFields, registerHistory } from './register-history';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

const OPEN_STATUSES: SignalStatus[] = ['open', 'in_progress'];
const CLOSED_STATUSES: SignalStatus[] = ['resolved', 'not_taken_up'];

type Reader = Pick<AppDatabase, 'select'>;

/** Signals raised in a period, plus earlier ones still open. Without a period: all of them. */
export async function listSignals(db: Reader, input: ParsedInput<'review.signals.list'>, today: string): Promise<{ today: string; signals: WorkSignal[] }> {
  const range = input.period ? reviewPeriodRange(input.period) : null;
  const rows = (await db
    .select()
    .from(workSignals)
    .where(
      range
        ? or(between(workSignals.raisedOn, range.from, range.to), and(lt(workSignals.raisedOn, range.from), inArray(workSignals.status, OPEN_STATUSES)))
        : undefined,
    )
    .orderBy(asc(workSignals.raisedOn), asc(workSignals.id)));
  const history = await registerHistory(db, 'work_signal', rows.map((r) => r.id));
  return {
    today,
    signals: rows.map((row) => ({ ...row, carriedOver: range !== null && row.raisedOn < range.from, history: history.get(row.id) ?? [] })),
  };
}

/** Records a signal or changes one; a status change needs a reason, and closing one needs the action taken. */
export async function saveSignal(db: AppDatabase, input: ParsedInput<'review.signals.save'>, actor: string, today: string, now: Date): Promise<{ id: number }> {
  if (input.raisedOn > today) throw new ServiceError('INVALID_INPUT', 'Gemeld op: die datum ligt in de toekomst.');
  if (CLOSED_STATUSES.includes(input.status) && !input.actionTaken) {
    throw new ServiceError('INVALID_INPUT', 'Actie: beschrijf wat er met het knelpunt is gedaan (of waarom het niet is opgepakt) voordat u het afsluit.');
  }
  const at = now.toISOString();
  const fields = { raisedOn: input.raisedOn, raisedBy: input.raisedBy, description: input.description, status: input.status, actionTaken: input.actionTaken };
  return await inTransaction(db, async (tx) => {
    if (input.id === undefined || input.id === null) {
      const created = returnedRow(await tx
        .insert(workSignals)
        .values({ ...fields, createdBy: actor, createdAt: at, updatedBy: actor, updatedAt: at })
        .returning({ id: workSignals.id }));
      await recordAudit(tx, {
        actor,
        action: 'review.signal.created',
        entityType: 'work_signal',
        entityId: created.id,
        reason: input.reason,
        details: { ...fields, status: { from: null, to: input.status } },
        occurredAt: at,
      });
      return { id: created.id };
    }
    const current = firstRow(await tx.select().from(workSignals).where(eq(workSignals.id, input.id)));
    if (!current) throw new ServiceError('NOT_FOUND', `Knelpunt ${input.id} bestaat niet (meer).`);
    const changes = changedFields(current, fields);
    if (Object.keys(changes).length === 0) return { id: current.id };
    if (changes['status'] && !input.reason) throw new ServiceError('INVALID_INPUT', 'Reden: geef aan waarom de status van het knelpunt verandert.');
    await tx.update(workSignals).set({ ...fields, updatedBy: actor, updatedAt: at }).where(eq(workSignals.id, current.id));
    await recordAudit(tx, { actor, action: 'review.signal.updated', entityType: 'work_signal', entityId: current.id, reason: input.reason, details: changes, occurredAt: at });
    return { id: current.id };
  });
}
