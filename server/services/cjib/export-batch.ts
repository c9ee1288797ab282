import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { buildBatch, BATCH_FORMAT_VERSION, type BatchDecisionSource } from '../../../shared/cjib/batch-format';
import type { CjibBatchFiles } from '../../../shared/cjib/handoff-schemas';
import type { AppDatabase } from '../../../db/open-database';
import { cjibBatches, cjibBatchItems, cjibHandoffs, districts } from '../../../db/schema';
import { recordAudit } from '../audit';
import { transitionCase } from '../cases/case-transition';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { batchFiles } from './export-files';
import { batchDecisionSource, problemLines } from './export-sources';
import { evaluateHandoff, handoffDeadlines, loadHandoffFacts, type HandoffFacts } from './queue-facts';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

const STATUS_LABELS = { waiting: 'wacht', sent: 'verzonden', acknowledged: 'ontvangen door het CJIB', returned: 'retour, nog niet hersteld' } as const;

/** Case statuses that already say the case is with CJIB: a second decision of the case moves nothing. */
const ALREADY_WITH_CJIB = new Set(['handed_to_cjib', 'in_execution']);

/**
 * Makes a batch of the chosen hand-offs, or of every one that is ready: each must be waiting (new, or
 * returned and reworked), enforceable and complete. In one transaction: the batch and its items, each
 * hand-off sent with its next attempt, each case handed to CJIB, and an audit row for every change.
 */
export async function exportCjibBatch(db: AppDatabase, input: { handoffIds?: number[] | undefined }, actor: string, now: Date): Promise<CjibBatchFiles> {
  const context = await loadDeadlineContext(db);
  const at = now.getTime();
  return await inTransaction(db, async (tx) => {
    const district = firstRow(await tx.select({ code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.id)));
    if (!district) throw new ServiceError('NOT_FOUND', 'Dit databasebestand hoort nog bij geen arrondissement.');

    let chosen: { facts: HandoffFacts; enforceableAt: number }[];
    if (input.handoffIds) {
      const facts = await loadHandoffFacts(tx, { handoffIds: input.handoffIds });
      const missing = input.handoffIds.filter((id) => !facts.some((f) => f.handoff.id === id));
      if (missing.length > 0) throw new ServiceError('NOT_FOUND', `Overdracht ${missing.join(', ')} bestaat niet.`);
      const notWaiting = facts.filter((f) => f.handoff.status !== 'waiting');
      if (notWaiting.length > 0) {
        throw new ServiceError(
          'CONFLICT',
          `Niet verzonden: alleen wachtende beslissingen kunnen in een nieuwe batch.\n${problemLines(
            notWaiting.map((f) => ({ parketnummer: f.caseRow.parketnummer, problems: [`status '${STATUS_LABELS[f.handoff.status]}'`] })),
          )}`,
        );
      }
      const evaluated = facts.map((f) => ({ facts: f, result: evaluateHandoff(f, handoffDeadlines(f, context), at) }));
      const incomplete = evaluated.filter((e) => !e.result.sendable);
      if (incomplete.length > 0) {
        throw new ServiceError(
          'CONFLICT',
          `Niet verzonden: niet alle gekozen beslissingen zijn compleet en onherroepelijk.\n${problemLines(
            incomplete.map((e) => ({ parketnummer: e.facts.caseRow.parketnummer, problems: e.result.problems.map((p) => p.message) })),
          )}`,
        );
      }
      chosen = evaluated.map((e) => ({ facts: e.facts, enforceableAt: enforceableAtOf(e.result) }));
    } else {
      chosen = (await loadHandoffFacts(tx, { notAcknowledged: true }))
        .filter((f) => f.handoff.status === 'waiting')
        .map((f) => ({ facts: f, result: evaluateHandoff(f, handoffDeadlines(f, context), at) }))
        .filter((e) => e.result.sendable)
        .map((e) => ({ facts: e.facts, enforceableAt: enforceableAtOf(e.result) }));
      if (chosen.length === 0) {
        throw new ServiceError('CONFLICT', 'Geen beslissingen klaar om te verzenden: er is geen wachtende beslissing die compleet en onherroepelijk is.');
      }
    }

    const batchUid = randomUUID();
    const createdAt = now.toISOString();
    const sources: BatchDecisionSource[] = chosen.map(({ facts, enforceableAt }) => batchDecisionSource(facts, facts.handoff.attempt + 1, enforceableAt));
    const files = batchFiles(buildBatch({ batchUid, createdAt, district, decisions: sources }));

    const batch = returnedRow(await tx
      .insert(cjibBatches)
      .values({ batchUid, formatVersion: BATCH_FORMAT_VERSION, createdAt, createdBy: actor, decisionCount: chosen.length, checksum: files.checksum })
      .returning({ id: cjibBatches.id }));
    await recordAudit(tx, {
      actor,
      action: 'cjib.batch_created',
      entityType: 'cjib_batch',
      entityId: batch.id,
      details: { batchUid, decisionCount: chosen.length, checksum: files.checksum },
      occurredAt: createdAt,
    });
    const handedOver = new Set<number>();
    for (const { facts } of chosen) {
      const attempt = facts.handoff.attempt + 1;
      await tx.insert(cjibBatchItems).values({ batchId: batch.id, handoffId: facts.handoff.id, attempt });
      await tx.update(cjibHandoffs).set({ status: 'sent', attempt, lastBatchId: batch.id, sentAt: createdAt }).where(eq(cjibHandoffs.id, facts.handoff.id));
      await recordAudit(tx, {
        actor,
        action: 'cjib.handoff_sent',
        entityType: 'cjib_handoff',
        entityId: facts.handoff.id,
        details: { batchUid, attempt, correlationId: facts.handoff.correlationId, decisionId: facts.decision.id, caseId: facts.caseRow.id },
        occurredAt: createdAt,
      });
      if (!ALREADY_WITH_CJIB.has(facts.caseRow.status) && !handedOver.has(facts.caseRow.id)) {
        handedOver.add(facts.caseRow.id);
        await transitionCase(tx, facts.caseRow.id, 'handed_to_cjib', { actor, details: { batchUid, handoffId: facts.handoff.id, attempt } }, now);
      }
    }
    return files;
  });
}

function enforceableAtOf(result: ReturnType<typeof evaluateHandoff>): number {
  if (result.enforceability.state !== 'enforceable') throw new Error('Only enforceable decisions are sent');
  return result.enforceability.enforceableAt;
}
