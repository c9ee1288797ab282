import { BATCH_FORMAT, BATCH_FORMAT_VERSION, type BatchDecision, type BatchSanction, type CjibBatch } from '../../shared/cjib/batch-format';
import type { ReturnReasonCode } from '../../shared/cjib/return-reasons';
import { RESPONSE_FORMAT, RESPONSE_FORMAT_VERSION, type ResponseFile } from '../../shared/cjib/response-format';
import type { ExecutionStatus } from '../../shared/domain/cjib';

/*
 * Plays CJIB in tests: reads a batch file as CJIB would and writes the response files CJIB sends
 * back (docs/cjib-exchange.md). A test tool, not product code.
 */

type Message = ResponseFile['messages'][number];

/** Reads a batch as CJIB's intake would: refuses anything that is not a version 1 batch. */
export function readBatch(text: string): CjibBatch {
  const batch = JSON.parse(text) as CjibBatch;
  if (batch.format !== BATCH_FORMAT || batch.version !== BATCH_FORMAT_VERSION) throw new Error(`CJIB simulator: not a version 1 batch (${String(batch.format)} v${String(batch.version)})`);
  if (!Array.isArray(batch.decisions) || batch.decisions.length === 0) throw new Error('CJIB simulator: batch without decisions');
  return batch;
}

interface Selection {
  /** Answer only these decisions (default: all in the batch). */
  correlationIds?: readonly string[];
  /** When CJIB answered (default: a day after the batch). */
  at?: string;
}

const pick = (batch: CjibBatch, selection: Selection): BatchDecision[] =>
  batch.decisions.filter((d) => !selection.correlationIds || selection.correlationIds.includes(d.correlationId));
const dayAfter = (iso: string) => new Date(Date.parse(iso) + 86_400_000).toISOString();

function responseFile(batch: CjibBatch, messages: Message[]): string {
  const file: ResponseFile = { format: RESPONSE_FORMAT, version: RESPONSE_FORMAT_VERSION, batchUid: batch.batchUid, messages };
  return JSON.stringify(file, null, 2);
}

/** Acknowledges every (chosen) decision of the batch, for the attempt that was sent. */
export function ackFile(batch: CjibBatch, selection: Selection = {}): string {
  const at = selection.at ?? dayAfter(batch.createdAt);
  return responseFile(batch, pick(batch, selection).map((d) => ({ type: 'ack', correlationId: d.correlationId, attempt: d.attempt, at })));
}

/** Returns every (chosen) decision with one reason. */
export function returnFile(batch: CjibBatch, reason: { reasonCode: ReturnReasonCode; reasonText?: string } & Selection): string {
  const at = reason.at ?? dayAfter(batch.createdAt);
  return responseFile(
    batch,
    pick(batch, reason).map((d) => ({ type: 'return', correlationId: d.correlationId, attempt: d.attempt, at, reasonCode: reason.reasonCode, ...(reason.reasonText ? { reasonText: reason.reasonText } : {}) })),
  );
}

/** The status CJIB reports when a sanction is fully carried out; null for what it does not track. */
export function completedStatus(s: BatchSanction): ExecutionStatus | null {
  if (s.conditional) return null;
  switch (s.kind) {
    case 'fine':
    case 'compensation_order':
      return 'fine_paid_in_full';
    case 'community_service':
      return 'community_service_completed';
    case 'custodial':
      return 'custodial_served';
    case 'other_measure':
      return null;
  }
}

/** One execution update per sanction of every (chosen) decision; by default each fully carried out. */
export function executionFile(batch: CjibBatch, options: Selection & { status?: (s: BatchSanction) => ExecutionStatus | null } = {}): string {
  const at = options.at ?? new Date(Date.parse(batch.createdAt) + 10 * 86_400_000).toISOString();
  const status = options.status ?? completedStatus;
  const messages: Message[] = [];
  for (const d of pick(batch, options)) {
    for (const s of d.sanctions) {
      const reported = status(s);
      if (reported) messages.push({ type: 'execution', correlationId: d.correlationId, sanctionId: s.sanctionId, status: reported, at });
    }
  }
  return responseFile(batch, messages);
}
