import { desc } from 'drizzle-orm';
import { instantOf } from '../../../shared/calendar/amsterdam-time';
import type { CompletenessResult } from '../../../shared/cjib/completeness';
import { countdownTo, waitingSince } from '../../../shared/cjib/countdown';
import { dutchDay, dutchDayOf } from '../../../shared/cjib/dutch-day';
import { REMEDY_OF_KIND } from '../../../shared/cjib/enforceability';
import { HANDOFF_GROUPS, type HandoffGroup, type HandoffQueue, type HandoffQueueItem } from '../../../shared/cjib/handoff-schemas';
import { describeReturnReason } from '../../../shared/cjib/return-reasons';
import type { AppDatabase } from '../../../db/open-database';
import { cjibBatches } from '../../../db/schema';
import { loadDeadlineContext, type DeadlineContext } from '../settings/district-settings';
import { evaluateHandoff, handoffDeadlines, loadHandoffFacts, type HandoffFacts } from './queue-facts';

const BATCHES_SHOWN = 100;

/**
 * Every hand-off CJIB has not acknowledged, each in one group: waiting for the decision to become
 * final, blocked by missing fields, ready to send, sent and awaiting an answer, or returned.
 */
export async function listHandoffQueue(db: AppDatabase, now: Date): Promise<HandoffQueue> {
  const context = await loadDeadlineContext(db);
  const at = now.getTime();
  const items = (await loadHandoffFacts(db, { notAcknowledged: true })).map((facts) => queueItem(facts, context, at));
  const counts = Object.fromEntries(HANDOFF_GROUPS.map((g) => [g, items.filter((i) => i.group === g).length])) as Record<HandoffGroup, number>;
  const batches = (await db
    .select({ batchUid: cjibBatches.batchUid, createdAt: cjibBatches.createdAt, createdBy: cjibBatches.createdBy, decisionCount: cjibBatches.decisionCount })
    .from(cjibBatches)
    .orderBy(desc(cjibBatches.id))
    .limit(BATCHES_SHOWN));
  return { items: items.sort(byUrgency), counts, batches };
}

export function groupOf(status: HandoffFacts['handoff']['status'], result: CompletenessResult): HandoffGroup {
  if (status === 'sent' || status === 'acknowledged') return 'sent';
  if (status === 'returned') return 'returned';
  if (result.sendable) return 'ready';
  return result.enforceability.state === 'term_running' ? 'waiting' : 'blocked';
}

function queueItem(facts: HandoffFacts, context: DeadlineContext, now: number): HandoffQueueItem {
  const { handoff, decision, caseRow, suspect } = facts;
  const deadlines = handoffDeadlines(facts, context);
  const result = evaluateHandoff(facts, deadlines, now);
  const { enforceability } = result;
  const notSent = handoff.status === 'waiting' || handoff.status === 'returned';
  const judgment = decision.kind === 'judgment';
  return {
    handoffId: handoff.id,
    version: handoff.version,
    decisionId: decision.id,
    caseId: caseRow.id,
    parketnummer: caseRow.parketnummer,
    suspectName: suspect.fullName,
    decisionKind: decision.kind,
    decidedAt: decision.decidedAt,
    decidedBy: decision.decidedBy,
    status: handoff.status,
    group: groupOf(handoff.status, result),
    attempt: handoff.attempt,
    returnCount: handoff.returnCount,
    enforceability:
      enforceability.state === 'enforceable'
        ? `Onherroepelijk sinds ${dutchDayOf(enforceability.enforceableAt)}`
        : enforceability.state === 'term_running'
          ? `${capitalise(REMEDY_OF_KIND[decision.kind])} mogelijk tot ${dutchDay(enforceability.termLastDay)}`
          : enforceability.state === 'remedy_filed'
            ? 'Rechtsmiddel ingesteld: niet onherroepelijk'
            : 'Termijn niet te berekenen',
    enforceableAt: enforceability.state === 'enforceable' ? new Date(enforceability.enforceableAt).toISOString() : null,
    problems: result.problems,
    judgmentToOm: judgment
      ? {
          signedAt: decision.judgmentSignedAt,
          countdown: decision.judgmentSignedAt === null && deadlines.judgmentToOmBy ? countdownTo(instantOf(deadlines.judgmentToOmBy), now, context.calendar) : null,
        }
      : null,
    toCjib: notSent && deadlines.toCjibBy && decision.remedy === 'none' ? countdownTo(instantOf(deadlines.toCjibBy), now, context.calendar) : null,
    sentAt: handoff.sentAt,
    sentSince: handoff.status === 'sent' && handoff.sentAt ? waitingSince(instantOf(handoff.sentAt), now, context.calendar).text : null,
    lastBatchUid: facts.lastBatchUid,
    returnedAt: handoff.returnedAt,
    returnCode: handoff.returnCode,
    returnReason: handoff.returnReason,
    returnLabel: handoff.returnCode ? describeReturnReason(handoff.returnCode, handoff.returnReason) : null,
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Overdue and nearest hand-off limit first; then by case. */
function byUrgency(a: HandoffQueueItem, b: HandoffQueueItem): number {
  const due = (i: HandoffQueueItem) => i.toCjib?.dueAt ?? i.judgmentToOm?.countdown?.dueAt ?? '9999';
  return due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : a.handoffId - b.handoffId;
}
