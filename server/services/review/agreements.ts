import { and, asc, eq, inArray, lt, or } from 'drizzle-orm';
import { reviewPeriodRange } from '../../../shared/metrics/review-period';
import type { AppDatabase } from '../../../db/open-database';
import { reviewAgreements } from '../../../db/schema';
import type { ParsedInput } from '../../../shared/api/contract';
import type { AgreementStatus } from '../../../shared/domain/review';
import type { Agreement } from '../../../shared/review/register-schemas';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { changedFields, registerHistory } from './register-history';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

const OPEN_STATUSES: AgreementStatus[] = ['open', 'in_progress'];

type Row = typeof reviewAgreements.$inferSelect;
type Reader = Pick<AppDatabase, 'select'>;

/** Open or in progress after its due date: the register and the review pack say so in words. */
export function isAgreementOverdue(row: Pick<Row, 'status' | 'dueOn'>, today: string): boolean {
  return OPEN_STATUSES.includes(row.status) && row.dueOn < today;
}

/**
 * The agreements made in a period, plus those of earlier periods that are still open (they come back
 * in every review until done or dropped). Without a period: all of them.
 */
export async function listAgreements(db: Reader, input: ParsedInput<'review.agreements.list'>, today: string): Promise<{ today: string; agreements: Agreement[] }> {
  const { period } = input;
  const rows = (await db
    .select()
    .from(reviewAgreements)
    .where(period ? or(eq(reviewAgreements.period, period), and(lt(reviewAgreements.period, period), inArray(reviewAgreements.status, OPEN_STATUSES))) : undefined)
    .orderBy(asc(reviewAgreements.period), asc(reviewAgreements.dueOn), asc(reviewAgreements.id)));
  const history = await registerHistory(db, 'review_agreement', rows.map((r) => r.id));
  return {
    today,
    agreements: rows.map((row) => ({
      ...row,
      overdue: isAgreementOverdue(row, today),
      carriedOver: period !== undefined && row.period < period,
      history: history.get(row.id) ?? [],
    })),
  };
}

/** Creates an agreement or changes one; a status change needs a reason, and 'done' needs its evidence. */
export async function saveAgreement(db: AppDatabase, input: ParsedInput<'review.agreements.save'>, actor: string, now: Date): Promise<{ id: number }> {
  // A due date before the start of the agreement's review period is a typing error (issue 11, item 12: '1 januari 1999').
  const periodStart = reviewPeriodRange(input.period).from;
  if (input.dueOn < periodStart) {
    const dmy = (date: string) => date.split('-').reverse().join('-');
    throw new ServiceError('INVALID_INPUT', `Uiterlijk: ${dmy(input.dueOn)} ligt vóór het begin van de overlegperiode (${dmy(periodStart)}); kies een latere datum.`);
  }
  if (input.status === 'done' && !input.evidence) {
    throw new ServiceError('INVALID_INPUT', 'Bewijs: leg vast waaruit blijkt dat de afspraak is nagekomen voordat u haar afrondt.');
  }
  const at = now.toISOString();
  const fields = { period: input.period, what: input.what, owner: input.owner, dueOn: input.dueOn, status: input.status, evidence: input.evidence };
  return await inTransaction(db, async (tx) => {
    if (input.id === undefined || input.id === null) {
      const created = returnedRow(await tx
        .insert(reviewAgreements)
        .values({ ...fields, createdBy: actor, createdAt: at, updatedBy: actor, updatedAt: at })
        .returning({ id: reviewAgreements.id }));
      await recordAudit(tx, {
        actor,
        action: 'review.agreement.created',
        entityType: 'review_agreement',
        entityId: created.id,
        reason: input.reason,
        details: { ...fields, status: { from: null, to: input.status } },
        occurredAt: at,
      });
      return { id: created.id };
    }
    const current = firstRow(await tx.select().from(reviewAgreements).where(eq(reviewAgreements.id, input.id)));
    if (!current) throw new ServiceError('NOT_FOUND', `Afspraak ${input.id} bestaat niet (meer).`);
    const changes = changedFields(current, fields);
    if (Object.keys(changes).length === 0) return { id: current.id };
    if (changes['status'] && !input.reason) {
      throw new ServiceError('INVALID_INPUT', 'Reden: geef aan waarom de status van de afspraak verandert.');
    }
    await tx.update(reviewAgreements).set({ ...fields, updatedBy: actor, updatedAt: at }).where(eq(reviewAgreements.id, current.id));
    await recordAudit(tx, { actor, action: 'review.agreement.updated', entityType: 'review_agreement', entityId: current.id, reason: input.reason, details: changes, occurredAt: at });
    return { id: current.id };
  });
}
