import { asc, eq } from 'drizzle-orm';
import { buildBatch } from '../../../shared/cjib/batch-format';
import type { CjibBatchFiles } from '../../../shared/cjib/handoff-schemas';
import type { AppDatabase } from '../../../db/open-database';
import { cjibBatches, cjibBatchItems, districts } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { batchFiles } from './export-files';
import { batchDecisionSource } from './export-sources';
import { evaluateHandoff, handoffDeadlines, loadHandoffFacts } from './queue-facts';
import { firstRow, inTransaction } from '../context/query-results';

/**
 * The files of an earlier batch, byte for byte: rebuilt from the batch row (uid, moment) and its items
 * (hand-off, attempt) with the same builder, and checked against the checksum taken when it was made.
 * Changes no status and makes no hand-off; CJIB recognises the repeat by correlation id and attempt.
 */
export async function resendCjibBatch(db: AppDatabase, input: { batchUid: string }, actor: string, now: Date): Promise<CjibBatchFiles> {
  const context = await loadDeadlineContext(db);
  return await inTransaction(db, async (tx) => {
    const batchUid = input.batchUid.toLowerCase();
    const batch = firstRow(await tx.select().from(cjibBatches).where(eq(cjibBatches.batchUid, batchUid)));
    if (!batch) throw new ServiceError('NOT_FOUND', `Batch ${input.batchUid} bestaat niet.`);
    const district = firstRow(await tx.select({ code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.id)));
    if (!district) throw new ServiceError('NOT_FOUND', 'Dit databasebestand hoort nog bij geen arrondissement.');
    const items = (await tx.select().from(cjibBatchItems).where(eq(cjibBatchItems.batchId, batch.id)).orderBy(asc(cjibBatchItems.id)));
    const facts = await loadHandoffFacts(tx, { handoffIds: items.map((i) => i.handoffId) });

    const changed: string[] = [];
    const sources = items.flatMap((item) => {
      const f = facts.find((candidate) => candidate.handoff.id === item.handoffId)!;
      const { enforceability } = evaluateHandoff(f, handoffDeadlines(f, context), now.getTime());
      if (enforceability.state !== 'enforceable') {
        changed.push(`${f.caseRow.parketnummer}: niet meer onherroepelijk (${enforceability.state === 'remedy_filed' ? 'rechtsmiddel ingesteld' : 'termijn gewijzigd'})`);
        return [];
      }
      return [batchDecisionSource(f, item.attempt, enforceability.enforceableAt)];
    });
    if (changed.length > 0) {
      throw new ServiceError('CONFLICT', `Batch ${batch.batchUid} wordt niet opnieuw verzonden:\n${changed.join('\n')}`);
    }
    const files = batchFiles(buildBatch({ batchUid: batch.batchUid, createdAt: batch.createdAt, district, decisions: sources }));
    if (files.checksum !== batch.checksum) {
      throw new ServiceError(
        'CONFLICT',
        `Batch ${batch.batchUid} is niet meer byte voor byte gelijk te maken: gegevens van een of meer beslissingen in de batch ` +
          'zijn sinds het verzenden gewijzigd. Stuur de gewijzigde beslissing in een nieuwe batch (na retour en herstel).',
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'cjib.batch_resent',
      entityType: 'cjib_batch',
      entityId: batch.id,
      details: { batchUid: batch.batchUid, checksum: batch.checksum },
      occurredAt: now.toISOString(),
    });
    return files;
  });
}
