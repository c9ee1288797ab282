import { eq } from 'drizzle-orm';
import { needsArrestTime } from '../../../shared/domain/case-lifecycle';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases } from '../../../db/schema';
import { ServiceError } from '../service-error';
import { transitionCase } from './case-transition';
import { firstRow, inTransaction } from '../context/query-results';

/**
 * Puts a case that needs no ZSM decision in the planning queue: a filler case from the prosecution's
 * stock, or a case the OM already summoned outside the ZSM table. Audited with the reason.
 */
export async function releaseToPlanning(db: AppDatabase, input: { caseId: number; reason: string }, actor: string, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    const current = firstRow(await tx.select().from(criminalCases).where(eq(criminalCases.id, input.caseId)));
    if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${input.caseId} bestaat niet.`);
    if (current.modality === 'zsm') throw new ServiceError('CONFLICT', 'Een ZSM-zaak gaat pas naar de planning na een ZSM-beslissing tot dagvaarden.');
    if (needsArrestTime(current.modality) && !current.arrestedAt) {
      throw new ServiceError('CONFLICT', 'Vul eerst het tijdstip van aanhouding in: zonder dat is de termijn van een gedetineerde zaak niet te bewaken.');
    }
    await transitionCase(tx, input.caseId, 'awaiting_planning', { actor, reason: input.reason, details: { via: 'release_to_planning' } }, now);
  });
}
