import { eq } from 'drizzle-orm';
import { messageKey, parseResponseFile, type ResponseImportMode, type ResponseImportReport } from '../../../shared/cjib/response-format';
import type { AppDatabase } from '../../../db/open-database';
import { cjibBatches } from '../../../db/schema';
import { applyImport } from './import-apply';
import { planImport } from './import-plan';
import { loadImportState } from './import-state';
import { firstRow, inTransaction } from '../context/query-results';

export interface ResponseImportRequest {
  fileName: string;
  content: Buffer;
  dryRun: boolean;
  /** Default all_or_nothing. */
  mode?: ResponseImportMode;
}

/**
 * Reads a CJIB response file (acknowledgements, returns, execution updates). Every message is checked
 * first (each against the hand-offs as the messages before it leave them); then, in one transaction,
 * all of them are written or nothing when any message is wrong (all_or_nothing), or the ones without
 * an error (valid_only: a message in error changes nothing, so what the others do is what the check
 * said). Messages read before (same key) change nothing and are reported as such, so a file can be
 * read twice, or again once CJIB corrected the wrong messages.
 */
export async function importCjibResponses(db: AppDatabase, request: ResponseImportRequest, actor: string, now: Date): Promise<ResponseImportReport> {
  const report: ResponseImportReport = {
    fileName: request.fileName,
    dryRun: request.dryRun,
    mode: request.mode ?? 'all_or_nothing',
    batchUid: null,
    fileProblems: [],
    committed: false,
    counts: { total: 0, processed: 0, alreadyProcessed: 0, outdated: 0, error: 0 },
    messages: [],
  };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(request.content);
  } catch {
    return { ...report, fileProblems: ['Het bestand is geen UTF-8-tekst; een antwoordbestand van het CJIB is JSON in UTF-8.'] };
  }
  const parsed = parseResponseFile(text);
  report.batchUid = parsed.batchUid;
  report.fileProblems = parsed.fileProblems;
  if (parsed.fileProblems.length > 0) return report;

  const correlationIds = parsed.messages.flatMap((m) => (m.ok ? [m.message.correlationId] : []));
  const keys = parsed.messages.flatMap((m) => (m.ok ? [messageKey(m.message)] : []));
  await inTransaction(db, async (tx) => {
    if (parsed.batchUid && !firstRow(await tx.select({ id: cjibBatches.id }).from(cjibBatches).where(eq(cjibBatches.batchUid, parsed.batchUid)))) {
      report.fileProblems.push(`Batch ${parsed.batchUid} is niet vanuit dit arrondissement verzonden: controleer of het bestand voor dit arrondissement is.`);
      return;
    }
    const plan = planImport(parsed.messages, await loadImportState(tx, correlationIds, keys), now);
    report.messages = plan.rows;
    for (const row of plan.rows) {
      if (row.outcome === 'processed') report.counts.processed += 1;
      else if (row.outcome === 'already_processed') report.counts.alreadyProcessed += 1;
      else if (row.outcome === 'outdated') report.counts.outdated += 1;
      else report.counts.error += 1;
    }
    report.counts.total = plan.rows.length;
    if (request.dryRun || (report.counts.error > 0 && report.mode === 'all_or_nothing') || plan.steps.length === 0) return;
    await applyImport(tx, plan.steps, { actor, fileName: request.fileName, importedAt: now.toISOString() });
    report.committed = true;
  });
  return report;
}
